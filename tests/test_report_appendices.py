"""A report's appendices stay part of it, each under its own heading.

A file that holds a report and the appendices printed after it (no agenda pages and no
stamp saying they are documents of their own) is one report: an appendix title opening
a page starts a section, and the same title atop the appendix's next page is its running
head, not another section. The excerpt is generated here with fpdf2; its wording is ours.
"""

from __future__ import annotations

import pytest

import councildocs

fpdf = pytest.importorskip("fpdf")

BODY = (
    "The service has kept its spending within the budget set for the year and expects to "
    "finish the year with a small underspend on its running costs."
)


def _line(pdf, text: str, style: str = "", size: float = 11) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def _report_with_appendix(path) -> None:
    pdf = fpdf.FPDF()
    pdf.add_page()
    _line(pdf, "Report title: Library Opening Hours Review", "B")
    _line(pdf, "From: Head of Libraries")
    _line(pdf, "To: Communities Scrutiny Committee")
    _line(pdf, "Wards affected: All")
    _line(pdf, "1. Purpose of the report", "B", 12)
    _line(pdf, f"1.1 {BODY}")
    _line(pdf, "2. Recommendations", "B", 12)
    _line(pdf, "2.1 That the committee comment on the options in Appendix A.")
    for part in ("Central libraries", "Branch libraries"):
        pdf.add_page()
        _line(pdf, f"APPENDIX A: OPENING HOURS BY LIBRARY - {part.upper()}", "B", 14)
        _line(pdf, part, "B")
        _line(pdf, BODY)
    pdf.output(str(path))


def test_appendices_after_a_report_are_its_sections(tmp_path):
    path = tmp_path / "report.pdf"
    _report_with_appendix(path)

    [report] = councildocs.parse(path).documents

    assert report.kind == "report"
    assert (report.physical_pages.start, report.physical_pages.end) == (1, 3)
    assert [(s.number, s.title) for s in report.sections] == [
        ("1", "Purpose of the report"),
        ("2", "Recommendations"),
        (None, "APPENDIX A: OPENING HOURS BY LIBRARY - CENTRAL LIBRARIES"),
    ]
    appendix = report.sections[-1]
    assert appendix.provenance.page == 2
    # the title atop page 3 is the appendix's running head: kept as its text
    text = " ".join(p.text for p in appendix.paragraphs)
    assert "BRANCH LIBRARIES" in text and "Branch libraries" in text
