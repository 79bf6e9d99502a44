"""A pack as a rich tree: the meeting, its agenda, and each document with its pages."""

from __future__ import annotations

from rich.tree import Tree

from ..models import Pack


def pack_tree(pack: Pack) -> Tree:
    meeting = pack.meeting
    heading = " · ".join(
        str(v) for v in (meeting.body, meeting.date, meeting.time, meeting.venue) if v
    )
    tree = Tree(f"[bold]{pack.source.path}[/] ({pack.source.page_count} pages)")
    tree.add(f"[bold]Meeting[/] {heading or '[dim]not stated[/]'}")
    agenda = tree.add(f"[bold]Agenda[/] ({len(pack.agenda.items)} items)")
    for item in pack.agenda.items:
        pages = f" [dim]pages {item.pages.start}-{item.pages.end}[/]" if item.pages else ""
        part = " [magenta](part 2)[/]" if item.part == 2 else ""
        label = agenda.add(f"{item.number}. {item.title}{pages}{part}")
        if item.presenter:
            role = f", {item.presenter.role}" if item.presenter.role else ""
            label.add(f"[dim]presenter:[/] {item.presenter.name}{role}")
    documents = tree.add(f"[bold]Documents[/] ({len(pack.documents)})")
    for doc in pack.documents:
        pages = f"pages {doc.pages.start}-{doc.pages.end}" if doc.pages else "pages ?"
        item = f" · item {doc.agenda_item}" if doc.agenda_item else ""
        node = documents.add(f"[cyan]{doc.kind}[/] {doc.title or ''} [dim]({pages}{item})[/]")
        facts = _facts(doc)
        if doc.tables:
            facts.append(_count(len(doc.tables), "table"))
        if facts:
            node.add(" · ".join(facts))
        if doc.unplaced_text:
            node.add(f"[yellow]{_count(len(doc.unplaced_text), 'unplaced text block')}[/]")
    return tree


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _facts(doc) -> list[str]:
    """What a reader looks for first in each kind of document."""
    if doc.kind == "minutes":
        attendance = doc.attendance
        return [
            *([f"meeting of {doc.date}"] if doc.date else []),
            _count(len(attendance.members), "member"),
            _count(len(attendance.apologies), "apology").replace("apologys", "apologies"),
            _count(len(doc.items), "item"),
            _count(sum(len(i.resolutions) for i in doc.items), "resolution"),
            _count(sum(len(i.actions) for i in doc.items), "action"),
        ]
    if doc.kind == "report":
        return [
            _count(len(doc.recommendations), "recommendation"),
            _count(len(doc.sections), "section"),
            _count(len(doc.implications), "implication"),
        ]
    if doc.kind == "work_programme":
        return [
            _count(len(doc.meetings), "meeting"),
            _count(sum(len(m.items) for m in doc.meetings), "item"),
        ]
    return []
