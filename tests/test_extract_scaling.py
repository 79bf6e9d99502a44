"""Extraction time grows with a page's text boxes, not with their square (issue 13).

A page whose boxes are not on shared baselines is read box by box; PDFium's bounded-text
call looks through the whole page for each box, which made 10,000 boxes take half a
minute. The check is a ratio of two sizes read in this one run, not a wall-clock limit.
"""

from __future__ import annotations

import time

import pytest

from councildocs.extract.pdf import read_pdf

fpdf = pytest.importorskip("fpdf")

COLUMNS = 100


def staggered_boxes(count: int, path) -> str:
    """A page of ``count`` words, each its own text object, every column a little higher or
    lower than its neighbour, so no row is one baseline and the page is read box by box."""
    pdf = fpdf.FPDF(unit="pt", format=(2000, 2000))
    pdf.add_page()
    pdf.set_font("Helvetica", size=4)
    for i in range(count):
        row, column = divmod(i, COLUMNS)
        pdf.text(10 + column * 19, 10 + row * 5 + column % 3, f"w{i}")
    pdf.output(str(path))
    return str(path)


def cpu_seconds_to_read(path: str) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        read_pdf(path)
        best = min(best, time.process_time() - started)
    return best


def test_every_box_of_a_crowded_page_is_read(tmp_path):
    pages, _ = read_pdf(staggered_boxes(1500, tmp_path / "boxes.pdf"))
    words = [span.text for line in pages[0].lines for span in line.spans]
    assert sorted(words) == sorted(f"w{i}" for i in range(1500))
    # a point or two up or down is still one row to a reader, read left to right
    assert pages[0].lines[0].text == " ".join(f"w{i}" for i in range(COLUMNS))
    assert len(pages[0].lines) == 1500 // COLUMNS


def test_reading_time_is_linear_in_the_boxes_of_a_page(tmp_path):
    small = staggered_boxes(1500, tmp_path / "small.pdf")
    large = staggered_boxes(6000, tmp_path / "large.pdf")
    read_pdf(small)  # warm up
    ratio = cpu_seconds_to_read(large) / cpu_seconds_to_read(small)
    # four times the boxes: about 4 when linear, about 16 when quadratic (as it was)
    assert ratio < 8, f"6000 boxes took {ratio:.1f} times as long as 1500"


def piled_boxes(count: int, path) -> str:
    """A page of ``count`` words, each its own text object, piled on a few points of the
    page: every rectangle overlaps every other, as no printed page has them."""
    pdf = fpdf.FPDF(unit="pt", format=(600, 800))
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    for i in range(count):
        pdf.text(50 + i % 7, 100 + i % 5, f"w{i}")
    pdf.output(str(path))
    return str(path)


def test_a_pile_of_boxes_is_read_once_each_in_linear_time(tmp_path):
    """Each rectangle of a pile would be given every piled character (the output, and the
    time, in the square of the pile: 5,000 took five minutes); it is given its own run."""
    small = piled_boxes(1500, tmp_path / "small.pdf")
    large = piled_boxes(6000, tmp_path / "large.pdf")
    pages, _ = read_pdf(small)
    text = " ".join(line.text for line in pages[0].lines).replace("w", " w")
    assert set(text.split()) == {f"w{i}" for i in range(1500)}  # each word, none lost
    ratio = cpu_seconds_to_read(large) / cpu_seconds_to_read(small)
    assert ratio < 8, f"6000 piled boxes took {ratio:.1f} times as long as 1500"
