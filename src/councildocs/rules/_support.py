"""What rules share: the ``Hit`` a rule yields, and a document's text as sentences with pages.

Rules read models only. A parser that could not place a passage keeps it in the document's
``unplaced_text``, so the text a rule searches is every parsed field plus that: a check for
something *missing* must not fire because a parser has not learnt to place it yet.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..models import (
    DocumentBase,
    MinutesDocument,
    OtherDocument,
    ReportDocument,
    WorkProgrammeDocument,
)
from ..patterns import compiled


@dataclass(frozen=True)
class Hit:
    """One problem a rule found; the linter adds the rule's code, name and severity.

    ``page`` is the pack page where known, else the physical page. ``document`` is the index
    into ``Pack.documents``: per-document rules leave it to the linter, pack rules set it.
    """

    message: str
    page: int | None = None
    quote: str | None = None
    document: int | None = None


@dataclass(frozen=True)
class Passage:
    """A run of a document's text (a paragraph, a recommendation, a table comment)."""

    text: str
    page: int | None


def page_of(document: DocumentBase, physical: int | None) -> int | None:
    """A physical page as the pack numbers it, when the document's span in both is known."""
    if physical is None:
        return None
    if document.physical_pages and document.pages:
        return document.pages.start + (physical - document.physical_pages.start)
    return physical


def passages(document: DocumentBase) -> list[Passage]:
    """Every passage of text in a document: parsed fields first, then unplaced text.

    Unplaced paragraphs that continue the one before (they start in lower case, as after a
    page break or a lost bullet) are joined to it, so a sentence is never cut in two.
    """
    found: list[Passage] = []

    def add(text: str | None, physical: int | None) -> None:
        if text and text.strip():
            found.append(Passage(" ".join(text.split()), page_of(document, physical)))

    if isinstance(document, ReportDocument):
        meta = document.metadata
        add(meta.title, None)
        add(meta.purpose, None)
        for rec in document.recommendations:
            add(rec.text, rec.provenance.page if rec.provenance else None)
        for section in document.sections:
            page = section.provenance.page if section.provenance else None
            add(section.title, page)
            for para in section.paragraphs:
                para_page = para.provenance.page if para.provenance else page
                add(" ".join([para.text, *para.bullets]), para_page)
        for implication in document.implications:
            page = implication.provenance.page if implication.provenance else None
            add(implication.title, page)
            add(implication.text, page)
    elif isinstance(document, MinutesDocument):
        for item in document.items:
            page = item.provenance.page if item.provenance else None
            add(item.title, page)
            add(item.text, page)
            for res in [*item.resolutions, *item.procedural_votes]:
                add(res.text, res.provenance.page if res.provenance else page)
    elif isinstance(document, OtherDocument):
        add(document.text, document.physical_pages.start if document.physical_pages else None)
    elif isinstance(document, WorkProgrammeDocument):
        for meeting in document.meetings:
            add(meeting.date_text, None)
    for table in document.tables:
        for record in table.statistics.records if table.statistics else []:
            add(record.comment, table.page)
    previous_unplaced: Passage | None = None
    for block in document.unplaced_text:
        text = " ".join(block.text.split())
        if previous_unplaced and text[:1].islower():
            joined = Passage(f"{previous_unplaced.text} {text}", previous_unplaced.page)
            found[-1] = joined
            previous_unplaced = joined
            continue
        add(text, block.page)
        previous_unplaced = found[-1] if found else None
    return found


def document_text(document: DocumentBase) -> str:
    return "\n".join(p.text for p in passages(document))


_SENTENCE_END = compiled(r"(?<=[.!?])\s+(?=[\p{Lu}\d(\[])")


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


# --- numbers ---------------------------------------------------------------------------

#: A count or amount as printed: 7,403 · 21225 · 16.5 · £500,000. Not part of a date,
#: a year range (2016-2017), a section number (4.3) or a word (tier1).
NUMBER = compiled(
    r"(?<![\w.,/\-£$])(?P<currency>[£$])?(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w/]|[.,-]\d)"
)
PERCENT = compiled(r"(?<![\w.,\-])(?P<number>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)")
_YEAR = compiled(r"^(19|20)\d\d$")


def to_float(printed: str) -> float:
    return float(printed.replace(",", ""))


def decimals(printed: str) -> int:
    return len(printed.split(".", 1)[1]) if "." in printed else 0


def is_count(match: regex.Match) -> bool:
    """A number that is a quantity: not a year, not a percentage, not a list label."""
    printed = match.group("number")
    if _YEAR.match(printed) and "," not in printed:
        return False
    after = match.string[match.end() : match.end() + 9]
    return not regex.match(r"\s?(?:%|per\s?cent)", after)


def counts(text: str) -> list[regex.Match]:
    return [m for m in NUMBER.finditer(text) if is_count(m)]


def agrees(stated: str, actual: float) -> bool:
    """Whether a printed figure is the actual value rounded, or cut, to its printed places.

    "9" agrees with 8.7 (rounded); "36" with 35.9; "13.6" with 13.60. Cutting (8.7 printed
    "8") is also accepted: officers do it, and it is no error of substance.
    """
    unit = 10 ** -decimals(stated)
    value = to_float(stated)
    slack = 1e-9 + unit * 1e-6
    rounded_ok = abs(actual - value) <= unit / 2 + slack
    magnitude = abs(actual)
    cut_ok = math.floor(magnitude / unit + slack) * unit == abs(value) if value >= 0 else False
    return rounded_ok or cut_ok


def fmt(value: float, places: int = 1) -> str:
    return f"{value:,.{places}f}"


def all_passages_with_index(pack) -> Iterator[tuple[int, DocumentBase, Passage]]:
    for index, document in enumerate(pack.documents):
        for passage in passages(document):
            yield index, document, passage
