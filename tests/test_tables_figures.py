"""Figures in table cells are read whole, so the figure rules can trust them.

Spreadsheet exports print a figure in pieces (the "1" of "159,314" as its own run, a
little apart from "59,314"), which extraction keeps as separate words: "1 59,314". A
thousands comma shows where the pieces belong, and they join only into a figure grouped
by threes. The Kent values were read off the rendered page of "Appendix A Capital
Investment Summary" (and agree with PDFium's own text of it).
"""

from __future__ import annotations

import pytest
import regex

import councildocs
from councildocs.parsers.numbers import whole_figures

from .conftest import corpus_pdfs, shared_file

fpdf = pytest.importorskip("fpdf")


@pytest.mark.parametrize(
    ("printed", "whole"),
    [
        ("1 59,314", "159,314"),
        ("11 3,757", "113,757"),
        ("1,1 1 7,976", "1,117,976"),
        ("77, 192", "77,192"),
        ("201 ,552.7", "201,552.7"),
        ("£1 7,009", "£17,009"),
        ("(1 2,345)", "(12,345)"),
        ("151 ,71 7", "151,717"),
        # two figures side by side, or digits with no thousands comma, are left alone
        ("2024 1,234", "2024 1,234"),
        ("12 345,678", "12 345,678"),
        ("1 7", "1 7"),
        ("Total 1 59,314", "Total 1 59,314"),
    ],
)
def test_a_figure_in_pieces_is_read_whole(printed, whole):
    assert whole_figures(printed) == whole


def test_a_generated_table_with_a_figure_printed_in_two_runs(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 10)
    widths = (60, 35, 35)
    for text, width in zip(("Directorate", "2025-26", "2026-27"), widths, strict=True):
        pdf.cell(width, 8, text, border=1)
    pdf.ln()
    pdf.set_font("Helvetica", "", 10)
    for name, first, second in (("Growth", "", "144,563"), ("Adults", "97,113", "105,761")):
        pdf.cell(widths[0], 8, name, border=1)
        x, y = pdf.get_x(), pdf.get_y()
        pdf.cell(widths[1], 8, first, border=1, align="R")
        if not first:
            # "159,314" set as "1" and "59,314", a letter-space apart, as spreadsheets do
            pdf.text(x + 18, y + 5.5, "1")
            pdf.text(x + 18 + pdf.get_string_width("1") + 1.0, y + 5.5, "59,314")
        pdf.cell(widths[2], 8, second, border=1, align="R")
        pdf.ln()
    path = tmp_path / "figures.pdf"
    pdf.output(str(path))

    [table] = [t for d in councildocs.parse(path).documents for t in d.tables]

    assert table.header == ["Directorate", "2025-26", "2026-27"]
    assert table.rows == [["Growth", "159,314", "144,563"], ["Adults", "97,113", "105,761"]]


def test_kent_capital_summary_figures_are_whole():
    pack = councildocs.parse(
        shared_file("corpus/kent/cabinet-2025-01-30/Appendix A Capital Investment Summary.pdf")
    )
    rows = [row for d in pack.documents for t in d.tables for row in t.rows]
    growth = next(row for row in rows if "Growth, Environment & Transport" in row)
    assert "159,314" in growth and "113,757" in growth
    grants = next(row for row in rows if "Grants" in row)
    assert ["1,117,976", "351,956", "153,413", "110,971", "77,192", "65,353"] == [
        cell for cell in grants if regex.fullmatch(r"\d[\d,]*,\d{3}", cell)
    ]


# a figure's pieces: digits before a space and a comma-grouped figure after it, or a comma
# with a space on either side inside digits
_PIECES = regex.compile(r"(?<![\d,.])\d{1,3} \d{1,3}(?:,\d{3})+\b|\d ,\d{3}\b|\d, \d{3}\b")


def test_no_table_cell_in_the_corpus_holds_a_figure_in_pieces():
    paths = corpus_pdfs()
    if not paths:
        pytest.skip("../shared is not here")
    broken = []
    for path in paths:
        for document in councildocs.parse(path).documents:
            for table in document.tables:
                for row in [table.header, *table.rows]:
                    broken += [(path.name, cell) for cell in row if _PIECES.search(cell)]
    assert broken == []
