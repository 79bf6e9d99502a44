"""layout: blocks from hand-built PDF-like pages (geometry and styles, modelled on a Kent
cabinet report's first page) and from a text excerpt in the shape of the seed export."""

from __future__ import annotations

from pathlib import Path

import pytest

from councildocs.extract import load
from councildocs.extract.furniture import strip_furniture
from councildocs.extract.page import Drawing, Line, Page, Span, TextStyle
from councildocs.layout import BlockKind, body_style, find_marker, lay_out, title_block

FIXTURES = Path(__file__).parent / "fixtures" / "layout"

BODY = TextStyle("ArialMT", 11.0)
BOLD = TextStyle("Arial-BoldMT", 11.0, bold=True)
LARGE = TextStyle("Arial-BoldMT", 14.0, bold=True)
ITALIC = TextStyle("Arial-ItalicMT", 11.0, italic=True)
UNDERLINED = TextStyle("ArialMT", 11.0, underline=True)
SMALL = TextStyle("ArialMT", 8.0)
RIGHT = 523.0  # the text's right margin on an A4 page with 72pt margins


def row(page: int, top: float, *runs: tuple, end: float | None = None) -> Line:
    """One printed line: runs of (text, x0, style); a run's x1 is estimated from its text
    (half the size per character), the last one's is ``end`` where the line is justified."""
    spans = []
    for index, (text, x0, style) in enumerate(runs):
        x1 = x0 + len(text) * style.size * 0.5
        if end is not None and index == len(runs) - 1:
            x1 = end
        spans.append(Span(text, x0, x1, style))
    size = max(style.size for _, _, style in runs)
    text = " ".join(text for text, _, _ in runs)
    return Line(text, spans[0].x0, top, spans[-1].x1, top + size * 1.02, page, tuple(spans))


def body(page: int, top: float, text: str, x0: float = 72.0, full: bool = True) -> Line:
    return row(page, top, (text, x0, BODY), end=RIGHT if full else None)


def a4(number: int, lines: list[Line], rulings=()) -> Page:
    """An A4 page; ``rulings`` are boxes drawn in black (rules and cell borders)."""
    drawings = [Drawing(*box, stroke=(0, 0, 0)) for box in rulings]
    return Page(number, 595.3, 841.9, lines, drawings=drawings)


def kinds(blocks):
    return [(block.kind, block.text) for block in blocks]


# --- key/value rows, as on a report's cover page -----------------------------------------


def cover_page() -> Page:
    return a4(
        1,
        [
            row(1, 59.2, ("From:", 71.9, BODY), ("Cabinet Member for Highways and", 156.8, BOLD)),
            row(1, 73.0, ("Transport", 156.8, BOLD)),
            row(
                1,
                100.8,
                ("To:", 71.9, BODY),
                ("Cabinet", 156.8, BOLD),
                ("Date:", 330.0, BODY),
                ("4 March 2025", 380.0, BOLD),
            ),
            row(1, 128.4, ("Subject:", 71.9, BODY), ("Highway Maintenance Plan", 156.8, BOLD)),
            row(
                1,
                156.0,
                ("Summary", 71.9, BOLD),
                (": This report sets out the plan for", 111.0, BODY),
                end=RIGHT,
            ),
            body(1, 169.8, "the coming year and the money that pays for it."),
            body(
                1, 197.4, "The council resurfaced 120 miles of road last year and plans more this"
            ),
            body(1, 211.2, "year, as the survey found more roads in poor condition.", full=False),
        ],
    )


def test_label_value_pairs_with_wrapped_and_paired_values():
    blocks = lay_out([cover_page()])
    pairs = [(b.label, b.value) for b in blocks if b.kind is BlockKind.key_value]
    assert pairs == [
        ("From", "Cabinet Member for Highways and Transport"),
        ("To", "Cabinet"),
        ("Subject", "Highway Maintenance Plan"),
        (
            "Summary",
            "This report sets out the plan for the coming year and the money that pays for it.",
        ),
    ]
    assert blocks[-1].kind is BlockKind.paragraph
    assert blocks[-1].text.startswith("The council resurfaced") and len(blocks[-1].lines) == 2


def test_two_pairs_on_one_row_both_read():
    from councildocs.layout.build import _measure, _pairs

    page = cover_page()
    pairs, _ = _pairs(page.lines[2], _measure(page))
    assert pairs == [("To", "Cabinet"), ("Date", "4 March 2025")]


# --- headings ranked by style ----------------------------------------------------------


def headings_page() -> Page:
    return a4(
        1,
        [
            row(1, 60.0, ("Highway Maintenance Plan 2025", 72.0, LARGE)),
            row(1, 90.0, ("Background", 72.0, BOLD)),
            body(1, 110.0, "The council looks after 2,400 miles of road and surveys each mile"),
            body(
                1,
                123.8,
                "once a year; the survey sets the order in which roads are mended.",
                full=False,
            ),
            row(1, 150.0, ("Road condition survey", 72.0, ITALIC)),
            body(
                1, 170.0, "Roads are scored from one to five, five being the worst, by a van that"
            ),
            body(1, 183.8, "films the surface as it drives.", full=False),
            row(1, 210.0, ("Funding", 72.0, BOLD)),
            body(
                1,
                230.0,
                "The programme is paid for from the capital budget set in February.",
                full=False,
            ),
        ],
    )


def test_unnumbered_bold_headings_at_two_levels_and_an_italic_third():
    blocks = lay_out([headings_page()])
    headings = [(b.text, b.level) for b in blocks if b.kind is BlockKind.heading]
    assert headings == [
        ("Highway Maintenance Plan 2025", 1),
        ("Background", 2),
        ("Road condition survey", 3),
        ("Funding", 2),
    ]
    assert [b.kind for b in blocks].count(BlockKind.paragraph) == 3


def test_title_block_is_the_page_opening_heading_in_title_style():
    blocks = lay_out([headings_page()])
    assert title_block(blocks, body_style(blocks)).text == "Highway Maintenance Plan 2025"
    assert title_block(lay_out([cover_page()]), BODY) is None


def test_underlined_heading_ranks_below_bold():
    page = a4(
        1,
        [
            row(1, 60.0, ("Consultation", 72.0, BOLD)),
            body(1, 80.0, "Residents were asked which roads matter most to them.", full=False),
            row(1, 105.0, ("What residents said", 72.0, UNDERLINED)),
            body(
                1, 125.0, "Most replies named the roads to schools and the high street.", full=False
            ),
        ],
    )
    headings = [(b.text, b.level) for b in lay_out([page]) if b.kind is BlockKind.heading]
    assert headings == [("Consultation", 1), ("What residents said", 2)]


def test_numbered_headings_rank_by_numbering_depth():
    page = a4(
        1,
        [
            row(1, 60.0, ("1.", 71.8, BOLD), ("Introduction", 100.1, BOLD)),
            row(1, 86.0, ("1.1", 71.8, BOLD), ("Scope of the plan", 106.4, BOLD)),
            row(
                1,
                106.0,
                ("1.1.1", 71.8, BODY),
                ("The plan covers every road the council", 106.4, BODY),
                end=RIGHT,
            ),
            body(1, 119.8, "looks after, but not trunk roads or motorways.", x0=106.9, full=False),
            row(1, 146.0, ("2.", 71.8, BOLD), ("Financial implications", 100.1, BOLD)),
        ],
    )
    blocks = lay_out([page])
    assert [(b.kind, b.marker, b.level) for b in blocks] == [
        (BlockKind.heading, "1.", 1),
        (BlockKind.heading, "1.1", 2),
        (BlockKind.list_item, "1.1.1", None),
        (BlockKind.heading, "2.", 1),
    ]
    assert blocks[0].content == "Introduction"
    assert blocks[2].content.endswith("not trunk roads or motorways.")


# --- lists -----------------------------------------------------------------------------


def test_nested_list_depth_from_indentation():
    page = a4(
        1,
        [
            row(1, 60.0, ("1.2", 72.2, BODY), ("The committee is asked to:", 106.4, BODY)),
            row(1, 80.0, ("(a)", 106.4, BODY), ("note the survey results;", 135.0, BODY)),
            row(
                1,
                100.0,
                ("(b)", 106.4, BODY),
                ("agree the programme, which covers the roads", 135.0, BODY),
                end=RIGHT,
            ),
            body(1, 113.8, "named in the appendix and:", x0=135.0, full=False),
            row(1, 133.0, ("(i)", 135.0, BODY), ("carriageway resurfacing;", 163.0, BODY)),
            row(1, 153.0, ("(ii)", 135.0, BODY), ("footway repairs;", 163.0, BODY)),
            row(1, 173.0, ("(c)", 106.4, BODY), ("delegate the award of contracts.", 135.0, BODY)),
            row(1, 200.0, ("1.3", 72.2, BODY), ("Work starts in April.", 106.4, BODY)),
        ],
    )
    blocks = lay_out([page])
    assert [(b.kind, b.marker, b.depth) for b in blocks] == [
        (BlockKind.list_item, "1.2", 0),
        (BlockKind.list_item, "(a)", 1),
        (BlockKind.list_item, "(b)", 1),
        (BlockKind.list_item, "(i)", 2),
        (BlockKind.list_item, "(ii)", 2),
        (BlockKind.list_item, "(c)", 1),
        (BlockKind.list_item, "1.3", 0),
    ]
    assert (
        blocks[2].content
        == "agree the programme, which covers the roads named in the appendix and:"
    )


@pytest.mark.parametrize(
    ("text", "marker", "depth"),
    [
        ("5. Minutes", "5.", 1),
        ("19.09.01 Declarations", "19.09.01", 3),
        ("(a) note the report", "(a)", 1),
        ("ii) footways", "ii)", 1),
        ("• first", "•", 1),
        ("➢ next", "➢", 1),
        ("Min 45/19 Apologies", "Min 45/19", 1),
    ],
)
def test_markers_as_printed(text, marker, depth):
    found = find_marker(text)
    assert (found.text, found.depth) == (marker, depth)


@pytest.mark.parametrize(
    "text", ["2024 was a year", "J. Smith said", "e.g. roads", "£1.4m", "12 June 2018"]
)
def test_not_markers(text):
    assert find_marker(text) is None


def test_a_wrapped_line_starting_with_a_number_stays_in_its_paragraph():
    page = a4(
        1,
        [
            body(1, 60.0, "The survey found that the number of roads in poor condition rose to"),
            body(1, 73.8, "2.5 times the figure for 2019, mostly on rural routes.", full=False),
        ],
    )
    assert kinds(lay_out([page])) == [
        (
            BlockKind.paragraph,
            "The survey found that the number of roads in poor condition rose to"
            " 2.5 times the figure for 2019, mostly on rural routes.",
        )
    ]


# --- tables, captions, footnotes, furniture ---------------------------------------------


def table_page() -> Page:
    return a4(
        1,
        [
            row(1, 60.0, ("Table 1: Programme by scheme", 72.0, BOLD)),
            row(
                1, 80.0, ("Scheme", 72.0, BOLD), ("2025-26", 300.0, BOLD), ("2026-27", 400.0, BOLD)
            ),
            row(
                1,
                94.0,
                ("Carriageways", 72.0, BODY),
                ("£3.1m", 300.0, BODY),
                ("£3.4m", 400.0, BODY),
            ),
            row(1, 108.0, ("Footways", 72.0, BODY), ("£0.8m", 300.0, BODY), ("£0.9m", 400.0, BODY)),
            body(1, 135.0, "The programme is the same size as last year's, allowing for prices."),
            body(1, 148.8, "Schemes are listed in the appendix.", full=False),
            row(1, 780.0, ("1", 72.0, SMALL), ("Figures are at 2024 prices.", 78.0, SMALL)),
            row(
                1,
                790.0,
                ("2", 72.0, SMALL),
                ("Excluding the bridge schemes, which are", 78.0, SMALL),
            ),
            row(1, 799.0, ("funded separately.", 78.0, SMALL)),
        ],
    )


def test_caption_table_region_and_footnotes():
    blocks = lay_out([table_page()])
    assert [(b.kind, len(b.lines)) for b in blocks] == [
        (BlockKind.caption, 1),
        (BlockKind.table, 3),
        (BlockKind.paragraph, 2),
        (BlockKind.footnote, 1),
        (BlockKind.footnote, 2),
    ]
    assert blocks[4].text == "2 Excluding the bridge schemes, which are funded separately."


def test_label_cells_in_a_ruled_grid_are_pairs_and_a_data_grid_is_a_table():
    grid = [
        (70.0, 55.0, 525.0, 55.5),
        (70.0, 55.0, 70.5, 112.0),
        (220.0, 55.0, 220.5, 112.0),
        (524.5, 55.0, 525.0, 112.0),
        (70.0, 111.5, 525.0, 112.0),
    ]
    page = a4(
        1,
        [
            row(1, 60.0, ("Wards affected", 74.0, BODY), ("All", 224.0, BODY)),
            row(
                1,
                75.0,
                ("Accountable director", 74.0, BODY),
                ("Director of Place, who", 224.0, BODY),
            ),
            row(1, 89.0, ("signs off the plan", 224.0, BODY)),
            body(1, 130.0, "The plan was agreed by the leadership team in May.", full=False),
        ],
        rulings=grid,
    )
    blocks = lay_out([page])
    assert [(b.kind, b.label, b.value) for b in blocks] == [
        (BlockKind.key_value, "Wards affected", "All"),
        (BlockKind.key_value, "Accountable director", "Director of Place, who signs off the plan"),
        (BlockKind.paragraph, None, None),
    ]
    data = a4(
        1,
        [
            row(1, 60.0, ("Scheme", 74.0, BODY), ("Cost", 224.0, BODY), ("Ward", 380.0, BODY)),
            row(
                1,
                75.0,
                ("A38 resurfacing", 74.0, BODY),
                ("£1.2m", 224.0, BODY),
                ("North", 380.0, BODY),
            ),
        ],
        rulings=[*grid, (376.0, 55.0, 376.5, 112.0)],
    )
    assert [b.kind for b in lay_out([data])] == [BlockKind.table]


def test_running_footer_repeated_over_pages_is_kept_as_furniture():
    pages = [
        a4(
            n,
            [
                body(
                    n,
                    120.0,
                    f"Section {n} of the plan describes the roads in district {n}.",
                    full=False,
                ),
                row(n, 805.0, ("Highway Maintenance Plan – March 2025", 72.0, SMALL)),
                row(n, 818.0, (f"Page {n + 10}", 280.0, SMALL)),
            ],
        )
        for n in (1, 2, 3)
    ]
    strip_furniture(pages)
    blocks = lay_out(pages)
    assert [(b.page, b.kind) for b in blocks] == [
        (n, kind)
        for n in (1, 2, 3)
        for kind in (BlockKind.paragraph, BlockKind.furniture, BlockKind.furniture)
    ]
    furniture = [b.text for b in blocks if b.kind is BlockKind.furniture]
    assert furniture[:2] == ["Highway Maintenance Plan – March 2025", "Page 11"]
    assert pages[0].pack_page == 11


def test_paragraph_running_on_over_a_page_break_is_one_block():
    pages = [
        a4(1, [body(1, 700.0, "The works will be done at night where the road is busy, so that")]),
        a4(2, [body(2, 60.0, "buses can keep running.", full=False)]),
    ]
    blocks = lay_out(pages)
    assert len(blocks) == 1 and blocks[0].pages == (1, 2)


# --- the same kinds from a text export ----------------------------------------------------


def test_text_export_excerpt():
    blocks = lay_out(load(FIXTURES / "report_excerpt.txt").pages)
    got = [(b.kind, b.marker, b.depth, b.label, b.value or b.text) for b in blocks]
    assert got == [
        (BlockKind.key_value, None, 0, "REPORT TO", "Highways Committee"),
        (
            BlockKind.key_value,
            None,
            0,
            "PURPOSE OF REPORT",
            "To set out the resurfacing programme for the year and the budget that pays for it.",
        ),
        (BlockKind.key_value, None, 0, "To", "Cabinet"),
        (BlockKind.heading, None, 0, None, "RECOMMENDATIONS"),
        (BlockKind.heading, "1.", 0, None, "1. Background"),
        (
            BlockKind.list_item,
            "1.1",
            0,
            None,
            "1.1 The council looks after 2,400 miles of road and surveys every mile each year.",
        ),
        (BlockKind.list_item, "1.2", 0, None, "1.2 The committee is asked to:"),
        (BlockKind.list_item, "(a)", 1, None, "(a) note the survey results;"),
        (BlockKind.list_item, "(b)", 1, None, "(b) agree the programme, which covers:"),
        (BlockKind.list_item, "(i)", 2, None, "(i) carriageway resurfacing;"),
        (BlockKind.list_item, "(ii)", 2, None, "(ii) footway repairs;"),
        (BlockKind.list_item, "(c)", 1, None, "(c) delegate the award of contracts."),
        (BlockKind.caption, None, 0, None, "Table 1: Programme by scheme"),
        (
            BlockKind.table,
            None,
            0,
            None,
            "Scheme 2025-26 2026-27 Carriageways £3.1m £3.4m Footways £0.8m £0.9m",
        ),
        (BlockKind.footnote, None, 0, None, "* Figures are at 2024 prices."),
    ]
    headings = [(b.text, b.level) for b in blocks if b.kind is BlockKind.heading]
    assert headings == [("RECOMMENDATIONS", 1), ("1. Background", 2)]


def test_text_export_pairs_on_one_row():
    blocks = lay_out(load(FIXTURES / "report_excerpt.txt").pages)
    from councildocs.layout.build import _measure, _pairs

    page = load(FIXTURES / "report_excerpt.txt").pages[0]
    pairs, _ = _pairs(page.lines[3], _measure(page))
    assert pairs == [("To", "Cabinet"), ("Date", "4 March 2025")]
    assert blocks[2].label == "To"


def test_seed_agenda_and_minutes_headings():
    seed = Path("/work/shared/seeds/000_93c56be8f999743d.txt")
    if not seed.exists():
        pytest.skip("seed export not present")
    blocks = lay_out(load(seed).pages)
    page_two = [(b.kind, b.marker, b.content) for b in blocks if b.page == 2]
    assert (BlockKind.heading, "1", "Apologies") in page_two
    assert (
        BlockKind.paragraph,
        None,
        "Apologies for absence were received from the following:",
    ) in page_two
    dates = [b.kind for b in blocks if b.text == "12 June 2018"]
    assert dates and set(dates) == {BlockKind.paragraph}


@pytest.mark.parametrize(
    ("text", "capitals"),
    [("RECOMMENDATIONS", True), ("7 GOLEUADAU", True), ("SA19 7AW", False), ("KCC plan", False)],
)
def test_capitals_lines(text, capitals):
    from councildocs.layout.styles import is_capitals

    assert is_capitals(text) is capitals


def test_lines_of_the_same_text_and_place_are_two_lines():
    """A Line is a place on a page: sets and dicts of lines (the cells a table took, the
    stamps furniture set aside) hold each line, never its twin printed elsewhere."""
    first = Line(text="Total", x0=72, top=100, x1=100, bottom=111, page=3)
    twin = Line(text="Total", x0=72, top=100, x1=100, bottom=111, page=3)
    assert first != twin and len({first, twin}) == 2
    assert first in {first: 0} and twin not in {first: 0}
