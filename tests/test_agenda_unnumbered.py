"""Unnumbered agenda items: business of its own printed as a heading with no number.

US agendas (and some parish ones) print "Call to Order", "Oral Communications" and
"Adjournment" as underlined headings at the item column between numbered items; they are
items with no number (``number`` null). An underlined heading over numbered items
("Consent Calendar") groups them and is not one. Generated here with fpdf2, wording ours.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main

fpdf = pytest.importorskip("fpdf")


def _agenda(path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 8, "City Council Agenda", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 8, "Regular Meeting, April 18, 2016, 6:00 PM", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    rows = [
        ("U", "Call to Order"),
        ("U", "Oral Communications"),
        ("", "Members of the public may speak to any item not on the agenda."),
        ("U", "Consent Calendar"),
        ("", "1. Approval of Action Minutes for the April 4, 2016 Council Meeting"),
        ("", "2. Approval of a Contract With a Paving Company for Street Resurfacing"),
        ("U", "Action Items"),
        ("", "3. Review of the Annual Earth Day Report"),
        ("U", "Adjournment"),
    ]
    for style, text in rows:
        pdf.set_font("Helvetica", style, 11)
        pdf.cell(0, 7, text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.output(str(path))


def test_unnumbered_items_are_items_with_no_number(tmp_path):
    path = tmp_path / "agenda.pdf"
    _agenda(path)

    items = councildocs.parse(path).agenda.items

    assert [(i.number, i.title) for i in items] == [
        (None, "Call to Order"),
        (None, "Oral Communications"),
        ("1", "Approval of Action Minutes for the April 4, 2016 Council Meeting"),
        ("2", "Approval of a Contract With a Paving Company for Street Resurfacing"),
        ("3", "Review of the Annual Earth Day Report"),
        (None, "Adjournment"),
    ]
    assert items[1].notes == ["Members of the public may speak to any item not on the agenda."]


def test_unnumbered_items_print_and_validate(tmp_path):
    path = tmp_path / "agenda.pdf"
    _agenda(path)
    runner = CliRunner()

    summary = runner.invoke(main, ["parse", str(path), "--format", "summary"])
    assert summary.exit_code == 0, summary.output
    assert "Call to Order" in summary.output and "None." not in summary.output

    # the numbering rule reads the numbered items only: 1, 2, 3 in sequence
    findings = councildocs.validate(councildocs.parse(path))
    assert [f.code for f in findings if f.code.startswith("AGD")] == []
