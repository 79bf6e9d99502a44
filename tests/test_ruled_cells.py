"""Our ruled-cell finder gives pdfplumber's cells and tables, in its order, to the last bit.

pdfplumber's functions are the reference (it stays a dependency); each check feeds both
the same edges: the rulings of every page of the fixture packs that draws some, the
corpus's where ``../shared`` is here, and generated rule sets that snap, join, touch and
nearly touch.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councildocs.extract import load
from councildocs.parsers import ruled_cells
from councildocs.parsers.ruled_cells import Edge
from councildocs.parsers.tables import TableSettings, _edges

from .conftest import FIXTURES, corpus_pdfs

pdfplumber_table = pytest.importorskip("pdfplumber.table")

SETTINGS = TableSettings()


def as_pdfplumber(edge: Edge) -> dict:
    return {
        "orientation": "h" if edge.horizontal else "v",
        "x0": edge.x0,
        "x1": edge.x1,
        "top": edge.top,
        "bottom": edge.bottom,
        "width": edge.x1 - edge.x0,
        "height": edge.bottom - edge.top,
        "object_type": "line",
    }


def theirs(edges: list[Edge], snap: float, join: float, cross: float):
    merged = pdfplumber_table.merge_edges([as_pdfplumber(e) for e in edges], snap, snap, join, join)
    merged = [
        e
        for e in merged
        if (e["x1"] - e["x0"] if e["orientation"] == "h" else e["bottom"] - e["top"])
        >= SETTINGS.edge_min_length
    ]
    points = pdfplumber_table.edges_to_intersections(merged, cross, cross)
    cells = pdfplumber_table.intersections_to_cells(points)
    as_boxes = [(e["orientation"] == "h", e["x0"], e["top"], e["x1"], e["bottom"]) for e in merged]
    return as_boxes, list(points), cells, pdfplumber_table.cells_to_tables(cells)


def ours(edges: list[Edge], snap: float, join: float, cross: float):
    merged = ruled_cells.merge_edges(edges, snap, join)
    merged = [e for e in merged if e.length >= SETTINGS.edge_min_length]
    points = ruled_cells.edges_to_intersections(merged, cross)
    cells = ruled_cells.intersections_to_cells(points)
    as_boxes = [(e.horizontal, e.x0, e.top, e.x1, e.bottom) for e in merged]
    return as_boxes, list(points), cells, ruled_cells.cells_to_tables(cells)


def same_as_pdfplumber(edges: list[Edge]) -> None:
    tolerances = (SETTINGS.snap_tolerance, SETTINGS.join_tolerance, SETTINGS.intersection_tolerance)
    assert ours(edges, *tolerances) == theirs(edges, *tolerances)


def ruled_pages(paths):
    for path in paths:
        for page in load(path).pages:
            edges = _edges(page, SETTINGS)
            if edges:
                yield f"{path.name} p{page.number}", edges


def test_the_fixture_packs_ruled_pages_give_pdfplumber_s_cells():
    pages = list(
        ruled_pages([FIXTURES / "kent_cabinet_pack.pdf", FIXTURES / "wolverhampton_pack.pdf"])
    )
    assert len(pages) >= 5  # the Kent pack's boxed front sheets and tables
    tables = 0
    for _name, edges in pages:
        same_as_pdfplumber(edges)
        tables += len(ours(edges, 3.0, 3.0, 3.0)[3])
    assert tables >= 3


def test_the_corpus_ruled_pages_give_pdfplumber_s_cells():
    paths = corpus_pdfs()
    if not paths:
        pytest.skip("../shared/corpus is not here; CI always has it")
    checked = 0
    for _name, edges in ruled_pages(paths[::3]):
        same_as_pdfplumber(edges)
        checked += 1
    assert checked >= 20


# positions on a coarse grid with small offsets, so that edges snap, join and cross within
# the tolerances, and some fall just outside them
_position = st.builds(
    lambda base, nudge: base * 20.0 + nudge,
    st.integers(0, 8),
    st.sampled_from([0, 0.5, 1.25, 2.9, 3.0, 3.1, 4]),
)


# lengths that, with those positions, end an edge exactly a tolerance before the next
_length = st.sampled_from([3.0, 5.0, 17.0, 20.0, 37.0])


@st.composite
def rule_sets(draw):
    edges = []
    for _ in range(draw(st.integers(0, 24))):
        across, start, length = draw(_position), draw(_position), draw(_length)
        if draw(st.booleans()):
            edges.append(Edge(True, start, across, start + length, across))
        else:
            edges.append(Edge(False, across, start, across, start + length))
    return edges


@given(rule_sets())
def test_generated_rules_give_pdfplumber_s_cells(edges):
    same_as_pdfplumber(edges)
