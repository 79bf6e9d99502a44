"""A column break made by one wide space inside a text object: PDFium gives the run one
rectangle, but a reader sees two columns ("Nick Oakley (NO) CHAIR" and, far across the
page, "Alan Smyth"), so extraction cuts the run where the space between two letters is
wider than any justified space, each piece spanning its own letters."""

from __future__ import annotations

import pytest

from councildocs.extract.pdf import read_pdf

fpdf = pytest.importorskip("fpdf")


def _page(tmp_path, lines: list[str]) -> str:
    pdf = fpdf.FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for number, text in enumerate(lines):
        pdf.text(72, 100 + 15 * number, text)  # each line one text object
    path = tmp_path / "columns.pdf"
    pdf.output(str(path))
    return str(path)


def test_a_wide_space_inside_one_run_makes_two_spans(tmp_path):
    path = _page(tmp_path, ["Nick Oakley (NO) CHAIR" + " " * 40 + "Alan Smyth"])
    [line] = read_pdf(path)[0][0].lines
    assert [span.text for span in line.spans] == ["Nick Oakley (NO) CHAIR", "Alan Smyth"]
    first, second = line.spans
    # forty spaces of 11 pt Helvetica (3.06 pt each) stand between them
    assert second.x0 - first.x1 > 100
    assert line.text == "Nick Oakley (NO) CHAIR Alan Smyth"


def test_ordinary_and_justified_spacing_stays_one_span(tmp_path):
    path = _page(
        tmp_path, ["A sentence of ordinary words, set as one run.", "Wide   spaced   words"]
    )
    lines = read_pdf(path)[0][0].lines
    assert [[span.text for span in line.spans] for line in lines] == [
        ["A sentence of ordinary words, set as one run."],
        ["Wide spaced words"],  # one span, its spacing tidied
    ]
