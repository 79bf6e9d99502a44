"""Outside the agenda's spans a document starts at a title-style heading, not at wording.

Two small files generated here (fpdf2, core fonts: Helvetica-Bold is bold by its name):
minutes whose later page opens with a numbered item heading naming a "Work Programme"
(one document), and an unstamped pack whose third page opens with an unnumbered, larger
"Work Programme" title (a second document).
"""

from __future__ import annotations

import pytest

import councildocs

fpdf = pytest.importorskip("fpdf")

_BODY = (
    "Members discussed the matter at some length and the clerk answered questions about "
    "the timetable, the costs already committed and the next steps for the parish."
)


def _page(pdf, heading: str, size: float, paragraphs: int = 6) -> None:
    pdf.add_page()
    pdf.set_font("Helvetica", "B", size)
    pdf.multi_cell(0, size * 0.6, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    pdf.set_font("Helvetica", "", 11)
    for _ in range(paragraphs):
        pdf.multi_cell(0, 6, _BODY, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)


def _item(pdf, heading: str) -> None:
    pdf.set_font("Helvetica", "B", 11)
    pdf.multi_cell(0, 6, heading, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, _BODY, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)


def test_a_numbered_item_heading_naming_a_work_programme_does_not_start_a_document(tmp_path):
    pdf = fpdf.FPDF()
    _page(pdf, "Minutes of the Meeting of Eastfield Parish Council", 16, paragraphs=1)
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(
        0,
        6,
        "Present: Councillors A Brook (Chair), C Dale and E Fenn",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    pdf.ln(2)
    for heading in ("51. Apologies", "52. Planning applications"):
        _item(pdf, heading)
    pdf.add_page()
    _item(pdf, "53. WORK PROGRAMME")
    _item(pdf, "54. Date of the next meeting")
    path = tmp_path / "minutes.pdf"
    pdf.output(str(path))

    pack = councildocs.parse(path)

    assert [(d.kind, d.physical_pages.start, d.physical_pages.end) for d in pack.documents] == [
        ("minutes", 1, 2)
    ]
    # the file's own title is a title-style start too; page 2's numbered heading is not
    assert [s.value for s in pack.documents[0].boundary.signals] == [
        "file_start",
        "title_style",
        "signature",
    ]


def test_an_unnumbered_title_at_the_top_of_a_page_starts_a_document(tmp_path):
    pdf = fpdf.FPDF()
    _page(pdf, "Minutes of the Meeting of Eastfield Parish Council", 16, paragraphs=2)
    _page(pdf, "Allotments and open spaces", 11)
    _page(pdf, "Work Programme 2025/26", 16)
    path = tmp_path / "unstamped.pdf"
    pdf.output(str(path))

    pack = councildocs.parse(path)

    kinds = [(d.kind, d.physical_pages.start, d.physical_pages.end) for d in pack.documents]
    assert kinds == [("minutes", 1, 2), ("work_programme", 3, 3)]
    assert [s.value for s in pack.documents[1].boundary.signals] == ["title_style", "signature"]
