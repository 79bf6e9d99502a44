"""Tables across page breaks and boxes that are not tables, on small fpdf2-generated pages.

The words and figures are our own; what each test expects was checked on the pages.
"""

from __future__ import annotations

import pytest

import councildocs

fpdf = pytest.importorskip("fpdf")

INTRO = (
    "This report sets out the spending of the year by ward and the schemes proposed for next "
    "year, for the committee to note."
)


def _ruled_table(pdf, rows: list[list[str]], widths: list[float]) -> None:
    pdf.set_draw_color(0, 0, 0)
    for n, row in enumerate(rows):
        pdf.set_font("Helvetica", "B" if n == 0 and row[0] in ("Ward", "Scheme") else "", 10)
        for text, width in zip(row, widths, strict=True):
            pdf.cell(width, 8, text, border=1)
        pdf.ln(8)


def _tables(path) -> list:
    pack = councildocs.parse(path)
    return [table for document in pack.documents for table in document.tables]


def test_a_table_runs_on_over_the_page_but_the_next_table_is_its_own(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Ward Spending and Schemes", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, INTRO)
    pdf.ln(4)
    widths = [70.0, 50.0]
    wards = [[f"Ward {n}", f"{1000 + 17 * n:,}"] for n in range(1, 41)]
    # forty rows: the table fills page one and runs on to page two without a header row
    _ruled_table(pdf, [["Ward", "Spending"], *wards[:24]], widths)
    pdf.add_page()
    _ruled_table(pdf, wards[24:], widths)
    pdf.add_page()
    # a new table at the top of the next page, with the same number of columns
    _ruled_table(
        pdf,
        [["Scheme", "Cost"], ["Footpath repairs", "17,009"], ["Bus shelters", "151,717"]],
        widths,
    )
    path = tmp_path / "continued.pdf"
    pdf.output(str(path))

    tables = _tables(path)

    assert len(tables) == 2
    spending, schemes = tables
    assert (spending.page, spending.pages) == (1, [1, 2])
    assert spending.header == ["Ward", "Spending"]
    assert len(spending.rows) == 40
    assert spending.rows[-1] == ["Ward 40", "1,680"]
    assert (schemes.page, schemes.header) == (3, ["Scheme", "Cost"])
    assert schemes.rows == [["Footpath repairs", "17,009"], ["Bus shelters", "151,717"]]


def test_white_filled_boxes_hold_no_table(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.cell(0, 10, "Ward Spending", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "", 11)
    # a word processor's layout: every paragraph sits on a white box a reader cannot see
    pdf.set_fill_color(255, 255, 255)
    y = pdf.get_y() + 4
    for n in range(6):
        for column in range(2):
            pdf.rect(10 + 95 * column, y, 90, 20, style="F")
            pdf.set_xy(12 + 95 * column, y + 2)
            pdf.multi_cell(86, 5, f"Paragraph {n + 1}.{column + 1} of the notes on this page.")
        y += 22
    path = tmp_path / "white.pdf"
    pdf.output(str(path))

    assert _tables(path) == []
