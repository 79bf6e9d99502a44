"""Agenda items from what a reader sees, on a parish-style agenda of our own (fpdf2):
bold numbered items, lettered and bulleted sub-points indented under them, a heading
with its description in a column or after a dash, and a list of dates after the last
item."""

from __future__ import annotations

from fpdf import FPDF

import councildocs


def _agenda(path):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "Agenda for the Parish Council meeting", new_x="LMARGIN", new_y="NEXT")
    rows = [
        (20, "B", 11, "1.", "Apologies for absence", ""),
        (20, "B", 11, "2.", "Declarations of Interest", " - to receive any declarations"),
        (20, "B", 11, "3.", "Police Reports", ""),
        (35, "", 10, "a.", "Neighbourhood team", ""),
        (35, "", 10, "b.", "Traffic survey", ""),
        (20, "B", 11, "4.", "Highways", "COLUMN:To receive an update"),
        (20, "B", 11, "5.", "Finance", ""),
        (35, "", 10, "-", "To approve the accounts payable", ""),
        (20, "B", 11, "6.", "Date of next meeting - 1st July 2025", ""),
        (20, "B", 11, "29", "Jan, 26 Feb, 26 March", ""),
    ]
    for x, style, size, number, title, rest in rows:
        pdf.set_x(x)
        pdf.set_font("Helvetica", style, size)
        pdf.cell(10, 7, number)
        pdf.cell(pdf.get_string_width(title) + 1, 7, title)
        if rest.startswith("COLUMN:"):
            pdf.set_x(120)
            pdf.set_font("Helvetica", "", 9)
            pdf.cell(0, 7, rest.removeprefix("COLUMN:"))
        elif rest:
            pdf.set_font("Helvetica", "", 9)
            pdf.cell(0, 7, rest)
        pdf.ln(8)
    pdf.output(str(path))


def test_items_come_from_structure(tmp_path):
    path = tmp_path / "agenda.pdf"
    _agenda(path)
    items = councildocs.parse(path).agenda.items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies for absence"),
        ("2", "Declarations of Interest"),
        ("3", "Police Reports"),
        ("4", "Highways"),
        ("5", "Finance"),
        ("6", "Date of next meeting"),
    ]
    assert [i.notes for i in items] == [
        [],
        ["- to receive any declarations"],
        ["a. Neighbourhood team b. Traffic survey"],
        ["To receive an update"],
        ["- To approve the accounts payable"],
        ["1st July 2025"],
    ]
