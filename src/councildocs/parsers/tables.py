"""Tables in a document: ruled grids from PDF drawings, and tables recovered from text exports.

PDF pages: extract records each page's simple drawn paths with their paint, and
``Page.rulings`` gives the boxes of those a reader sees (an unpainted white box is a layout
device, not a cell), so only pages that draw something pay for table finding, and they pay
no second PDF parse.
Those boxes become edges that pdfplumber's grid algorithm (``merge_edges``,
``edges_to_intersections``, ``intersections_to_cells``, ``cells_to_tables``, in
:mod:`.ruled_cells`) turns into cells, with the tolerances in :class:`TableSettings`; the
text of each cell is the spans whose centres fall in it, its wrapped lines joined, so a
wrapped cell never adds a row.
A cell covering several grid rows or columns is kept once, with a ``CellSpan``.

Text exports have lost their layout; three layouts are recovered from their runs of lines:
a statistics table whose header line holds periods ("2016-2017 2017-2018 Comments"), with
labels, figures and comments in blank-separated blocks (a comment block after several
comment-less rows is shared by them: one cell with a row span); a two-column table whose
right column is bullet points; and a two-column table whose right column is a timescale.

Every table then gets one label per column (multi-row headers merged), its caption (the
line introducing it), footnotes ("*Recorded offences ..."), a table continued on the next
page joined to it (its repeated header dropped), statistics where the columns are
periods, and a quality score with the reasons it is below 1.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field

from pydantic import BaseModel

from ..extract import Line, Page, SourceDocument
from ..models import (
    CellSpan,
    PeriodChange,
    Statistics,
    StatisticsRecord,
    Table,
    TableQuality,
)
from ..patterns import compiled
from .common import clean
from .numbers import find_unit, is_number, is_period, parse_number, whole_figures
from .ruled_cells import (
    Edge,
    cells_to_tables,
    edges_to_intersections,
    intersections_to_cells,
    merge_edges,
)
from .work_programme import parse as parse_work_programme


class TableSettings(BaseModel):
    """Tolerances for the ruled-grid finder, in PDF points (pdfplumber's names)."""

    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    edge_min_length: float = 3.0
    thin: float = 2.5  # a box this thin is a rule, not a box of four edges
    min_rows: int = 2
    min_columns: int = 2
    caption_distance: float = 40.0  # how far above a table its caption may sit
    footnote_distance: float = 60.0
    align_tolerance: float = (
        5.0  # right edges of figures in one column agree this closely (bold is wider)
    )


DEFAULT_SETTINGS = TableSettings()


@dataclass
class _Grid:
    """A table before its header, statistics and quality are worked out."""

    page: int
    cells: list[list[str]]
    spans: list[CellSpan] = field(default_factory=list)
    method: str = "ruled"
    bbox: tuple[float, float, float, float] | None = None
    caption: str | None = None
    footnotes: list[str] = field(default_factory=list)
    header_rows: int | None = None  # None: decide from the cells
    pages: list[int] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)  # ruled: each x0, x1
    note_lines: list[Line] = field(default_factory=list)  # footnotes printed below it


@dataclass
class FoundTables:
    """A document's tables, and the lines their cells were read from (PDF tables only)."""

    tables: list[Table]
    # the lines in a ruled or aligned table, or its notes
    cell_lines: set[Line]

    def holds(self, line: Line) -> bool:
        """Whether the line was read into one of the tables (so prose leaves it out)."""
        return line in self.cell_lines


def find_tables(source: SourceDocument, segment, settings: TableSettings = DEFAULT_SETTINGS):
    """Every table in one document of the pack, in reading order."""
    return locate_tables(source, segment, settings).tables


def locate_tables(
    source: SourceDocument, segment, settings: TableSettings = DEFAULT_SETTINGS
) -> FoundTables:
    """The document's tables and the lines they hold, so that a parser reading prose can
    leave the cells out of its paragraphs (the table keeps them, nothing is lost)."""
    cell_lines: set[Line] = set()
    if source.format == "pdf":
        wanted = set(segment.lines)
        grids: list[_Grid] = []
        for page in segment.pages:
            lines = [line for line in page.lines if line in wanted]
            if lines:
                found = _page_grids(page, lines, settings)
                grids.extend(found)
                cell_lines.update(_inside(lines, found))
        grids = _join_continued(grids, segment.pages)
    else:
        grids = _text_grids(segment.lines)
        if segment.kind == "work_programme":
            grids += _programme_text_grids(segment.lines)
    return FoundTables([_finish(grid) for grid in grids], cell_lines)


def _inside(lines: list[Line], grids: list[_Grid]) -> set[Line]:
    """The lines a table's cells hold: inside its box, and with their words in its cells. A
    line the cells did not take (a row the reader could not square with the columns) is
    left to the document's text, where it is kept, not lost with the table."""
    inside = set()
    for grid in grids:
        if grid.bbox is None:
            continue
        x0, top, x1, bottom = grid.bbox
        held = _words_of(" ".join(cell for row in grid.cells for cell in row if cell))
        for line in lines:
            if top <= (line.top + line.bottom) / 2 <= bottom and x0 - 2 <= line.x0 <= x1:
                if _words_of(line.text) <= held:
                    inside.add(line)
    return inside | {line for g in grids for line in g.note_lines}


def _words_of(text: str) -> set[str]:
    return set(_WORD_OR_NUMBER.findall(text.casefold()))


_WORD_OR_NUMBER = compiled(r"\p{L}{2,}|\d+")


def _page_grids(page: Page, lines: list[Line], settings: TableSettings) -> list[_Grid]:
    """Ruled grids where the page draws them, borderless tables where figures align.

    A borderless table found over a ruled grid that has fewer rows (borders drawn round
    columns but not rows, so each cell ran its lines together) replaces that grid.
    """
    ruled = _ruled_grids(page, lines, settings) if page.rulings else []
    aligned = _aligned_grids(page, lines, settings)
    for table in aligned:
        overlapping = [g for g in ruled if _overlap(g.bbox, table.bbox)]
        if all(len(g.cells) < len(table.cells) for g in overlapping):
            ruled = [g for g in ruled if g not in overlapping]
            table.caption = _caption_above(lines, table.bbox, settings)
            _add_footnotes(table, lines, settings)
            ruled.append(table)
    ruled.sort(key=lambda g: (g.bbox[1], g.bbox[0]))
    return ruled


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


# --- ruled grids ------------------------------------------------------------------------


def _edges(page: Page, settings: TableSettings) -> list[Edge]:
    edges = []
    for x0, top, x1, bottom in page.rulings:
        width, height = x1 - x0, bottom - top
        if height <= settings.thin and width >= settings.edge_min_length:
            y = (top + bottom) / 2
            edges.append(Edge(True, x0, y, x1, y))
        elif width <= settings.thin and height >= settings.edge_min_length:
            x = (x0 + x1) / 2
            edges.append(Edge(False, x, top, x, bottom))
        elif width > settings.thin and height > settings.thin:
            edges += [
                Edge(True, x0, top, x1, top),
                Edge(True, x0, bottom, x1, bottom),
                Edge(False, x0, top, x0, bottom),
                Edge(False, x1, top, x1, bottom),
            ]
    return edges


def _ruled_grids(page: Page, lines: list[Line], settings: TableSettings) -> list[_Grid]:
    edges = merge_edges(_edges(page, settings), settings.snap_tolerance, settings.join_tolerance)
    edges = [e for e in edges if e.length >= settings.edge_min_length]
    intersections = edges_to_intersections(edges, settings.intersection_tolerance)
    grids = []
    for cells in cells_to_tables(intersections_to_cells(intersections)):
        grid = _grid_from_cells(page, lines, cells, settings)
        if grid is not None:
            grids.append(grid)
    grids.sort(key=lambda g: (g.bbox[1], g.bbox[0]))
    for grid in grids:
        grid.caption = _caption_above(lines, grid.bbox, settings)
        _add_footnotes(grid, lines, settings)
    return grids


def _positions(values: list[float], tolerance: float) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or value - out[-1] > tolerance:
            out.append(value)
    return out


def _index(positions: list[float], value: float) -> int:
    """The index of the position nearest the value, the first of equally near ones.

    The positions rise (``_positions``), so the distance falls up to where the value would
    go and rises after it: the nearest stands on one side of that point, and any as near
    stand next to it on the left."""
    after = bisect_left(positions, value)
    nearest = min(
        (i for i in (after - 1, after) if 0 <= i < len(positions)),
        key=lambda i: abs(positions[i] - value),
    )
    while nearest > 0 and abs(positions[nearest - 1] - value) == abs(positions[nearest] - value):
        nearest -= 1
    return nearest


def _grid_from_cells(page, lines, cells, settings) -> _Grid | None:
    tol = settings.snap_tolerance
    xs = _positions([c[0] for c in cells] + [c[2] for c in cells], tol)
    ys = _positions([c[1] for c in cells] + [c[3] for c in cells], tol)
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    if n_rows < settings.min_rows or n_cols < settings.min_columns:
        return None
    bbox = (xs[0], ys[0], xs[-1], ys[-1])
    placed = []  # (row, col, row_span, col_span, cell box)
    for x0, top, x1, bottom in cells:
        row, col = _index(ys, top), _index(xs, x0)
        placed.append(
            (row, col, _index(ys, bottom) - row, _index(xs, x1) - col, (x0, top, x1, bottom))
        )
    texts: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for line in lines:
        middle = (line.top + line.bottom) / 2
        if not bbox[1] <= middle <= bbox[3]:
            continue
        for span in line.spans:
            centre = (span.x0 + span.x1) / 2
            for row, col, _, _, (x0, top, x1, bottom) in placed:
                if x0 <= centre <= x1 and top <= middle <= bottom:
                    texts.setdefault((row, col), []).append((line.top, span.x0, span.text))
                    break
    if not texts:
        return None
    rows = [["" for _ in range(n_cols)] for _ in range(n_rows)]
    spans = []
    for row, col, row_span, col_span, _ in placed:
        rows[row][col] = _cell_text(texts.get((row, col), []))
        if (row_span > 1 or col_span > 1) and rows[row][col]:
            spans.append(CellSpan(row=row, column=col, row_span=row_span, column_span=col_span))
    # drop columns and rows that no cell text reaches (borders drawn for padding or colour bars)
    keep_cols = [c for c in range(n_cols) if any(r[c] for r in rows)]
    keep_rows = [r for r in range(n_rows) if any(rows[r])]
    if len(keep_cols) < settings.min_columns or len(keep_rows) < settings.min_rows:
        return None
    col_map = {c: i for i, c in enumerate(keep_cols)}
    row_map = {r: i for i, r in enumerate(keep_rows)}
    kept_spans = []
    for s in spans:
        if s.row in row_map and s.column in col_map:
            covered_cols = [c for c in range(s.column, s.column + s.column_span) if c in col_map]
            covered_rows = [r for r in range(s.row, s.row + s.row_span) if r in row_map]
            if len(covered_cols) > 1 or len(covered_rows) > 1:
                kept_spans.append(
                    CellSpan(
                        row=row_map[s.row],
                        column=col_map[s.column],
                        row_span=len(covered_rows),
                        column_span=len(covered_cols),
                    )
                )
    cells_out = [[rows[r][c] for c in keep_cols] for r in keep_rows]
    return _Grid(
        page=page.number,
        cells=cells_out,
        spans=kept_spans,
        bbox=tuple(round(v, 1) for v in bbox),
        pages=[page.number],
        columns=[(xs[c], xs[c + 1]) for c in keep_cols],
    )


def _cell_text(fragments: list[tuple[float, float, str]]) -> str:
    fragments.sort()
    lines: list[list[tuple[float, float, str]]] = []
    for fragment in fragments:
        if lines and abs(fragment[0] - lines[-1][0][0]) < 2:
            lines[-1].append(fragment)
        else:
            lines.append([fragment])
    text = ""
    for line in lines:
        part = " ".join(f[2] for f in sorted(line, key=lambda f: f[1]))
        # a narrow column breaks words anywhere ("Revenu" / "e"): a lone letter or two
        # in lower case ends the word above
        glue = "" if len(part) <= 2 and part.isalpha() and part.islower() and text else " "
        text = f"{text}{glue}{part}"
    return clean(whole_figures(text))


def _caption_above(lines: list[Line], bbox, settings: TableSettings) -> str | None:
    above = [
        ln
        for ln in lines
        if ln.bottom <= bbox[1] + 1 and bbox[1] - ln.bottom < settings.caption_distance
    ]
    if not above:
        return None
    nearest = max(above, key=lambda ln: ln.bottom)
    block = [
        ln for ln in above if abs(ln.bottom - nearest.bottom) < 1 or 0 < nearest.top - ln.bottom < 4
    ]
    return clean(" ".join(ln.text for ln in sorted(block, key=lambda ln: ln.top)))


_FOOTNOTE = compiled(r"^(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]|\(?[a-z]\)|Note[s]?:|Source:)\s*\S")


def _add_footnotes(grid: _Grid, lines: list[Line], settings: TableSettings) -> None:
    """The notes printed under the table ("*Recorded offences ..."), each note's wrapped
    lines joined; their lines are kept so that prose parsers can leave them out."""
    below = sorted((ln for ln in lines if ln.top >= grid.bbox[3] - 1), key=lambda ln: ln.top)
    notes: list[list[Line]] = []
    previous_bottom = grid.bbox[3]
    for line in below:
        if line.top - previous_bottom > settings.footnote_distance:
            break
        if _FOOTNOTE.match(line.text):
            notes.append([line])
        elif notes and line.top - previous_bottom < max(3.0, 0.8 * line.height):
            notes[-1].append(line)
        else:
            break
        previous_bottom = line.bottom
    grid.footnotes += [clean(" ".join(ln.text for ln in note)) for note in notes]
    grid.note_lines += [ln for note in notes for ln in note]


def _align_columns(grid: _Grid, previous: _Grid) -> None:
    """A continuation whose empty columns were dropped gets them back, placed by x, when
    each of its columns stands where one of the previous page's columns stood."""
    if not grid.columns or not previous.columns or len(grid.columns) >= len(previous.columns):
        return
    placing = []
    for x0, _ in grid.columns:
        match = [i for i, (px0, _) in enumerate(previous.columns) if abs(px0 - x0) < 3]
        if not match:
            return
        placing.append(match[0])
    width = len(previous.columns)
    cells = []
    for row in grid.cells:
        wide = [""] * width
        for text, column in zip(row, placing, strict=True):
            wide[column] = text
        cells.append(wide)
    grid.cells = cells
    grid.spans = [s.model_copy(update={"column": placing[s.column]}) for s in grid.spans]
    grid.columns = list(previous.columns)


def _join_continued(grids: list[_Grid], pages: list[Page]) -> list[_Grid]:
    """A table that ends one page and starts the next, with the same columns, is one table."""
    out: list[_Grid] = []
    for grid in grids:
        last = out[-1] if out else None
        # no caption of its own, or the table's caption ("All figures in £m") and header
        # printed again; a form that repeats only its caption is a new form
        uncaptioned = last is not None and (
            grid.caption is None
            or (
                grid.caption == last.caption
                and grid.method == last.method
                and _header_text(grid) == _header_text(last)
            )
        )
        if last is not None and grid.page == last.pages[-1] + 1 and uncaptioned:
            _align_columns(grid, last)
        if (
            last is not None
            and grid.page == last.pages[-1] + 1
            and len(grid.cells[0]) == len(last.cells[0])
            and uncaptioned
            and not any(g.page == last.pages[-1] and g.bbox[1] > last.bbox[1] for g in grids)
            and not any(g.page == grid.page and g.bbox[1] < grid.bbox[1] for g in grids)
        ):
            offset = len(last.cells)
            body = grid.cells
            dropped = 0
            if body and body[0] == last.cells[0]:
                body, dropped = body[1:], 1  # the header printed again
            elif grid.header_rows:
                if _header_text(grid) != _header_text(last):
                    out.append(grid)
                    continue  # a new table with other column labels
                body, dropped = body[grid.header_rows :], grid.header_rows
            elif body and _new_header_row(body[0], last):
                out.append(grid)
                continue
            if body and last.cells and _continues_row(body[0], last.cells[-1]):
                # a row broken by the page: its first cell (the row's key) is not repeated
                last.cells[-1] = [
                    clean(f"{a} {b}") for a, b in zip(last.cells[-1], body[0], strict=True)
                ]
                body, dropped = body[1:], dropped + 1
            last.cells.extend(body)
            last.spans.extend(
                CellSpan(
                    row=s.row - dropped + offset,
                    column=s.column,
                    row_span=s.row_span,
                    column_span=s.column_span,
                )
                for s in grid.spans
                if s.row >= dropped
            )
            last.pages.append(grid.page)
            last.footnotes.extend(grid.footnotes)
            continue
        out.append(grid)
    return out


def _new_header_row(row: list[str], last: _Grid) -> bool:
    """A page's first row that labels columns the table before filled with figures (every
    cell words, where its last row had numbers): a new table's header, not more rows."""
    previous = last.cells[-1] if last.cells else []
    return (
        all(row)
        and _row_is_header(row)
        and row != _header_text(last)
        and any(is_number(text) for text in previous)
    )


def _header_text(grid: _Grid) -> list[str]:
    """The grid's header rows read down each column (its first row when not yet known)."""
    rows = grid.cells[: grid.header_rows if grid.header_rows is not None else 1]
    return [clean(" ".join(row[c] for row in rows)) for c in range(len(grid.cells[0]))]


def _continues_row(row: list[str], previous: list[str]) -> bool:
    """The first row on a page ends the last row of the page before: its key cell is
    empty, or its figures are missing where the row above has them and the label above
    breaks off ("Adult Learning Disability -" / "Community Based Services")."""
    if not row[0]:
        return sum(1 for c in row if c) <= max(1, len(row) // 2)
    figures = [c for c, text in enumerate(previous) if is_number(text)]
    return (
        bool(figures)
        and not any(row[c] for c in figures)
        and bool(row[0][:1].islower() or _CONTINUES.search(previous[0]))
    )


# --- text exports -----------------------------------------------------------------------

_NUMBERED_HEADING = compiled(r"^\d+(?:\.\d+)*\.?\s+\p{Lu}")
_HEADER_WORDS = compiled(
    r"\b(?:Timescales?|Progress|Comments?|Status|Owner|Lead|Deadline|Due|Outcomes?|Target"
    r"|RAG|Notes|Responsib\w+|Actions?|Date)\b"
)
_TIMESCALE = compiled(
    r"(?i)(?:(?:End|Early|Mid|Late|By)\s+)?(?:\d{1,2}(?:/\d{1,2})?(?:st|nd|rd|th)?\s+)?"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{4}(?:\s+onwards)?\s*$"
)


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """Runs of lines with no blank line between them."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.page == blocks[-1][-1].page and line.top - blocks[-1][-1].top <= 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _text_grids(lines: list[Line]) -> list[_Grid]:
    blocks = _blocks(lines)
    grids = []
    i = 0
    while i < len(blocks):
        found = _statistics_text_table(blocks, i) or _two_column_text_table(blocks, i)
        if found is None:
            i += 1
            continue
        grid, i = found
        grids.append(grid)
    return grids


def _tokens_numeric_run(tokens: list[str], n: int) -> int | None:
    for start in range(len(tokens) - n + 1):
        if all(parse_number(t) is not None for t in tokens[start : start + n]) and any(
            is_number(t) for t in tokens[start : start + n]
        ):
            return start
    return None


def _values_at(block: list[Line], n: int) -> tuple[int, int] | None:
    """(line index, token index) of the first run of n figures in the block."""
    for k, line in enumerate(block):
        start = _tokens_numeric_run(line.text.split(), n)
        if start is not None:
            return k, start
    return None


def _is_label_block(block: list[Line]) -> bool:
    return all(len(line.text.split()) <= 5 for line in block) and not block[
        -1
    ].text.rstrip().endswith(".")


def _statistics_text_table(blocks, i) -> tuple[_Grid, int] | None:
    block = blocks[i]
    if len(block) != 1:
        return None
    tokens = block[0].text.split()
    periods = [t for t in tokens if is_period(t)]
    if len(periods) < 2 or not all(is_period(t) for t in tokens[: len(periods)]):
        return None
    n = len(periods)
    trailing = tokens[n:]
    first_header = ""
    if i > 0 and _is_label_block(blocks[i - 1]) and len(blocks[i - 1]) <= 3:
        first_header = " ".join(ln.text for ln in blocks[i - 1])
    header = [first_header, *periods] + ([" ".join(trailing)] if trailing else [])
    width = len(header)
    rows: list[list[str]] = []
    spans: list[CellSpan] = []
    footnotes: list[str] = []
    pending: list[str] = []
    j = i + 1
    while j < len(blocks):
        current = blocks[j]
        text = current[0].text.strip()
        if text.startswith("*") and rows:
            footnotes.append(clean(" ".join(ln.text for ln in current)))
            j += 1
            break
        if _NUMBERED_HEADING.match(text):
            break
        found = _values_at(current, n)
        if found is not None:
            k, start = found
            line_tokens = current[k].text.split()
            label = clean(
                " ".join([*pending, *(ln.text for ln in current[:k]), *line_tokens[:start]])
            )
            if not label:
                break
            comment = clean(
                " ".join([*line_tokens[start + n :], *(ln.text for ln in current[k + 1 :])])
            )
            rows.append([label, *line_tokens[start : start + n]] + ([comment] if trailing else []))
            pending = []
            j += 1
            continue
        next_block = blocks[j + 1] if j + 1 < len(blocks) else None
        next_values = _values_at(next_block, n) if next_block else None
        if next_values == (0, 0) and _is_label_block(current):
            pending += [ln.text for ln in current]
        elif trailing and rows and not rows[-1][-1] and not pending:
            # a comment printed once beside several rows: it covers every comment-less row above
            shared = clean(" ".join(ln.text for ln in current))
            first = len(rows) - 1
            while first > 0 and not rows[first - 1][-1]:
                first -= 1
            rows[first][-1] = shared
            if len(rows) - first > 1:
                spans.append(CellSpan(row=first + 1, column=width - 1, row_span=len(rows) - first))
        else:
            break
        j += 1
    if len(rows) < 2:
        return None
    grid = _Grid(
        page=blocks[i][0].page,
        cells=[header, *rows],
        spans=spans,
        method="text",
        caption=_text_caption(blocks, i - (1 if first_header else 0)),
        footnotes=footnotes,
        header_rows=1,
        pages=sorted({ln.page for b in blocks[i:j] for ln in b}),
        doubts=["layout recovered from a text export: column boundaries inferred from figures"],
    )
    return grid, j


def _text_caption(blocks, i) -> str | None:
    if i <= 0:
        return None
    previous = blocks[i - 1]
    text = clean(" ".join(ln.text for ln in previous))
    return text if len(text) <= 200 else None


def _split_header(text: str) -> tuple[str, str] | None:
    words = text.split()
    for k in range(1, len(words)):
        if _HEADER_WORDS.fullmatch(words[k]) and words[k][0].isupper():
            return " ".join(words[:k]), " ".join(words[k:])
    return None


def _split_double_space(line: Line) -> tuple[str, str] | None:
    for span in line.spans:
        if "  " in span.text:
            left, right = span.text.split("  ", 1)
            return left.strip(), right.strip()
    return None


def _two_column_text_table(blocks, i) -> tuple[_Grid, int] | None:
    block = blocks[i]
    if (
        len(block) != 1
        or len(block[0].text.split()) > 10
        or block[0].text.rstrip().endswith((".", ":"))
    ):
        return None
    header = _split_header(block[0].text)
    if header is None or i + 2 >= len(blocks):
        return None
    rows: list[list[str]] = []
    j = i + 1
    # a timescale column: one line per row, its end a date
    while j < len(blocks) and len(blocks[j]) == 1 and (m := _TIMESCALE.search(blocks[j][0].text)):
        left = blocks[j][0].text[: m.start()].strip()
        if not left:
            break
        rows.append([clean(left), clean(m.group())])
        j += 1
    if len(rows) >= 2:
        doubts = [
            "layout recovered from a text export: the column boundary is where the date starts"
        ]
        return _text_grid(blocks, i, j, [list(header), *rows], doubts), j
    # a bullet column: a label block, then blocks whose lines start with a lost bullet (indent)
    rows = []
    j = i + 1
    while j < len(blocks):
        current = blocks[j]
        first = current[0]
        if _NUMBERED_HEADING.match(first.text):
            break
        if first.x0 >= 1 or first.text.startswith("•"):
            if not rows:
                return None
            for line in current:
                text = line.text.lstrip("• ")
                if line.x0 >= 1 or line.text.startswith("•") or not rows[-1][1]:
                    rows[-1][1].append(text)
                else:
                    rows[-1][1][-1] += " " + text
            j += 1
            continue
        left: list[str] = []
        right: list[str] = []
        for line in current:
            split = _split_double_space(line)
            if split and not right:
                left.append(split[0])
                right.append(split[1])
            elif right:
                right[-1] += " " + line.text
            else:
                left.append(line.text)
        if not right and (j + 1 >= len(blocks) or blocks[j + 1][0].x0 < 1):
            break  # a paragraph, not a row: no bullets follow it
        rows.append([clean(" ".join(left)), right])
        j += 1
    if len(rows) < 2:
        return None
    cells = [list(header)] + [
        [label, "\n".join(clean(b) for b in bullets)] for label, bullets in rows
    ]
    doubts = ["layout recovered from a text export: rows inferred from bullet indentation"]
    return _text_grid(blocks, i, j, cells, doubts), j


# the column labels of Wolverhampton's programme, which the export runs together
_PROGRAMME_COLUMNS = compiled(r"\s+(?=(?:Item|Lead|Specific)\b)")


def _programme_text_grids(lines: list[Line]) -> list[_Grid]:
    """A work programme's table from a text export: its rows are the meetings and items
    that the work programme parser reads from the runs of lines (one reading, one place)."""
    document = parse_work_programme(lines)
    first = (
        next(
            (
                ln
                for ln in lines
                if ln.text.strip().startswith(tuple(m.date_text for m in document.meetings))
            ),
            None,
        )
        if document.meetings
        else None
    )
    if first is None:
        return []
    rows = [
        [meeting.date_text if k == 0 else "", item.title, item.lead or "", item.questions or ""]
        for meeting in document.meetings
        for k, item in enumerate(meeting.items or [None])
        if item is not None
    ]
    doubts = [
        "layout recovered from a text export: rows are the programme's meetings and items, "
        "leads placed by order"
    ]
    header = _PROGRAMME_COLUMNS.split(document.header.get("columns", ""))
    if len(header) != 4:
        header = ["", "", "", ""]
    caption = document.cabinet_member and next(
        (clean(ln.text) for ln in lines if document.cabinet_member in ln.text), None
    )
    return [
        _Grid(
            page=first.page,
            cells=[header, *rows],
            method="text",
            caption=caption,
            header_rows=1,
            pages=sorted({ln.page for ln in lines if ln.page >= first.page}),
            doubts=doubts,
        )
    ]


def _text_grid(blocks, i, j, cells, doubts) -> _Grid:
    return _Grid(
        page=blocks[i][0].page,
        cells=cells,
        method="text",
        caption=_text_caption(blocks, i),
        header_rows=1,
        pages=sorted({ln.page for b in blocks[i:j] for ln in b}),
        doubts=doubts,
    )


# --- header, statistics, quality ----------------------------------------------------------


def _row_is_header(row: list[str]) -> bool:
    filled = [c for c in row if c]
    return bool(filled) and not any(is_number(c) for c in filled if not is_period(c))


def _finish(grid: _Grid) -> Table:
    # however the table was found (rules, alignment, text), its figures are read whole
    cells = [[whole_figures(cell) for cell in row] for row in grid.cells]
    width = len(cells[0])
    notes: list[str] = []
    header_rows = grid.header_rows
    if header_rows is None:
        header_rows = 0
        has_numbers = any(is_number(c) for row in cells for c in row)
        limit = min(3, len(cells) - 1) if has_numbers else 1
        while header_rows < limit and _row_is_header(cells[header_rows]):
            header_rows += 1
    header = ["" for _ in range(width)]
    span_at = {(s.row, s.column): s for s in grid.spans}
    for r in range(header_rows):
        filled = [c for c in range(width) if cells[r][c]]
        for c in filled:
            span = span_at.get((r, c))
            covers = range(c, c + (span.column_span if span else 1))
            if (
                len(filled) == 1
                and len(covers) >= max(2, width // 2)
                and not is_period(cells[r][c])
            ):
                notes.append(cells[r][c])  # "All figures in £m": a note on the whole table
                continue
            for column in covers:
                header[column] = clean(f"{header[column]} {cells[r][c]}")
    body = cells[header_rows:]
    spans = [
        CellSpan(
            row=s.row - header_rows, column=s.column, row_span=s.row_span, column_span=s.column_span
        )
        for s in grid.spans
        if s.row >= header_rows
    ]
    reasons = list(grid.doubts)
    score = {"ruled": 1.0, "aligned": 0.8, "text": 0.6}[grid.method]
    if not any(header):
        reasons.append("no header row recognised")
        score -= 0.1
    empty = sum(1 for row in body for c in row if not c)
    total = max(1, len(body) * width)
    if empty / total > 0.4:
        reasons.append(f"{empty} of {total} cells are empty")
        score -= 0.15
    statistics = _statistics(header, body, spans, notes)
    if statistics is not None:
        failures = sum(
            1
            for rec in statistics.records
            for text in rec.raw.values()
            if parse_number(text) is None
        )
        if failures:
            reasons.append(f"{failures} figures could not be read as numbers")
            score -= min(0.3, 0.05 * failures)
    return Table(
        page=grid.page,
        pages=grid.pages or [grid.page],
        caption=grid.caption,
        header=header,
        rows=body,
        spans=spans,
        footnotes=notes + grid.footnotes,
        method=grid.method,
        quality=TableQuality(score=round(max(0.0, min(1.0, score)), 2), reasons=reasons),
        statistics=statistics,
        bbox=grid.bbox,
    )


_MARKS = compiled(r"\s*((?:\*+\s*)+|[¹²³⁴⁵⁶⁷⁸⁹]+)$")


def _statistics(header, body, spans, notes) -> Statistics | None:
    period_columns = [c for c, label in enumerate(header) if label and is_period(label)]
    if len(period_columns) < 2 or not body:
        return None
    numeric = sum(1 for row in body for c in period_columns if parse_number(row[c]) is not None)
    if numeric < 0.6 * len(body) * len(period_columns):
        return None
    category_column = next((c for c in range(len(header)) if c not in period_columns), None)
    comment_column = next(
        (
            c
            for c in range(period_columns[-1] + 1, len(header))
            if _COMMENT_HEADER.search(header[c])
        ),
        None,
    )
    default_unit = next((u for n in notes if (u := find_unit(n))), None)
    covering = {}
    for s in spans:
        for r in range(s.row, s.row + s.row_span):
            covering[(r, s.column)] = s.row
    records = []
    for r, row in enumerate(body):
        category = row[category_column] if category_column is not None else ""
        marks: list[str] = []
        if m := _MARKS.search(category):
            marks = m.group(1).split()
            category = category[: m.start()].strip()
        values, raw, units = {}, {}, {}
        for c in period_columns:
            label, text = header[c], row[c]
            parsed = parse_number(text)
            raw[label] = text
            values[label] = parsed.value if parsed else None
            units[label] = (
                (parsed.unit or default_unit) if parsed and parsed.value is not None else None
            )
        comment = None
        if comment_column is not None:
            source_row = covering.get((r, comment_column), r)
            comment = body[source_row][comment_column] or None
        records.append(
            StatisticsRecord(
                category=category,
                values=values,
                raw=raw,
                units=units,
                change=_changes([header[c] for c in period_columns], values),
                comment=comment,
                footnote_marks=marks,
            )
        )
    return Statistics(periods=[header[c] for c in period_columns], records=records)


_COMMENT_HEADER = compiled(r"(?i)comment|note")


def _changes(periods: list[str], values: dict[str, float | None]) -> list[PeriodChange]:
    out = []
    for before, after in zip(periods, periods[1:], strict=False):
        a, b = values.get(before), values.get(after)
        absolute = round(b - a, 6) if a is not None and b is not None else None
        percent = round((b - a) / abs(a) * 100, 2) if absolute is not None and a else None
        out.append(
            PeriodChange(from_period=before, to_period=after, absolute=absolute, percent=percent)
        )
    return out


# --- borderless tables: columns found by alignment ----------------------------------------


@dataclass
class _Column:
    x0: float
    x1: float
    numeric: bool


def _numeric_spans(line: Line) -> int:
    return sum(1 for span in line.spans if is_number(span.text))


def _is_figures_line(line: Line) -> bool:
    """A row of a borderless table: three runs or more, two of them figures."""
    return len(line.spans) >= 3 and _numeric_spans(line) >= 2


def _right_edges(line: Line) -> list[float]:
    return [span.x1 for span in line.spans if is_number(span.text)]


def _shares_columns(a: Line, b: Line, tolerance: float) -> bool:
    edges = _right_edges(b)
    common = sum(1 for x in _right_edges(a) if any(abs(x - y) <= tolerance for y in edges))
    return common >= 2


def _crosses(line: Line, edges: list[float]) -> bool:
    """A line of prose runs across the figure columns; a table's cells stop short of them."""
    return any(span.x0 < x - 40 and span.x1 > x + 8 for span in line.spans for x in edges)


def _aligned_grids(page: Page, lines: list[Line], settings: TableSettings) -> list[_Grid]:
    anchors = [line for line in lines if _is_figures_line(line)]
    if len(anchors) < 2:
        return []
    # by middle, as extract orders lines: a tall line (a rotated stamp run into it) keeps its place
    ordered = sorted(lines, key=lambda ln: ln.top + ln.bottom)
    regions: list[list[Line]] = []
    for anchor in anchors:
        region = regions[-1] if regions else None
        if region is not None and _shares_columns(region[-1], anchor, settings.align_tolerance):
            between = [ln for ln in ordered if region[-1].bottom <= ln.top < anchor.top]
            edges = _right_edges(anchor)
            if not any(_crosses(ln, edges) for ln in between):
                region.append(anchor)
                continue
        regions.append([anchor])
    grids = []
    for region in regions:
        if len(region) >= 2:
            grid = _aligned_grid(page, ordered, region, settings)
            if grid is not None:
                grids.append(grid)
    return grids


def _figure_columns(region: list[Line], tolerance: float) -> list[_Column]:
    """Figures are right-aligned: their right edges cluster, one cluster per column."""
    spans = sorted(
        (span for line in region for span in line.spans if is_number(span.text)),
        key=lambda s: s.x1,
    )
    clusters: list[list] = []
    for span in spans:
        if clusters and span.x1 - clusters[-1][-1].x1 <= tolerance:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    wanted = max(2, len(region) // 3)
    return [
        _Column(min(s.x0 for s in c), max(s.x1 for s in c), True)
        for c in clusters
        if len(c) >= min(wanted, len(region))
    ]


def _text_columns(lines: list[Line], figures: list[_Column], tolerance: float) -> list[_Column]:
    """Left-aligned text columns right of the first figure column, beside the figures or
    between them (Kent's budget plan prints its labels between two years' figures): the
    left edges of text that stays clear of every figure column cluster."""
    spans = sorted(
        (
            s
            for line in lines
            for s in line.spans
            if s.x0 > figures[0].x1 + 2
            and not is_number(s.text)
            and not _in_figure_column(s, figures)
        ),
        key=lambda s: s.x0,
    )
    clusters: list[list] = []
    for span in spans:
        if clusters and span.x0 - clusters[-1][0].x0 <= tolerance:
            clusters[-1].append(span)
        else:
            clusters.append([span])
    return [_Column(c[0].x0, max(s.x1 for s in c), False) for c in clusters if len(c) >= 2]


def _boundaries(columns: list[_Column]) -> list[float]:
    return [(a.x1 + b.x0) / 2 for a, b in zip(columns, columns[1:], strict=False)]


def _column_of(boundaries: list[float], x: float) -> int:
    return sum(1 for b in boundaries if x >= b)


def _aligned_grid(page, ordered, region, settings) -> _Grid | None:
    tolerance = settings.align_tolerance
    figures = _figure_columns(region, tolerance)
    if len(figures) < 2:
        return None
    top, bottom = region[0].top, region[-1].bottom
    inside = [ln for ln in ordered if top - 0.5 <= ln.top and ln.bottom <= bottom + 0.5]
    left_edge = min(ln.x0 for ln in inside)
    label_right = max(
        (sp.x1 for ln in inside for sp in ln.spans if sp.x1 <= figures[0].x0),
        default=figures[0].x0 - 1,
    )
    texts = _text_columns(inside, figures, 4.0)
    # labels left of the figures, or (nothing printed there) the first text column
    labelled = left_edge < figures[0].x0 - 2 or not texts
    label = _Column(left_edge, label_right, False) if labelled else texts[0]
    columns = sorted({id(c): c for c in [label, *figures, *texts]}.values(), key=lambda c: c.x0)
    if len(columns) < 3:
        return None
    bounds = _boundaries(columns)
    right_edge = max(c.x1 for c in columns)
    rules = sorted(
        (r[1] + r[3]) / 2
        for r in page.rulings
        if r[3] - r[1] <= settings.thin and r[2] - r[0] >= 0.6 * (right_edge - left_edge)
    )
    rows = _aligned_rows(inside, region, rules, ordered, figures)
    first_top = min(ln.top for ln in rows[0])
    ruled_top = max((y for y in rules if y <= first_top + 0.5 and first_top - y < 30), default=None)
    header = _header_lines(ordered, ruled_top or first_top, columns, bounds)
    # a first row's label may wrap above its figures: the table starts at its first line
    table_top = min(ln.top for ln in header) if header else min(top, first_top)
    row_bottom = max(ln.bottom for row in rows for ln in row)
    # a note printed inside the table's label column ("* the prior year savings ...")
    notes = [row for row in rows if _is_note_row(row, bounds)]
    rows = [row for row in rows if row not in notes]
    cells = []
    if header:
        label_column = columns.index(label)
        cells.append(_header_cells(header, bounds, len(columns), label_column))
    cells += [_aligned_cells(row, bounds, len(columns)) for row in rows]
    bbox = (left_edge, table_top, right_edge, row_bottom)
    grid = _Grid(
        page=page.number,
        cells=cells,
        method="aligned",
        bbox=tuple(round(v, 1) for v in bbox),
        header_rows=1 if header else 0,
        pages=[page.number],
        doubts=["borderless: columns inferred from the alignment of figures"],
    )
    grid.footnotes = [clean(" ".join(ln.text for ln in row)) for row in notes]
    return grid


_NOTE_MARK = compiled(r"^(?:\*+|[¹²³⁴⁵⁶⁷⁸⁹]|Notes?:|Source:)\s*\S")


def _is_note_row(row: list[Line], bounds: list[float]) -> bool:
    """A row of one column whose text opens with a footnote mark is a note, not a row."""
    columns = {_column_of(bounds, (s.x0 + s.x1) / 2) for ln in row for s in ln.spans}
    return len(columns) == 1 and bool(_NOTE_MARK.match(row[0].text))


def _aligned_rows(inside, region, rules, ordered, figures) -> list[list[Line]]:
    """Rows of a borderless table: one per line of figures, wrapped cells joined.

    Where the table draws rules between rows, each band between two rules is a row. Else a
    line without figures joins the nearer row of figures when it sits within a wrapped
    line's distance of it (a wrapped label); further away, it is a row of its own (a
    section heading), consecutive such lines one row.
    """
    top, bottom = region[0].top, region[-1].bottom
    reach = 120.0  # a row's wrapped cells may run this far from its figures
    rules_inside = [y for y in rules if top - reach < y < bottom + reach]
    if len(rules_inside) >= 2:
        bands: list[list[Line]] = []
        first = max((y for y in rules_inside if y <= top), default=top - reach)
        last = min((y for y in rules_inside if y >= bottom), default=bottom + 3 * region[-1].height)
        edges = [first, *(y for y in rules_inside if first < y < last), last]
        for upper, lower in zip(edges, edges[1:], strict=False):
            band = [ln for ln in ordered if upper <= (ln.top + ln.bottom) / 2 < lower]
            if any(ln in region for ln in band):
                bands.append(band)
        # a band above the first row of figures with nothing in the figure columns is the
        # end of a row carried over from the previous page, not part of the header
        above = sorted((y for y in rules if y < first), reverse=True)
        upper_edge = first
        for y in above:
            band = [ln for ln in ordered if y <= (ln.top + ln.bottom) / 2 < upper_edge]
            if not band or any(_in_figure_column(s, figures) for ln in band for s in ln.spans):
                break
            bands.insert(0, band)
            upper_edge = y
        return bands
    anchors = set(region)
    pitch = min(
        (b.top - a.top for a, b in zip(region, region[1:], strict=False) if b.top > a.top),
        default=0.0,
    )
    rows: list[list[Line]] = []
    loose: list[Line] = []  # lines between rows of figures not yet placed
    for k, line in enumerate(inside):
        if line in anchors:
            joined: list[Line] = []
            while loose and _wraps(loose[-1], joined[0] if joined else line):
                joined.insert(0, loose.pop())
            rows.extend(_loose_rows(loose, pitch))
            rows.append([*joined, line])
            loose = []
            continue
        following = next((ln for ln in inside[k + 1 :] if ln in anchors), None)
        if rows and not loose and _wraps(rows[-1][-1], line):
            runs_on = line.text[:1].islower() or _CONTINUES.search(rows[-1][-1].spans[0].text)
            if runs_on or following is None or not _wraps(line, following):
                rows[-1].append(line)
                continue
        loose.append(line)
    rows.extend(_loose_rows(loose, pitch))
    return rows


_CONTINUES = compiled(r"(?:[-–&,/(]|\b(?:and|of|for|to|the|in|on|with))\s*$")


def _loose_rows(lines: list[Line], pitch: float) -> list[list[Line]]:
    """Lines with no figures: a run at the table's row pitch or closer is one row."""
    rows: list[list[Line]] = []
    for line in lines:
        if rows and line.top - rows[-1][-1].top <= max(pitch * 1.1, 1.45 * line.height):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _in_figure_column(span, figures: list[_Column]) -> bool:
    return any(span.x0 < c.x1 and c.x0 < span.x1 for c in figures)


def _wraps(above: Line, below: Line) -> bool:
    low, high = sorted((above.height, below.height))
    # a line made tall by a rotated stamp run into it wraps no further than its text does
    return below.top - above.top <= 1.45 * min(high, 2 * low)


def _header_lines(ordered, first_top, columns, bounds) -> list[Line]:
    """Lines above the first row that label the columns (periods, "£m", "Budget" ...).

    Walking up from the first row: a line with runs in two columns or more, or one run that
    fits a figure column, is a header line; a line in the label column alone is kept only if
    a header line lies above it ("MTFP Category" under the period labels); a wider line (a
    caption, a note like "All figures in £m" over several columns, prose) ends it.
    """
    above = [ln for ln in ordered if ln.bottom <= first_top + 0.5]
    header: list[Line] = []
    pending: list[Line] = []
    previous_top = first_top
    for line in reversed(above):
        gap = previous_top - line.bottom
        # a blank line may part the header from the rows when the line over them labels
        # most columns ("£000s £000s ..."); a looser line that far up is prose
        spread = not header and len(line.spans) >= max(3, len(columns) // 2)
        if gap > (4.0 if spread else 2.5) * max(line.height, 6.0):
            break
        cols = {_column_of(bounds, (s.x0 + s.x1) / 2) for s in line.spans}
        if len(line.spans) == 1:
            span = line.spans[0]
            if _column_of(bounds, span.x0 + 2) != _column_of(bounds, span.x1 - 2):
                break  # runs across a column boundary
            if next(iter(cols)) == 0:
                pending.append(line)
                previous_top = line.top
                continue
        elif len(cols) < 2 or _crosses(line, [c.x1 for c in columns if c.numeric]):
            break
        header.extend(pending)
        pending = []
        header.append(line)
        previous_top = line.top
    return sorted(header, key=lambda ln: ln.top)


def _header_cells(
    lines: list[Line], bounds: list[float], width: int, label_column: int
) -> list[str]:
    """One label per column, a group label over several columns given to each of them.

    Header lines that touch are one printed row ("Public" / "TOTAL ASCH ..." / "Health").
    A label in such a row is centred over its group: it spreads one column each way while
    both neighbours have nothing in that row and are labelled in a row below ("TOTAL" over
    Core / External / Total), so each column reads "TOTAL External £000s".
    """
    bands: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: ln.top):
        if bands and line.top - bands[-1][-1].bottom < 0.3 * line.height:
            bands[-1].append(line)
        else:
            bands.append([line])
    fragments: list[list[tuple[float, float, str]]] = [[] for _ in range(width)]
    for k, band in enumerate(bands):
        placed = [
            (line, span, _column_of(bounds, (span.x0 + span.x1) / 2))
            for line in band
            for span in line.spans
        ]
        claimed = {column for _, _, column in placed} | {label_column}
        below = {
            _column_of(bounds, (s.x0 + s.x1) / 2)
            for lower in bands[k + 1 :]
            for ln in lower
            for s in ln.spans
        }
        for line, span, column in placed:
            first = last = column
            while (
                first - 1 not in claimed
                and last + 1 not in claimed
                and first - 1 >= 0
                and last + 1 < width
                and {first - 1, last + 1} <= below
            ):
                first, last = first - 1, last + 1
                claimed |= {first, last}
            for covered in range(first, last + 1):
                fragments[covered].append((line.top, span.x0, span.text))
    return [_cell_text(f) for f in fragments]


def _aligned_cells(lines: list[Line], bounds: list[float], width: int) -> list[str]:
    fragments: list[list[tuple[float, float, str]]] = [[] for _ in range(width)]
    for line in lines:
        for span in line.spans:
            column = _column_of(bounds, (span.x0 + span.x1) / 2)
            fragments[column].append((line.top, span.x0, span.text))
    return [_cell_text(f) for f in fragments]
