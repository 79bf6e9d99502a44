"""The cells a page's drawn rules enclose, as pdfplumber's table finder reads them.

These are pdfplumber's ``merge_edges``, ``edges_to_intersections``,
``intersections_to_cells`` and ``cells_to_tables`` (pdfplumber 0.11, MIT licence), with the
same arithmetic and the same order of results, on small frozen Edge objects and tuples
instead of its object dicts. Importing ``pdfplumber.table`` loads pdfplumber, pdfminer
and their dependencies (a tenth of a second of start-up for every file with a ruled
page), and the cell search compared edge sets rebuilt for every pair of points; this
module needs neither.
tests/test_ruled_cells.py checks it against pdfplumber's own functions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # x0, top, x1, bottom


@dataclass(frozen=True, slots=True)
class Edge:
    """A ruled line: ``horizontal`` (``top`` == ``bottom``) or vertical (``x0`` == ``x1``)."""

    horizontal: bool
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def length(self) -> float:
        return self.x1 - self.x0 if self.horizontal else self.bottom - self.top


def merge_edges(edges: list[Edge], snap_tolerance: float, join_tolerance: float) -> list[Edge]:
    """Edges within ``snap_tolerance`` of one another across their direction moved to their
    mean position, then edges on one line within ``join_tolerance`` end to end joined."""
    if snap_tolerance > 0:
        edges = _snapped([e for e in edges if not e.horizontal], snap_tolerance) + _snapped(
            [e for e in edges if e.horizontal], snap_tolerance
        )

    def line_of(edge: Edge) -> tuple[str, float]:
        return ("h", edge.top) if edge.horizontal else ("v", edge.x0)

    joined: list[Edge] = []
    for _line, group in groupby(sorted(edges, key=line_of), key=line_of):
        joined += _joined(list(group), join_tolerance)
    return joined


def _snapped(edges: list[Edge], tolerance: float) -> list[Edge]:
    """pdfplumber's snap_objects: positions clustered where each is within ``tolerance`` of
    the last, every edge of a cluster moved by (mean - its own position)."""
    horizontal = bool(edges) and edges[0].horizontal

    def position(edge: Edge) -> float:
        return edge.top if horizontal else edge.x0

    cluster_of: dict[float, int] = {}
    last: float | None = None
    cluster = -1
    for value in sorted({position(e) for e in edges}):
        if last is None or value > last + tolerance:
            cluster += 1
        cluster_of[value] = cluster
        last = value
    out: list[Edge] = []
    ordered = sorted(edges, key=lambda e: cluster_of[position(e)])
    for _cluster, group in groupby(ordered, key=lambda e: cluster_of[position(e)]):
        members = list(group)
        mean = sum(position(e) for e in members) / len(members)
        for e in members:
            shift = mean - position(e)
            if horizontal:
                out.append(Edge(True, e.x0, e.top + shift, e.x1, e.bottom + shift))
            else:
                out.append(Edge(False, e.x0 + shift, e.top, e.x1 + shift, e.bottom))
    return out


def _joined(edges: list[Edge], tolerance: float) -> list[Edge]:
    """Edges of one line, sorted along it, each joined to the last where it starts within
    ``tolerance`` of where that ends."""
    horizontal = edges[0].horizontal
    ordered = sorted(edges, key=(lambda e: e.x0) if horizontal else (lambda e: e.top))
    out = [ordered[0]]
    for edge in ordered[1:]:
        last = out[-1]
        if horizontal:
            if edge.x0 <= last.x1 + tolerance:
                if edge.x1 > last.x1:
                    out[-1] = Edge(True, last.x0, last.top, edge.x1, last.bottom)
            else:
                out.append(edge)
        elif edge.top <= last.bottom + tolerance:
            if edge.bottom > last.bottom:
                out[-1] = Edge(False, last.x0, last.top, last.x1, edge.bottom)
        else:
            out.append(edge)
    return out


@dataclass(slots=True)
class Crossing:
    """Where vertical and horizontal edges meet: the boxes of the edges of each kind."""

    vertical: set[Box]
    horizontal: set[Box]


def edges_to_intersections(edges: list[Edge], tolerance: float) -> dict[Point, Crossing]:
    """The points (a vertical edge's x, a horizontal edge's y) where edges cross or touch
    within ``tolerance``, in pdfplumber's order."""
    verticals = sorted((e for e in edges if not e.horizontal), key=lambda e: (e.x0, e.top))
    horizontals = sorted((e for e in edges if e.horizontal), key=lambda e: (e.top, e.x0))
    crossings: dict[Point, Crossing] = {}
    for v in verticals:
        for h in horizontals:
            if (
                v.top <= h.top + tolerance
                and v.bottom >= h.top - tolerance
                and v.x0 >= h.x0 - tolerance
                and v.x0 <= h.x1 + tolerance
            ):
                crossing = crossings.setdefault((v.x0, h.top), Crossing(set(), set()))
                crossing.vertical.add(v.box)
                crossing.horizontal.add(h.box)
    return crossings


def intersections_to_cells(crossings: dict[Point, Crossing]) -> list[Box]:
    """Each crossing's smallest cell: the nearest points below and to the right joined to
    it, and to a fourth point, by shared edges."""

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and not crossings[a].vertical.isdisjoint(crossings[b].vertical):
            return True
        return a[1] == b[1] and not crossings[a].horizontal.isdisjoint(crossings[b].horizontal)

    points = sorted(crossings)
    # the points after each in sorted order that share its x (below it) and its y (right
    # of it), in that order: a pass over the points of its column and its row, not over
    # every later point (which made a busy page's time grow with the square of its points)
    column: dict[float, list[Point]] = {}
    row: dict[float, list[Point]] = {}
    for point in points:
        column.setdefault(point[0], []).append(point)
        row.setdefault(point[1], []).append(point)
    cells = []
    for point in points:
        same_x, same_y = column[point[0]], row[point[1]]
        below = same_x[same_x.index(point) + 1 :]
        right = same_y[same_y.index(point) + 1 :]
        cell = None
        for below_point in below:
            if not joined(point, below_point):
                continue
            for right_point in right:
                if not joined(point, right_point):
                    continue
                corner = (right_point[0], below_point[1])
                if (
                    corner in crossings
                    and joined(corner, right_point)
                    and joined(corner, below_point)
                ):
                    cell = (point[0], point[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells


def cells_to_tables(cells: Iterable[Box]) -> list[list[Box]]:
    """Cells grouped into tables of cells that share corners, top-left first; a lone cell is
    no table."""
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Box] = []
    tables = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            cell_corners = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in cell_corners):
                corners.update(cell_corners)
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    tables.sort(key=lambda table: min((c[1], c[0]) for c in table))
    return [table for table in tables if len(table) > 1]
