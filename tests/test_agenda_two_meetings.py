"""One file, two agendas: the annual meeting's, then the ordinary meeting's after it.

Parish councils publish both in one file, each page opening with its own notice and
summons and numbering its items from 1. The file holds two agenda documents; the pack's
agenda lists both meetings' items in order. A cover sheet above an agenda's summons (no
items of its own) is the same agenda. Excerpts generated here with fpdf2, wording ours.
"""

from __future__ import annotations

import pytest

import councildocs
from councildocs.contract import BoundarySignal

fpdf = pytest.importorskip("fpdf")


def _line(pdf, text: str, style: str = "", size: float = 11) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def _agenda_page(pdf, notice: str, items: list[str]) -> None:
    pdf.add_page()
    _line(pdf, notice, "B", 12)
    _line(pdf, "AGENDA", "B", 12)
    _line(
        pdf,
        "To members of the Council: you are hereby summoned to attend the meeting for the "
        "purposes of transacting the following business:",
    )
    for number, title in enumerate(items, start=1):
        _line(pdf, f"{number}. {title}")


def test_a_second_summons_starts_a_second_agenda(tmp_path):
    pdf = fpdf.FPDF()
    _agenda_page(
        pdf,
        "NOTICE OF THE ANNUAL MEETING OF NORTHFOLD PARISH COUNCIL, 12 MAY 2025 AT 7PM",
        ["Election of Chairman", "Election of Vice Chairman", "Meeting close"],
    )
    _agenda_page(
        pdf,
        "NOTICE OF THE PARISH COUNCIL MEETING OF NORTHFOLD, 12 MAY 2025 AT 7.30PM",
        ["Apologies", "Declarations of interest", "Planning applications"],
    )
    path = tmp_path / "two_agendas.pdf"
    pdf.output(str(path))

    pack = councildocs.parse(path)

    assert [(d.kind, d.physical_pages.start, d.physical_pages.end) for d in pack.documents] == [
        ("agenda", 1, 1),
        ("agenda", 2, 2),
    ]
    assert [d.boundary.signals for d in pack.documents] == [
        [BoundarySignal.file_start],
        [BoundarySignal.signature],
    ]
    assert [(i.number, i.title) for i in pack.agenda.items] == [
        ("1", "Election of Chairman"),
        ("2", "Election of Vice Chairman"),
        ("3", "Meeting close"),
        ("1", "Apologies"),
        ("2", "Declarations of interest"),
        ("3", "Planning applications"),
    ]


def test_a_cover_sheet_above_the_summons_is_the_same_agenda(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    _line(pdf, "Summons to and Agenda for an Extraordinary Meeting", "B", 20)
    _line(pdf, "Thursday, 9th January 2025 at 10.00 am", "B", 14)
    _agenda_page(
        pdf,
        "NOTICE OF AN EXTRAORDINARY MEETING OF NORTHFOLD PARISH COUNCIL",
        ["Apologies", "Declarations of interest", "Devolution"],
    )
    path = tmp_path / "cover.pdf"
    pdf.output(str(path))

    pack = councildocs.parse(path)

    assert [(d.kind, d.physical_pages.start, d.physical_pages.end) for d in pack.documents] == [
        ("agenda", 1, 2)
    ]
    assert [i.title for i in pack.agenda.items] == [
        "Apologies",
        "Declarations of interest",
        "Devolution",
    ]


def test_a_bold_sub_heading_inside_a_bold_item_is_no_item(tmp_path):
    # the annual meeting's items are plain, the ordinary meeting's bold: no one style is
    # the items', and "New applications" and "Applications decided" under the bold
    # "2. Planning applications" are sub-headings of that item, not business of their own
    pdf = fpdf.FPDF()
    _agenda_page(
        pdf,
        "NOTICE OF THE ANNUAL MEETING OF NORTHFOLD PARISH COUNCIL",
        ["Election of Chairman", "Election of Vice Chairman", "Accounts", "Meeting close"],
    )
    pdf.add_page()
    _line(pdf, "NOTICE OF THE PARISH COUNCIL MEETING OF NORTHFOLD", "B", 12)
    _line(pdf, "You are hereby summoned to attend for the following business:")
    _line(pdf, "1. Apologies", "B")
    _line(pdf, "2. Planning applications", "B")
    for text, style in (
        ("New applications", "B"),
        ("25/00001/F Land at Mill Lane: erection of a garage", ""),
        ("Applications decided", "B"),
        ("24/00950/F The Old Forge: approved", ""),
    ):
        pdf.ln(5)  # the lists stand apart under the item, a blank line above each
        _line(pdf, text, style)
    pdf.ln(5)
    _line(pdf, "3. Correspondence", "B")
    path = tmp_path / "sub_heading.pdf"
    pdf.output(str(path))

    items = councildocs.parse(path).agenda.items

    assert [(i.number, i.title) for i in items] == [
        ("1", "Election of Chairman"),
        ("2", "Election of Vice Chairman"),
        ("3", "Accounts"),
        ("4", "Meeting close"),
        ("1", "Apologies"),
        ("2", "Planning applications"),
        ("3", "Correspondence"),
    ]
