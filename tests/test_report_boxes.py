"""A header value ends at a drawn box's edge, or below a gap where the style changes; a
rule between the rows of one value does not end it.

A report's "Label: value" rows each in a drawn box, then a box with no label at all: that
box is the text below the header block, not more of the last value. A bare rule between
the lines of one value (a contact list ruled off row by row) has no sides, opens no box, and
the value runs on. The excerpts are generated here with fpdf2; the wording is our own.
"""

from __future__ import annotations

import pytest

import councildocs

fpdf = pytest.importorskip("fpdf")


def _bold_label(pdf, x: float, y: float, label: str) -> None:
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(x, y, label)
    pdf.set_font("Helvetica", "", 11)


def _parsed(pdf, path):
    """The excerpt's one document, once it has its first numbered section, written and
    parsed; with its header pairs as printed."""
    _purpose(pdf)
    pdf.output(str(path))
    [document] = councildocs.parse(path).documents
    return document, [(pair.label, pair.value) for pair in document.metadata.fields]


def _purpose(pdf) -> None:
    _bold_label(pdf, 10, 75, "1. Purpose of the report")
    pdf.text(10, 83, "1.1 The report sets out the new opening hours.")


def test_a_box_with_no_label_closes_the_header_block(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    for n, (label, value) in enumerate([("Report to:", "Cabinet"), ("Date:", "4 March 2025")]):
        pdf.rect(10, 20 + 10 * n, 190, 10)
        _bold_label(pdf, 12, 26 + 10 * n, label)
        pdf.text(40, 26 + 10 * n, value)
    pdf.rect(10, 45, 190, 16)
    pdf.text(12, 51, "Cabinet is asked to approve the new opening hours of the town")
    pdf.text(12, 57, "libraries from April.")
    document, pairs = _parsed(pdf, tmp_path / "boxes.pdf")

    assert pairs == [("Report to", "Cabinet"), ("Date", "4 March 2025")]
    # the box's text is kept, not dropped, and heads no section
    assert [u.text for u in document.unplaced_text] == [
        "Cabinet is asked to approve the new opening hours of the town libraries from April."
    ]
    assert [s.title for s in document.sections] == ["Purpose of the report"]


def test_rules_between_the_rows_of_one_value_do_not_end_it(tmp_path):
    # a contact list ruled off row by row (bare rules, no sides), as a cover page prints it
    pdf = fpdf.FPDF()
    pdf.add_page()
    _bold_label(pdf, 10, 20, "Report to:")
    pdf.text(45, 20, "Cabinet")
    _bold_label(pdf, 10, 32, "Contact Details")
    pdf.set_font("Helvetica", "", 9)
    pdf.line(10, 34, 150, 34)
    for n, (role, name, tel) in enumerate(
        [
            ("Head of Libraries", "Jo Bloggs", "01234 567890"),
            ("Finance Manager", "Sam Smith", "01234 567891"),
        ]
    ):
        y = 39 + 7 * n
        pdf.text(10, y, role)
        pdf.text(60, y, name)
        pdf.text(100, y, tel)
        pdf.line(10, y + 2, 150, y + 2)
    document, pairs = _parsed(pdf, tmp_path / "rows.pdf")

    assert [label for label, _value in pairs] == ["Report to", "Contact Details"]
    first = document.metadata.accountable_employees[0]
    assert (first.name, first.role, first.tel) == ("Jo Bloggs", "Head of Libraries", "01234 567890")


def test_a_value_ends_below_a_gap_where_the_style_changes(tmp_path):
    # "Wards affected:" with its wards on the line below, then, below a gap, a line in
    # larger italic type: not more wards, but the text below the header block
    pdf = fpdf.FPDF()
    pdf.add_page()
    _bold_label(pdf, 10, 20, "Report to:")
    pdf.text(40, 20, "Cabinet")
    _bold_label(pdf, 10, 30, "Wards affected:")
    pdf.text(10, 36, "Abbey and Bridge")
    pdf.set_font("Helvetica", "I", 13)
    pdf.text(20, 50, "Deadline for call-in 19 September 2025")
    pdf.set_font("Helvetica", "", 11)
    document, pairs = _parsed(pdf, tmp_path / "report.pdf")

    assert pairs == [("Report to", "Cabinet"), ("Wards affected", "Abbey and Bridge")]
    kept = [u.text for u in document.unplaced_text] + [s.title for s in document.sections]
    assert "Deadline for call-in 19 September 2025" in kept
