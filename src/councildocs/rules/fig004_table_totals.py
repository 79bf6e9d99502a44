"""A table's total row or total column equals the sum of the figures it totals.

A row labelled "Total" (or "Sub-total", "Grand total", "Total Spend") is re-added, column by
column, from the rows above it back to the previous total row; a column headed "Total"
("2024/25 Total", "Total Forecast") from the columns beside it: those sharing its header's
prefix ("2024/25 Fatal", "2024/25 Serious", ...), else the run of adjacent columns that adds
up to it in most rows. Figures are read with their units ("£1.6m" beside "£400k"), blanks
and dashes count as nothing, percentages are never added. A table of rounded figures may
be off by its rounding unit for each part, so a total is reported only when it is further
from the sum than that. A total that matches the rows below it, the subtotals above it,
or the rows since the last heading row, is not reported; nor is a label that says it is
no plain sum ("Total as %", "Running total", "Total change").

**Anti-pattern**

    Directorate           | Revenue Budget | Revenue Forecast
    Adult Social Care     | 524.7          | 588.4
    Public Health         | 22.1           | 23.2
    Total                 | 556.8          | 611.6     (524.7 + 22.1 = 546.8)

**Best practice**

    Directorate           | Revenue Budget | Revenue Forecast
    Adult Social Care     | 524.7          | 588.4
    Public Health         | 22.1           | 23.2
    Total                 | 546.8          | 611.6
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from ..models import DocumentBase, Pack, Table
from ..parsers.numbers import parse_number, scale_of
from ..patterns import compiled
from ..vocabulary.money import NOT_A_SUM, REFERENCE_HEADER, TOTAL_LABEL, TOTAL_WORD
from ._support import Hit, page_of

CODE = "FIG004"
NAME = "table-totals"
SEVERITY = "error"
READS = "pack"
PREVIEW = True

#: a total must be re-added from at least this many figures to be checked
MIN_PARTS = 2


@dataclass(frozen=True)
class Figure:
    """A cell's number in the table's base units, with its printed rounding unit."""

    value: float
    rounding: float
    #: the unit printed with it ("£m", "£"), for saying a sum the way the table does
    unit: str | None = None


#: a blank, "-" or "n/a": nothing in that cell, which adds nothing to a total
NOTHING = Figure(0.0, 0.0)


def _figure(cell: str) -> Figure | None:
    """The cell's figure, NOTHING for a blank or null, None for words or a percentage."""
    parsed = parse_number(cell)
    if parsed is None or parsed.unit == "%":
        return None
    if parsed.value is None:
        return NOTHING
    digits = cell.replace(",", "")
    places = 0
    if "." in digits:
        places = len(digits.split(".", 1)[1].rstrip("%)mkbn ").strip())
    scale = scale_of(parsed.unit)
    return Figure(parsed.value * scale, 10**-places * scale, parsed.unit)


@dataclass(frozen=True)
class Grid:
    """A table as labels and figures, its columns merged where one header spans several."""

    header: list[str]
    labels: list[str]
    cells: list[list[str]]
    figures: list[list[Figure | None]]
    #: columns of row numbers or references (1, 2, 3 ... down the rows): not figures to add
    references: set[int]


def _grid(table: Table) -> Grid:
    width = max([len(table.header), *(len(row) for row in table.rows)], default=0)
    header = [*table.header, *[""] * (width - len(table.header))]
    # a header cell spanning columns is printed once per column it covers; its figures sit
    # in any of them, so such a run is one column
    groups: list[list[int]] = []
    for column in range(width):
        if groups and header[column] and header[column] == header[groups[-1][0]]:
            groups[-1].append(column)
        else:
            groups.append([column])
    labels, cells, figures = [], [], []
    for row in table.rows:
        padded = [*row, *[""] * (width - len(row))]
        merged = [next((padded[c] for c in group if padded[c].strip()), "") for group in groups]
        label = next((c for c in merged if c.strip() and _figure(c) is None), "")
        labels.append(" ".join(label.split()))
        cells.append(merged)
        figures.append([_figure(cell) for cell in merged])  # the label's is None
    headers = [header[group[0]] for group in groups]
    return Grid(headers, labels, cells, figures, _reference_columns(headers, figures))


def _reference_columns(header: list[str], figures: list[list[Figure | None]]) -> set[int]:
    """Columns headed as references, or holding row numbers: whole numbers rising down the
    rows a few at a time (a table sorted by size rises too, but in bigger steps)."""
    found = set()
    for column, name in enumerate(header):
        values = [
            figure.value
            for row in figures
            if (figure := row[column]) is not None and figure is not NOTHING
        ]
        whole = [v for v in values if v == int(v)]
        rising = (
            len(whole) >= 3
            and len(whole) == len(values)
            and whole == sorted(set(whole))
            and whole[-1] - whole[0] < 3 * len(whole)
        )
        if rising or REFERENCE_HEADER.match(" ".join(name.split())):
            found.add(column)
    return found


#: "TOTAL PAY 21,845.7 12,524.5": figures inside a label, the row's cells run together
_FIGURES_IN_LABEL = compiled(r"\d,\d{3}|\d\.\d")


def _is_total(label: str) -> bool:
    """A short label that opens or ends with a total word ("Total Spend", "2024/25 Total")
    and does not say it is some other figure ("Total as %")."""
    words = label.split()
    if not words or len(words) > 8 or _FIGURES_IN_LABEL.search(label):
        return False
    if NOT_A_SUM.search(label):
        return False
    return bool(TOTAL_LABEL.match(label) or TOTAL_WORD.search(words[-1]))


def _sum(figures) -> float:
    return sum(figure.value for figure in figures if figure is not None)


def _adds_up(total: Figure, parts: list[Figure]) -> bool:
    roundings = [total.rounding, *(p.rounding for p in parts)]
    slack = max(roundings) * len(parts) + 1e-9 * max(1.0, abs(total.value))
    return abs(sum(p.value for p in parts) - total.value) <= slack


def _fitting(
    total_of: list[tuple[int, Figure]], sets: list[list[int]], parts_in
) -> tuple[list[int], list[int], list[int]] | None:
    """The set of parts that adds up to the most totals, with the totals it fits and fails.

    ``total_of``: (position, total) pairs to explain; ``parts_in(position, part)`` the
    figure of a part at that position. A set is checked at a position only when all its
    parts are figures and two of them are not blank.
    """
    best = None
    for parts_set in sets:
        fitting, failing = [], []
        for position, total in total_of:
            parts = [parts_in(position, part) for part in parts_set]
            if any(p is None for p in parts) or sum(p is not NOTHING for p in parts) < MIN_PARTS:
                continue
            (fitting if _adds_up(total, parts) else failing).append(position)
        if fitting and (best is None or len(fitting) > len(best[1])):
            best = (parts_set, fitting, failing)
    return best


def _isolated(fitting: list[int], failing: list[int]) -> bool:
    """A wrong total is one cell among many the same parts explain; when the parts explain
    few of them the table is built some other way than this rule reads it."""
    return bool(failing) and len(fitting) >= MIN_PARTS and len(fitting) >= 2 * len(failing)


def _row_total_hits(grid: Grid) -> Iterator[tuple[int, str]]:
    totals = [r for r, label in enumerate(grid.labels) if _is_total(label)]
    # a row with a label and a figure; a label over blanks is a heading ("SPENDING")
    data = [
        r
        for r, row in enumerate(grid.figures)
        if grid.labels[r] and any(f not in (None, NOTHING) for f in row)
    ]
    columns = [c for c in range(len(grid.header)) if c not in grid.references]
    for position, row in enumerate(totals):
        start = totals[position - 1] + 1 if position else 0
        later = totals[position + 1] if position + 1 < len(totals) else len(grid.labels)
        above = [r for r in data if start <= r < row]
        below = [r for r in data if row < r < later]
        # the parts may be any run of rows that ends just above the total (a heading or a
        # line of figures above them belongs to something else), the rows below it, or the
        # subtotals before it
        sets = [above[-k:] for k in range(len(above), MIN_PARTS - 1, -1)]
        sets += [below[:k] for k in range(MIN_PARTS, len(below) + 1)]
        if position >= MIN_PARTS:
            sets.append(totals[:position])
        cells = [
            (c, grid.figures[row][c])
            for c in columns
            if grid.figures[row][c] not in (None, NOTHING)
        ]
        best = _fitting(cells, sets, lambda column, part: grid.figures[part][column])
        if best is None:
            # one figure and no set of parts that adds up to it: its parts are the rows
            # since the total before, or else the subtotals before it
            if len(cells) != 1:
                continue
            natural = above if len(above) >= MIN_PARTS else totals[:position]
            column = cells[0][0]
            parts = [grid.figures[r][column] for r in natural]
            if any(p is None for p in parts) or sum(p is not NOTHING for p in parts) < MIN_PARTS:
                continue
            best = (natural, [], [column])
        elif len(cells) > 1 and not _isolated(best[1], best[2]):
            continue
        parts_set, _fits, failing = best
        wrong = []
        for column in failing:
            total = grid.figures[row][column]
            added = _sum(grid.figures[r][column] for r in parts_set)
            wrong.append(
                f"{grid.header[column] or f'column {column + 1}'} prints "
                f"{grid.cells[row][column]}, but {_rows_named(grid, parts_set)} add up to "
                f"{_fmt(added, total)}"
            )
        if wrong:
            yield row, f"total row '{grid.labels[row]}' does not add up: " + "; ".join(wrong)


def _rows_named(grid: Grid, rows: list[int]) -> str:
    if len(rows) <= 3:
        return ", ".join(f"'{grid.labels[r]}'" for r in rows)
    return f"the {len(rows)} rows '{grid.labels[rows[0]]}' to '{grid.labels[rows[-1]]}'"


def _header_prefix(header: str) -> str:
    match = TOTAL_WORD.search(header)
    return header[: match.start()].strip() if match else ""


def _column_total_hits(grid: Grid) -> Iterator[tuple[int, str]]:
    width = len(grid.header)
    columns = [c for c in range(width) if c not in grid.references]
    for column in columns:
        label = " ".join(grid.header[column].split())
        if not _is_total(label):
            continue
        rows = [
            (r, grid.figures[r][column])
            for r in range(len(grid.labels))
            if grid.figures[r][column] not in (None, NOTHING) and not _is_total(grid.labels[r])
        ]
        prefix = _header_prefix(label)
        shared = [
            c
            for c in columns
            if c != column
            and prefix
            and grid.header[c].startswith(prefix)
            and not _is_total(grid.header[c])
        ]
        if len(shared) >= MIN_PARTS:
            sets = [shared]
        else:  # the run of columns just before it, or just after it
            left = [c for c in columns if c < column]
            right = [c for c in columns if c > column]
            sets = [left[-k:] for k in range(MIN_PARTS, len(left) + 1)]
            sets += [right[:k] for k in range(MIN_PARTS, len(right) + 1)]
        best = _fitting(rows, sets, lambda row, part: grid.figures[row][part])
        # columns named as the total's parts by its header need no other rows to confirm them
        named = len(shared) >= MIN_PARTS
        if best is None and named:
            best = (shared, [], [r for r, _ in rows])
        if best is None or not (named or _isolated(best[1], best[2])):
            continue
        parts_set, _fits, failing = best
        names = ", ".join(grid.header[c] or f"column {c + 1}" for c in parts_set)
        for r in failing:
            total = grid.figures[r][column]
            added = _sum(grid.figures[r][c] for c in parts_set)
            yield (
                r,
                f"total column '{label}' for '{grid.labels[r]}' prints {grid.cells[r][column]}, "
                f"but {names} add up to {_fmt(added, total)}",
            )


def _fmt(value: float, like: Figure | None) -> str:
    """A sum as the total beside it is printed: its places, its unit ("£1.6m")."""
    if like is None:
        return f"{value:,.0f}"
    scale = scale_of(like.unit)
    printed_rounding = like.rounding / scale if like.rounding else 1
    places = max(0, round(-math.log10(printed_rounding))) if printed_rounding < 1 else 0
    figure = f"{value / scale:,.{places}f}"
    if like.unit and like.unit != "%":
        currency, suffix = like.unit[:1], like.unit[1:]
        return f"{currency}{figure}{suffix}"
    return figure


def _quote(grid: Grid, row: int) -> str:
    return " | ".join(cell for cell in grid.cells[row] if cell.strip())


def _table_hits(document: DocumentBase) -> Iterator[tuple[str, str, int | None]]:
    for table in document.tables:
        grid = _grid(table)
        for row, message in [*_row_total_hits(grid), *_column_total_hits(grid)]:
            yield message, _quote(grid, row), page_of(document, table.page)


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        for message, quote, page in _table_hits(document):
            yield Hit(message, page, quote, index)
