"""Small page objects: positioned lines made of spans, and views over a page's lines.

Coordinates follow pdfplumber: ``x0, top, x1, bottom`` in points from the page's top-left.
Text input has no geometry, so its lines use the character column for ``x0`` and the line
number for ``top``; parsers that need columns read ``spans``, which both sources fill.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

# Symbol and Wingdings bullets arrive as private-use code points; readers expect bullets.
SYMBOL_BULLETS = str.maketrans(
    {
        "\uf0b7": "•",
        "\uf0a7": "▪",
        "\uf06e": "■",
        "\uf0d8": "➢",
        "\uf076": "❖",
        "\uf0fc": "✓",
        "\uf0e0": "→",
        "\uf02d": "-",
        "\uf0be": "—",
    }
)


def _pickled_by_position(cls):
    """Pickle a slotted dataclass as its fields in order (its slots are its fields): pages
    cross to the helper process and back (see ..parallel), and this pickles in half the
    time of a slotted dataclass's generated state. One C call reads the fields: a Python
    loop over them made pickling a page three times as slow as unpickling it."""
    fields = operator.attrgetter(*cls.__slots__)

    def __reduce__(self):
        return cls, fields(self)

    cls.__reduce__ = __reduce__
    return cls


@_pickled_by_position
@dataclass(slots=True, frozen=True)
class TextStyle:
    """How a run of text looks: what a reader sees of it, whatever the PDF calls it.

    ``bold`` and ``italic`` come from the font's name and flags together (PDFium's weight
    is often 400 for Arial-BoldMT); ``underline`` from a drawn rule or thin filled box just
    under the text; ``visible`` is False for text a reader cannot see (render mode
    invisible, or white text on a white page), which is not content.
    """

    font: str = ""  # base font name, subset prefix ("ABCDEF+") removed
    size: float = 0.0  # points
    bold: bool = False
    italic: bool = False
    underline: bool = False
    visible: bool = True


# not frozen, though never changed once made: a frozen dataclass sets each field through
# object.__setattr__, which made a span (some 23,000 in a 520-page pack, and each of the
# helper's again as it is unpickled) take 0.7 us to make against 0.3; it hashes and compares
# by its fields as a frozen one does
@_pickled_by_position
@dataclass(slots=True, unsafe_hash=True)
class Span:
    """A run of text on one line in one style, separated from its neighbours by a visible
    gap or a change of style. Text exports have no styles: their spans' ``style`` is None."""

    text: str
    x0: float
    x1: float
    style: TextStyle | None = None
    confidence: float | None = None  # OCR's mean word confidence (0-100); None: a text layer


@_pickled_by_position
@dataclass(slots=True, frozen=True)
class Drawing:
    """A drawn path's box, with its paint: rules, cell borders, shaded cells, boxes.

    Colours are (r, g, b) 0-255, None where the path is not filled or not stroked, so a
    white or unpainted rectangle (a layout device, not a cell) can be told from a border.
    """

    x0: float
    top: float
    x1: float
    bottom: float
    fill: tuple[int, int, int] | None = None
    stroke: tuple[int, int, int] | None = None

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def visible(self) -> bool:
        """Whether a reader sees it on a white page: stroked, or filled in a colour."""
        return self.stroke is not None or (self.fill is not None and self.fill != WHITE)


WHITE = (255, 255, 255)


# a line is a place on a page, not a value: two lines of the same text and position are
# two lines, so a Line compares and hashes by identity and sets and dicts of lines hold them
@_pickled_by_position
@dataclass(slots=True, eq=False)
class Line:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    page: int  # physical page, 1-based
    spans: tuple[Span, ...] = ()
    has_geometry: bool = True  # False for text exports, whose x and top are columns and rows

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def height(self) -> float:
        return self.bottom - self.top


@_pickled_by_position
@dataclass(slots=True)
class Page:
    """One physical page: its content lines, plus what was recognised as page furniture."""

    number: int  # physical, 1-based
    width: float
    height: float
    lines: list[Line]
    pack_page: int | None = None  # the "Page N" stamp, where there is one
    agenda_item_stamp: str | None = None  # the "Agenda Item N" stamp
    furniture: list[Line] = field(default_factory=list)  # stamps and running heads removed
    blank: bool = False  # "This page is intentionally left blank" or no text at all
    has_text_layer: bool = True
    # the page's simple drawn paths with their paint: rules, cell borders, shaded cells and
    # unpainted boxes; empty for text exports
    drawings: list[Drawing] = field(default_factory=list)
    # text a reader cannot see (render mode invisible, white on white): not content, but
    # kept so that nothing the file holds is silently lost
    invisible: list[Line] = field(default_factory=list)
    # the mean confidence (0-100) of the words OCR read here; None for a page not OCR'd
    ocr_confidence: float | None = None
    # False for a page PDFium could not load (a damaged or truncated file): it has no
    # content, and the pack lists it in source.unreadable_pages
    loaded: bool = True
    # True where the page drew more paths than are read (extract.pdf.MAX_DRAWINGS_PER_PAGE)
    drawings_cut: bool = False

    @property
    def rulings(self) -> list[tuple[float, float, float, float]]:
        """Boxes of the drawings a reader sees, which is what table finding needs."""
        return [drawing.bbox for drawing in self.drawings if drawing.visible]

    @property
    def ruling_objects(self) -> int:
        return len(self.rulings)

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def filter(self, keep: Callable[[Line], bool]) -> list[Line]:
        return [line for line in self.lines if keep(line)]

    def within(self, top: float, bottom: float) -> list[Line]:
        """Lines whose vertical centre lies in [top, bottom): a horizontal band of the page."""
        return self.filter(lambda ln: top <= (ln.top + ln.bottom) / 2 < bottom)


@dataclass(slots=True)
class Outline:
    title: str
    page: int | None
    level: int


@dataclass(slots=True)
class SourceDocument:
    """What extract hands to segment: the file's pages and the facts its container states."""

    path: str
    format: str  # "pdf" or "text"
    sha256: str
    pages: list[Page]
    title: str | None = None
    language: str | None = None
    tagged: bool | None = None
    outline: list[Outline] = field(default_factory=list)

    def lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines
