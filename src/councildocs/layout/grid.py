"""Ruled grids: where drawn vertical rules cut a row of text into cells.

A box drawn round a paragraph is not a grid; a rule between two runs of text on one row
is. Rows cut by rules, and the lines between them, form a grid region: a table of data,
or label cells beside value cells (a report's cover sheet), told apart by their shape.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..extract.page import Line, Page

THIN = 2.5  # points: a path narrower than this is a rule, not a box
_LABEL_WORDS = 8  # a label cell longer than this reads as data, not a label


def drawn_boxes(page: Page) -> list[tuple[float, float, float, float]]:
    """The boxes of what is drawn on the page that a reader can see (``Page.rulings``:
    an unpainted or white rectangle is a layout device, not a rule or a cell)."""
    return page.rulings


@dataclass(slots=True, frozen=True)
class HorizontalEdge:
    """A drawn rule, or the top or bottom side of a drawn box, across x0..x1 at y."""

    y: float
    x0: float
    x1: float


def horizontal_edges(boxes: list[tuple[float, float, float, float]]) -> list[HorizontalEdge]:
    """A thin flat path is one rule; a box (a stroked or shaded cell) has a top and a
    bottom side: the page's upright rules, turned on their side."""
    turned = [(top, x0, bottom, x1) for x0, top, x1, bottom in boxes]
    return [HorizontalEdge(rule.x, rule.top, rule.bottom) for rule in vertical_rules(turned)]


def starts_own_box(
    line: Line, lines: list[Line], edges: list[HorizontalEdge], rules: list[VerticalRule]
) -> bool:
    """Whether the line opens a drawn box of its own: a drawn edge runs between it and the
    nearest text above it that it overlaps (or the page's top), and drawn sides stand left
    and right of it. A rule between the rows of a list, with no sides, opens no box."""
    above = [
        other.bottom
        for other in lines
        if other.bottom <= line.top + 1 and other.x0 < line.x1 and line.x0 < other.x1
    ]
    ceiling = max(above, default=0.0)
    middle = (line.top + line.bottom) / 2
    sides = [rule.x for rule in rules if rule.top <= middle <= rule.bottom]

    def closed(edge: HorizontalEdge) -> bool:  # sides stand at both of the edge's ends
        return any(abs(x - edge.x0) <= THIN for x in sides) and any(
            abs(x - edge.x1) <= THIN for x in sides
        )

    return any(
        ceiling - 1 <= edge.y <= line.top + 1 and edge.x0 - 2 <= line.x0 <= edge.x1 and closed(edge)
        for edge in edges
    )


@dataclass(slots=True, frozen=True)
class VerticalRule:
    x: float
    top: float
    bottom: float


def vertical_rules(boxes: list[tuple[float, float, float, float]]) -> list[VerticalRule]:
    """A thin upright path is one rule; a box (a stroked or shaded cell) has two sides."""
    rules = []
    for x0, top, x1, bottom in boxes:
        if bottom - top <= THIN:
            continue
        if x1 - x0 <= THIN:
            rules.append(VerticalRule((x0 + x1) / 2, top, bottom))
        else:
            rules.append(VerticalRule(x0, top, bottom))
            rules.append(VerticalRule(x1, top, bottom))
    return rules


def cell_cuts(line: Line, rules: list[VerticalRule]) -> list[float]:
    """The x of each rule that falls in a gap between two of the line's spans."""
    spans = line.spans
    if len(spans) < 2 or not rules:
        return []
    middle = (line.top + line.bottom) / 2
    cuts = []
    for left, right in zip(spans, spans[1:], strict=False):
        for rule in rules:
            if rule.top <= middle <= rule.bottom and left.x1 - 1 <= rule.x <= right.x0 + 1:
                cuts.append(rule.x)
                break
    return cuts


@dataclass(slots=True)
class GridRegion:
    """A band of the page whose rows are cut into cells by rules."""

    top: float
    bottom: float
    label_cells: bool  # every ruled row is a short label cell and one value cell

    def holds(self, line: Line) -> bool:
        return self.top <= (line.top + line.bottom) / 2 <= self.bottom


def grid_regions(lines: list[Line], rules: list[VerticalRule]) -> list[GridRegion]:
    """Bands spanned by the rules that cut rows into cells, overlapping bands merged."""
    regions: list[GridRegion] = []
    if not rules:
        return regions
    for line in lines:
        cuts = cell_cuts(line, rules)
        if not cuts:
            continue
        middle = (line.top + line.bottom) / 2
        spanning = [r for r in rules if r.x in cuts and r.top <= middle <= r.bottom]
        top = min(r.top for r in spanning)
        bottom = max(r.bottom for r in spanning)
        label_row = len(cuts) == 1 and _is_label_cell(line, cuts[0])
        if regions and top <= regions[-1].bottom:
            region = regions[-1]
            region.top = min(region.top, top)
            region.bottom = max(region.bottom, bottom)
            region.label_cells = region.label_cells and label_row
        else:
            regions.append(GridRegion(top, bottom, label_row))
    return regions


def _is_label_cell(line: Line, cut: float) -> bool:
    """A few words starting with a letter ("Wards affected"), not an amount or a sentence."""
    label = " ".join(span.text for span in line.spans if span.x1 <= cut + 1).strip()
    return 0 < len(label.split()) <= _LABEL_WORDS and label[0].isalpha() and not label.endswith(".")


def split_at(line: Line, cut: float) -> tuple[str, str]:
    """The line's text left and right of a cut."""
    left = " ".join(span.text for span in line.spans if span.x1 <= cut + 1)
    right = " ".join(span.text for span in line.spans if span.x1 > cut + 1)
    return left, right
