"""Pages set one glyph a text object: PDFium gives each glyph its own rectangle, and the
text it finds in a rectangle takes in any neighbour whose box overlaps it by a hair. The
spans below are the rectangles and texts PDFium gives for lines of a parish council's
minutes page (a heading "PARISH COUNCIL" in bold, "Cllr Terry Humphreys", an agenda's
"from June"), read off that page; the line a reader sees is checked.
"""

from __future__ import annotations

import pytest

from councildocs.extract.page import Span, TextStyle
from councildocs.extract.pdf import _merge_touching

_BOLD = TextStyle(font="Arial-BoldMT", size=10.0, bold=True)
_PLAIN = TextStyle(font="ArialMT", size=10.0)


def _line(spans: list[Span], height: float = 7.3) -> str:
    return " ".join(span.text for span in _merge_touching(spans, height))


def test_overlapping_glyph_boxes_do_not_repeat_a_letter():
    # "P" (316.6-321.4) and "A" (321.1-327.5) overlap: each rectangle's text is "PA"
    spans = [
        Span("E ", 308.8, 312.9, _BOLD),
        Span("PA", 316.6, 321.4, _BOLD),
        Span("PA", 321.1, 327.5, _BOLD),
        Span("R", 328.4, 333.6, _BOLD),
        Span("I", 334.6, 336.0, _BOLD),
        Span("S", 337.1, 341.6, _BOLD),
        Span("H", 342.7, 348.1, _BOLD),
    ]
    assert _line(spans) == "E PARISH"


def test_across_a_space_the_repeat_is_the_first_rectangles():
    # "Minutes and actions from J" then " June 15": the J is June's
    spans = [
        Span("Minutes and actions from J", 119.4, 238.9, _PLAIN),
        Span(" June 15", 238.8, 272.5, _PLAIN),
    ]
    assert _line(spans, 9.5) == "Minutes and actions from June 15"


def test_glyphs_a_text_object_join_into_words():
    # "Cllr Terry": letter gaps up to 1.7pt on a 7.6pt line are inside a word; the space
    # characters PDFium gives mark the word gaps
    spans = [
        Span("C", 72.5, 77.6, _PLAIN),
        Span("l", 78.7, 79.6, _PLAIN),
        Span("l", 81.2, 82.1, _PLAIN),
        Span("r ", 83.7, 86.6, _PLAIN),
        Span("Te", 89.3, 94.5, _PLAIN),
        Span("Te", 94.1, 98.6, _PLAIN),
        Span("r", 99.9, 102.7, _PLAIN),
        Span("r", 103.7, 106.6, _PLAIN),
        Span("y ", 107.0, 111.6, _PLAIN),
    ]
    assert _line(spans, 7.6) == "Cllr Terry"


def test_words_set_apart_without_a_space_character_stay_apart():
    # "guest" and "from" as two runs 2pt apart with no space between: a word gap
    spans = [
        Span("Loch Long fish farm Q&A with guest", 185.6, 282.7, _PLAIN),
        Span("from Loch Long Salmon Company", 284.7, 437.5, _PLAIN),
    ]
    assert _line(spans, 8.5) == "Loch Long fish farm Q&A with guest from Loch Long Salmon Company"


def test_a_rectangle_holding_only_its_neighbours_glyph_gives_it_back():
    # an item number in body text, its bold heading after it: "59. T" then "TO CONSIDER"
    spans = [
        Span("59. T ", 72.6, 88.9, _PLAIN),
        Span("TO CONSIDER ANY PLANNING APPLICATIONS", 88.5, 300.0, _BOLD),
    ]
    assert _line(spans, 8.0) == "59. TO CONSIDER ANY PLANNING APPLICATIONS"


def _split_lines_pdf(path, lines: list[list[tuple]]) -> None:
    """A page whose lines are set as several text objects each: (text, nudge[, size,
    drop]) parts, each placed right after the last, moved left by its nudge (points; less
    than nothing sets it apart), in its size (12 points unless given), lowered by its drop
    (points)."""
    fpdf = pytest.importorskip("fpdf")
    points = 25.4 / 72  # fpdf places in millimetres
    pdf = fpdf.FPDF()
    pdf.add_page()
    for row, parts in enumerate(lines):
        x = 20.0
        for text, nudge, *rest in parts:
            size, drop = (rest + [12, 0][len(rest) :])[:2]
            pdf.set_font("Helvetica", "", size)
            x -= nudge * points
            pdf.set_xy(x, 30 + 15 * row + drop * points)
            pdf.cell(pdf.get_string_width(text), 8, text)
            x += pdf.get_string_width(text)
    pdf.output(str(path))


def _read_line_by_line(path, monkeypatch):
    """The first page's lines, read without the box-by-box reading (which fails the test)."""
    from councildocs.extract import load
    from councildocs.extract import pdf as reader

    def box_by_box(*_args):
        raise AssertionError("the page was read box by box")

    monkeypatch.setattr(reader, "_spans_box_by_box", box_by_box)
    return load(path).pages[0].lines


def test_a_line_whose_text_objects_split_words_is_cut_where_its_characters_are(
    tmp_path, monkeypatch
):
    """A text object that begins inside a word (a run split for kerning, or one glyph an
    object) leaves no space to cut the line's text at: each object's piece runs from its
    first character, and the page is still read line by line, not box by box (the slow
    reading of a page whose lines PDFium joined or gave out of order)."""
    path = tmp_path / "split.pdf"
    _split_lines_pdf(
        path,
        [
            [("The Mayor an", 0), ("d strong leadership", 0)],
            [(glyph, 0) for glyph in "Glyph by glyph"],
            # kerned into the glyph before: the boxes overlap, the two noughts are two
            [("Meeting 19:", 0), ("0", 1.5), ("0", 1.5), ("hrs", 0)],
        ],
    )

    lines = _read_line_by_line(path, monkeypatch)
    assert [line.text for line in lines] == [
        "The Mayor and strong leadership",
        "Glyph by glyph",
        "Meeting 19:00hrs",
    ]
    assert [span.text for span in lines[1].spans] == ["Glyph", "by", "glyph"]


def test_punctuation_set_apart_stays_on_its_words_line(tmp_path, monkeypatch):
    """A comma that is a text object of its own, its box lower and smaller than the words',
    and a full stop a glyph after its number: both end the word before them, on its line
    (each was a line of its own, or a word)."""
    path = tmp_path / "punctuation.pdf"
    _split_lines_pdf(
        path,
        [
            [("held in Church Hall", 0), (",", 0, 12, 1.2), (" Garelochhead", 0)],
            [("1", 0), (".", -1), (" Election of Chairman", 0)],
        ],
    )

    lines = _read_line_by_line(path, monkeypatch)
    assert [line.text for line in lines] == [
        "held in Church Hall, Garelochhead",
        "1. Election of Chairman",
    ]


def test_a_box_reaching_over_the_next_words_first_letter_repeats_nothing(tmp_path):
    """Two text objects cut at a space, the first's box reaching over the second's first
    glyph: each piece holds its own letters, so joining them drops none ("his" ends in
    the letter "support" begins with, and was read "hi")."""
    from councildocs.extract import load

    path = tmp_path / "overlap.pdf"
    _split_lines_pdf(path, [[("Confirmed his ", 0), ("support for the plan", 3.5)]])
    assert [line.text for line in load(path).pages[0].lines] == [
        "Confirmed his support for the plan"
    ]


def test_lines_pdfium_joins_after_a_hyphen_are_read_line_by_line(tmp_path, monkeypatch):
    """PDFium gives a word wrapped after a hyphen as one line of its text, the hyphen
    marked U+FFFE: kept in its place (as a hyphen), the offsets in the page's text stay
    those of its characters, and each printed line is cut from it where its characters are."""
    path = tmp_path / "wrapped.pdf"
    _split_lines_pdf(
        path,
        [
            [("The budget is split between a real variance and re-", 0)],
            [("phasing of the capital programme.", 0)],
            [("Some text on the third line.", 0)],
        ],
    )
    assert [line.text for line in _read_line_by_line(path, monkeypatch)] == [
        "The budget is split between a real variance and re-",
        "phasing of the capital programme.",
        "Some text on the third line.",
    ]


def test_a_box_with_no_height_holds_spaces_or_sends_the_page_box_by_box(tmp_path):
    """PDFium gives a text object of spaces alone a box with no height (a line's trailing
    space, in Bristol's reports), or one as tall as a letter's where each glyph is an object
    (Wroxton's minutes): it holds nothing to cut at, and the line is cut among the others.
    Where letters lie only in a box of no height (a text layer astray), no cut is made."""
    import ctypes

    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from councildocs.extract.pdf import _CharBoxes, _cut_at_box_starts

    path = tmp_path / "spaces.pdf"
    _split_lines_pdf(path, [[("PURPOSE: Final Decisi", 0), ("on Report", 0)]])
    pdf = pdfium.PdfDocument(str(path))
    textpage = pdf[0].get_textpage()
    segment = textpage.get_text_range()
    chars = _CharBoxes(textpage.raw)
    values = [ctypes.c_double() for _ in range(4)]
    boxes = []
    for index in range(pdfium_c.FPDFText_CountRects(textpage.raw, 0, len(segment))):
        pdfium_c.FPDFText_GetRect(textpage.raw, index, *values)
        boxes.append(tuple(v.value for v in values))  # left, top, right, bottom
    right, bottom = boxes[-1][2], boxes[-1][3]
    spaces = (right + 1, bottom, right + 4, bottom)  # a trailing box of no height
    pieces, kept = _cut_at_box_starts(chars, 0, segment, [*boxes, spaces])
    assert (pieces, kept) == (["PURPOSE: Final Decisi", "on Report"], boxes)
    # a box of a space set as a glyph of its own (with a height): no letter, no piece of its own
    space_glyph = (right + 1, boxes[-1][1], right + 4, bottom)
    pieces, kept = _cut_at_box_starts(chars, 0, segment, [*boxes, space_glyph])
    assert (pieces, kept) == (["PURPOSE: Final Decisi", "on Report"], boxes)
    # the second box's letters where PDFium gave them no height: they lie in no box
    astray = (boxes[1][0], boxes[1][3], boxes[1][2], boxes[1][3])
    assert _cut_at_box_starts(chars, 0, segment, [boxes[0], astray])[0] == []
    # every box astray: no cut, and the boxes given back as given, so that the caller sees
    # the failure (pieces fewer than boxes) and the line's text is not dropped
    first_astray = (boxes[0][0], boxes[0][3], boxes[0][2], boxes[0][3])
    assert _cut_at_box_starts(chars, 0, segment, [first_astray, astray]) == (
        [],
        [first_astray, astray],
    )
