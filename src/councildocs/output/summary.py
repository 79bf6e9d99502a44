"""A pack as a rich tree: the meeting, its agenda, and each document with its pages."""

from __future__ import annotations

from rich.tree import Tree

from ..models import Pack
from .findings_text import escape
from .wording import count, page_range


def pack_tree(pack: Pack) -> Tree:
    meeting = pack.meeting
    heading = " · ".join(
        escape(str(v))
        for v in (meeting.council, meeting.body, meeting.date, meeting.time, meeting.venue)
        if v
    )
    tree = Tree(f"[bold]{escape(pack.source.path)}[/] ({count(pack.source.page_count, 'page')})")
    tree.add(f"[bold]Meeting[/] {heading or '[dim]not stated[/]'}")
    agenda = tree.add(f"[bold]Agenda[/] ({len(pack.agenda.items)} items)")
    for item in pack.agenda.items:
        pages = f" [dim]{page_range(item.pages.start, item.pages.end)}[/]" if item.pages else ""
        part = " [magenta](part 2)[/]" if item.part == 2 else ""
        number = f"{escape(item.number)}. " if item.number else ""
        label = agenda.add(f"{number}{escape(item.title)}{pages}{part}")
        if item.presenter:
            role = f", {escape(item.presenter.role)}" if item.presenter.role else ""
            label.add(f"[dim]presenter:[/] {escape(item.presenter.name)}{role}")
    documents = tree.add(f"[bold]Documents[/] ({len(pack.documents)})")
    for doc in pack.documents:
        pages = page_range(doc.pages.start, doc.pages.end) if doc.pages else "pages ?"
        item = f" · item {doc.agenda_item}" if doc.agenda_item else ""
        node = documents.add(
            f"[cyan]{doc.kind}[/] {escape(doc.title or '')} [dim]({pages}{item})[/]"
        )
        facts = _facts(doc)
        if doc.tables:
            facts.append(count(len(doc.tables), "table"))
        if facts:
            node.add(" · ".join(facts))
        if doc.unplaced_text:
            node.add(f"[yellow]{count(len(doc.unplaced_text), 'unplaced text block')}[/]")
    return tree


def _facts(doc) -> list[str]:
    """What a reader looks for first in each kind of document."""
    if doc.kind == "minutes":
        attendance = doc.attendance
        return [
            *([f"meeting of {doc.date}"] if doc.date else []),
            count(len(attendance.members), "member"),
            count(len(attendance.apologies), "apology"),
            count(len(doc.items), "item"),
            count(sum(len(i.resolutions) for i in doc.items), "resolution"),
            count(sum(len(i.actions) for i in doc.items), "action"),
        ]
    if doc.kind == "report":
        return [
            count(len(doc.recommendations), "recommendation"),
            count(len(doc.sections), "section"),
            count(len(doc.implications), "implication"),
        ]
    if doc.kind == "work_programme":
        return [
            count(len(doc.meetings), "meeting"),
            count(sum(len(m.items) for m in doc.meetings), "item"),
        ]
    if doc.kind == "other":
        # a form's decision number, and the headings any document shows
        number = doc.metadata.decision_number
        return [
            *([f"decision {number}"] if number else []),
            *([count(len(doc.sections), "section")] if doc.sections else []),
        ]
    return []
