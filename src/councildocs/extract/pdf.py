"""PDF pages to positioned lines, read with pypdfium2.

PDFium reports a page's text as rectangles, one per run of characters on a baseline; a
run ends at a visible gap, so a two-column row (a label and its value) arrives as two
rectangles that we keep as two spans of one line. Calling PDFium's C API directly with
one reused buffer is several times faster than pypdfium2's per-call helpers, and this
loop is the hot path of every parse.
"""

from __future__ import annotations

import ctypes
import functools
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import replace

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from ..errors import UnreadableInput
from ..parallel import HELPER, PARALLEL_MIN_PAGES, TwoEnds
from ..patterns import compiled
from . import pdfium_calls
from .page import SYMBOL_BULLETS, WHITE, Drawing, Line, Outline, Page, Span, TextStyle
from .pdfium_lock import PDFIUM_LOCK


def read_pdf(path: str, meanwhile: Callable[[], None] | None = None) -> tuple[list[Page], dict]:
    """Return the pages of the PDF at ``path`` and its document-level facts.

    A page PDFium cannot load costs only itself: it is kept as an empty page marked not
    ``loaded`` (``source.unreadable_pages``), and the others are read. A file with no
    page that loads is unreadable. ``meanwhile`` (the caller's other work, such as loading
    the parsers) runs once here, while a long PDF's helper, if there is one, reads on.
    """
    with PDFIUM_LOCK:
        return _read_pdf(path, meanwhile)


def open_pdf(path: str) -> pdfium.PdfDocument:
    """The PDF at ``path``; a truncated one with its catalog cut off is opened repaired.

    Writers commonly put the catalog (the object naming the page tree) at the end of the
    file, so a download cut short loses it, and PDFium then opens nothing, though the
    pages before the cut are intact. Naming the page tree in a catalog appended to the
    bytes gives them back: PDFium rebuilds the cross-reference table by scanning the
    objects, and the pages whose objects survive load.
    """
    try:
        return pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise
        repaired = _with_catalog(path)
        if repaired is None:
            raise
        try:
            return pdfium.PdfDocument(repaired)
        except pdfium.PdfiumError:
            raise exc from None


# a page tree object: "N G obj << ... /Type /Pages" (not /Page), within a few KB of its start
_PAGE_TREE = compiled(rb"(\d+)\s+(\d+)\s+obj\s*<<(?:(?!endobj).){0,4000}?/Type\s*/Pages\b", regex.S)


def _with_catalog(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            data = file.read()
    except OSError:
        return None
    tree = _PAGE_TREE.search(data)
    if tree is None:
        return None
    number, generation = tree.group(1), tree.group(2)
    # the cut may fall inside a stream or an object: close both before the new catalog
    return data + (
        b"\nendstream\nendobj\n999999 0 obj\n<< /Type /Catalog /Pages %s %s R >>\nendobj\n"
        b"trailer\n<< /Root 999999 0 R >>\n%%%%EOF\n" % (number, generation)
    )


def _read_pdf(path: str, meanwhile: Callable[[], None] | None) -> tuple[list[Page], dict]:
    try:
        pdf = open_pdf(path)
    except pdfium.PdfiumError as exc:
        raise UnreadableInput(path, _describe_open_error(str(exc))) from None
    try:
        facts = _document_facts(pdf)
        count = len(pdf)
        if count >= PARALLEL_MIN_PAGES and HELPER.available():
            pages = _read_with_helper(pdf, path, count, meanwhile)
        else:
            if meanwhile is not None:
                meanwhile()
            looks: dict[tuple, TextStyle] = {}
            pages = [_read_page(pdf, index, looks) for index in range(count)]
    except pdfium.PdfiumError as exc:
        raise UnreadableInput(path, f"the PDF is damaged ({exc})") from None
    finally:
        pdf.close()
    if pages and not any(page.loaded for page in pages):
        raise UnreadableInput(path, "the PDF is damaged: none of its pages can be loaded")
    return pages, facts


def _read_with_helper(
    pdf: pdfium.PdfDocument, path: str, count: int, meanwhile: Callable[[], None] | None
) -> list[Page]:
    """The pages read from the front here and from the back by the helper (see
    ..parallel.Helper.share), so that the two finish together whatever each page costs."""
    here = functools.partial(_read_page, pdf, looks={})
    there = functools.partial(_read_from_back, path)
    return [page for _, page in HELPER.share(count, here, there, meanwhile)]


def _read_from_back(path: str, ends: TwoEnds) -> Iterator[Page]:
    """The helper's share: pages from the back until it meets this process's."""
    pdf = open_pdf(path)
    try:
        yield from ends.work_from_back(functools.partial(_read_page, pdf, looks={}))
    finally:
        pdf.close()


def _describe_open_error(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "the PDF is encrypted and needs a password; decrypt it first (e.g. qpdf --decrypt)"
    if "format" in lowered or "file" in lowered:
        return "not a readable PDF (the file is corrupt, truncated or not a PDF at all)"
    return f"cannot open the PDF ({message})"


#: bookmark levels read: far more than a pack nests (a report's 1.2.3.4.5 numbering), a
#: bound only against a malformed outline
MAX_OUTLINE_DEPTH = 32


def _document_facts(pdf: pdfium.PdfDocument) -> dict:
    outline = []
    for bookmark in pdf.get_toc(max_depth=MAX_OUTLINE_DEPTH):
        dest = bookmark.get_dest()
        index = dest.get_index() if dest is not None else None
        outline.append(
            Outline(
                title=_utf16_value(functools.partial(pdfium_c.FPDFBookmark_GetTitle, bookmark)),
                page=index + 1 if index is not None else None,
                level=bookmark.level,
            )
        )
    title = _utf16_value(functools.partial(pdfium_c.FPDF_GetMetaText, pdf.raw, b"Title"))
    language = _utf16_value(functools.partial(pdfium_c.FPDFCatalog_GetLanguage, pdf.raw))
    return {
        "title": title or None,
        "language": language or None,
        "tagged": bool(pdfium_c.FPDFCatalog_IsTagged(pdf.raw)),
        "outline": outline,
    }


def _utf16_value(read: Callable[[object, int], int]) -> str:
    """A string PDFium writes as UTF-16 ending in a NUL (the document's title, its
    language): ``read(buffer, size)`` writes it if it fits in ``size`` bytes, and returns
    its size in bytes either way."""
    size = read(None, 0)
    if size <= 2:
        return ""
    room, buffer = _utf16_room(size // 2)
    read(buffer, size)
    return room[: size - 2].decode("utf-16-le", errors="replace")


def _utf16_room(units: int) -> tuple[bytearray, ctypes._CArgObject]:
    """Room for ``units`` UTF-16 code units, and the pointer to it that PDFium writes to.

    A bytearray, not a ctypes array: ctypes makes a new array type for each length asked
    for (``c_ushort * n``, 10 us each) and leaves each behind in reference cycles when its
    array goes, a hundred thousand of them on the corpus for the collector to find.
    """
    room = bytearray(2 * max(units, 1))
    return room, ctypes.byref(ctypes.c_ushort.from_buffer(room))


def _page_text(raw_textpage) -> str:
    """The page's text in character order."""
    count = max(0, pdfium_c.FPDFText_CountChars(raw_textpage))
    room, buffer = _utf16_room(count + 1)
    pdfium_c.FPDFText_GetText(raw_textpage, 0, count, buffer)
    return room[: 2 * count].decode("utf-16-le", errors="replace")


def _read_page(pdf: pdfium.PdfDocument, index: int, looks: dict[tuple, TextStyle]) -> Page:
    """Page ``index``; ``looks`` holds the TextStyles of the pages read before it, so that
    runs that look alike share one object across pages (the layout counts runs of one
    style by identity, and a shared style pickles once)."""
    # the raw page and text page, not pypdfium2's wrappers, whose bookkeeping costs a
    # tenth of this function's time
    raw_page = pdfium_c.FPDF_LoadPage(pdf.raw, index)
    if not raw_page:
        return _unreadable_page(index)
    raw_textpage = None
    try:
        width = pdfium_c.FPDF_GetPageWidthF(raw_page)
        height = pdfium_c.FPDF_GetPageHeightF(raw_page)
        drawings, drawings_cut = _drawings(raw_page, height)
        raw_textpage = pdfium_c.FPDFText_LoadPage(raw_page)
        if not raw_textpage:
            return _unreadable_page(index)
        styles = _TextStyles(raw_textpage, raw_page, looks)
        runs = _spans(raw_textpage, height, styles)
        shown = [run for run in runs if run[2].style.visible]
        rows = _rows(shown)
        _mark_underlines(rows, drawings, styles, height)
        hidden = [run for run in runs if not run[2].style.visible]
    finally:
        if raw_textpage:
            pdfium_c.FPDFText_ClosePage(raw_textpage)
        pdfium_c.FPDF_ClosePage(raw_page)
    return Page(
        number=index + 1,
        width=width,
        height=height,
        lines=_lines(rows, index + 1),
        has_text_layer=bool(runs),
        drawings=drawings,
        drawings_cut=drawings_cut,
        invisible=_lines(_rows(hidden), index + 1) if hidden else [],
    )


def _unreadable_page(index: int) -> Page:
    # no text layer to speak of, but not a scan either: OCR and PUB004 leave it alone
    return Page(number=index + 1, width=0.0, height=0.0, lines=[], loaded=False)


# Drawing objects read per page: the corpus's busiest page has some 700, a table page a
# few hundred. A page with more is a chart or a hostile file (a content stream of millions
# of paths); those past the count are not read, which bounds the time and memory they
# cost here, and the page is listed in source.pages_with_drawings_cut.
MAX_DRAWINGS_PER_PAGE = 10_000

_MAX_RULING_SEGMENTS = 12  # a line or a (rounded) box; charts and glyph outlines have more


def _drawings(raw_page, page_height: float) -> tuple[list[Drawing], bool]:
    """The page's simple path objects (rules, borders, shaded cells) with their paint, and
    whether there were more than MAX_DRAWINGS_PER_PAGE of them (the rest not read).

    Only bounds and colours are read, so this costs a few C calls per path; a page without
    paths costs one call, and tables later need nothing else from the PDF's drawing.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    paint = _Paint()
    out = []
    paths = 0
    for i in range(pdfium_calls.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_calls.FPDFPage_GetObject(raw_page, i)
        if pdfium_calls.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        paths += 1
        if paths > MAX_DRAWINGS_PER_PAGE:
            return out, True
        if pdfium_calls.FPDFPath_CountSegments(obj) > _MAX_RULING_SEGMENTS:
            continue
        if not pdfium_calls.FPDFPageObj_GetBounds(obj, *bounds):
            continue
        fill, stroke = paint.of_path(obj)
        out.append(
            Drawing(
                x0=left.value,
                top=page_height - top.value,
                x1=right.value,
                bottom=page_height - bottom.value,
                fill=fill,
                stroke=stroke,
            )
        )
    return out, False


class _Paint:
    """Reads the colours a page object is painted in, through one set of reused buffers."""

    def __init__(self) -> None:
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._refs = [ctypes.byref(v) for v in self._rgba]
        self._fill_mode, self._stroked = ctypes.c_int(), ctypes.c_int()

    def fill(self, obj) -> tuple[int, int, int] | None:
        """The object's fill colour, None where it is fully transparent."""
        if not pdfium_calls.FPDFPageObj_GetFillColor(obj, *self._refs):
            return None
        return self._colour()

    def stroke(self, obj) -> tuple[int, int, int] | None:
        if not pdfium_calls.FPDFPageObj_GetStrokeColor(obj, *self._refs):
            return None
        return self._colour()

    def of_path(self, obj) -> tuple[tuple[int, int, int] | None, tuple[int, int, int] | None]:
        """(fill, stroke) of a path, each None where the path does not paint it."""
        pdfium_calls.FPDFPath_GetDrawMode(
            obj, ctypes.byref(self._fill_mode), ctypes.byref(self._stroked)
        )
        fill = self.fill(obj) if self._fill_mode.value != pdfium_c.FPDF_FILLMODE_NONE else None
        stroke = self.stroke(obj) if self._stroked.value else None
        return fill, stroke

    def _colour(self) -> tuple[int, int, int] | None:
        red, green, blue, alpha = (v.value for v in self._rgba)
        return (red, green, blue) if alpha else None


class _TextStyles:
    """The style of the text object a character belongs to: one object per run of text,
    so a run's style is read once, from its first character.

    Font facts (name, bold, italic) are read once per font on the page, and runs that
    look alike share one TextStyle, across the pages given one ``looks``, so pages stay
    small when pickled.
    """

    def __init__(self, raw_textpage, raw_page, looks: dict[tuple, TextStyle]) -> None:
        self.textpage, self._page = raw_textpage, raw_page
        self._fonts: dict[int, tuple[str, bool, bool]] = {}
        self._styles = looks
        self._backdrops: tuple[list[tuple], list[tuple]] | None = None
        self._rgba = [ctypes.c_uint() for _ in range(4)]
        self._rgba_refs = [ctypes.byref(v) for v in self._rgba]
        self._size = ctypes.c_float()
        self._size_ref = ctypes.byref(self._size)
        self._matrix = pdfium_c.FS_MATRIX()
        self._matrix_ref = ctypes.byref(self._matrix)

    def at(self, char_index: int, x0: float, top: float, x1: float, bottom: float) -> TextStyle:
        """The style of the run with the character at ``char_index``, whose box (PDF
        y upwards) decides whether white or invisible text has something under it."""
        obj = _GET_TEXT_OBJECT(self.textpage, char_index)
        if not obj:  # no character there (a box PDFium could not place): plain text
            return self.shared("", 0.0, False, False, False, True)
        font = _GET_FONT(obj)
        facts = self._fonts.get(font) or self._font_facts(font)
        _GET_FONT_SIZE(obj, self._size_ref)
        _GET_MATRIX(obj, self._matrix_ref)
        # the object's matrix holds the page's transformation too; its vertical scale
        # turns the font's nominal size (often 1) into the printed size
        matrix = self._matrix
        size = round(self._size.value * math.hypot(matrix.c, matrix.d), 1)
        mode = _GET_RENDER_MODE(obj)
        # (inline rather than through _Paint: this runs once per run of text on every page)
        read = _GET_STROKE if mode in _STROKED_ONLY else _GET_FILL
        red, green, blue, alpha = self._rgba
        if read(obj, *self._rgba_refs):
            painted, white = alpha.value > 0, red.value == green.value == blue.value == 255
        else:  # no colour stated: a viewer paints it black
            painted, white = True, False
        if mode in _UNPAINTED:
            # an OCR layer is invisible text over the scanned image it transcribes
            visible = self._over_backdrop(x0, top, x1, bottom, images_only=True)
        elif not painted:
            visible = False
        elif white:
            visible = self._over_backdrop(x0, top, x1, bottom, images_only=False)
        else:
            visible = True
        # fill and stroke together is how a font without a bold face is made bold
        bold = facts[1] or mode in _FILLED_AND_STROKED
        return self.shared(facts[0], size, bold, facts[2], False, visible)

    def shared(
        self, font: str, size: float, bold: bool, italic: bool, underline: bool, visible: bool
    ) -> TextStyle:
        key = (font, size, bold, italic, underline, visible)
        style = self._styles.get(key)
        if style is None:
            style = self._styles[key] = TextStyle(font, size, bold, italic, underline, visible)
        return style

    def underlined(self, style: TextStyle) -> TextStyle:
        return self.shared(style.font, style.size, style.bold, style.italic, True, style.visible)

    def _font_facts(self, font) -> tuple[str, bool, bool]:
        raw_name = _font_name(font)
        name = _SUBSET_PREFIX.sub("", raw_name)
        flags = pdfium_calls.FPDFFont_GetFlags(font)
        bold = bool(
            _BOLD_NAME.search(name)
            or flags & _FORCE_BOLD_FLAG
            or pdfium_calls.FPDFFont_GetWeight(font) >= 600
        )
        italic = bool(_ITALIC_NAME.search(name) or flags & _ITALIC_FLAG)
        facts = self._fonts[font] = (name, bold, italic)
        return facts

    def _over_backdrop(
        self, x0: float, top: float, x1: float, bottom: float, images_only: bool
    ) -> bool:
        """Whether the middle of the box lies on an image or (unless ``images_only``) on a
        filled shape of a colour other than white: white text on a dark cell is seen."""
        if self._backdrops is None:
            self._backdrops = _backdrops(self._page)
        images, shapes = self._backdrops
        x, y = (x0 + x1) / 2, (top + bottom) / 2
        return any(
            left <= x <= right and low <= y <= high
            for left, low, right, high in (images if images_only else images + shapes)
        )


def _font_name(font) -> str:
    """The font's base name as the PDF gives it (a subset's with its prefix)."""
    length = pdfium_calls.FPDFFont_GetBaseFontName(font, None, 0)  # bytes, its NUL included
    if length <= 1:
        return ""
    room = bytearray(length)  # not a ctypes array: see _utf16_room
    pdfium_calls.FPDFFont_GetBaseFontName(
        font, ctypes.byref(ctypes.c_char.from_buffer(room)), length
    )
    return room[: length - 1].decode("latin-1")


_SUBSET_PREFIX = compiled(r"^[A-Z]{6}\+")
_BOLD_NAME = compiled(r"(?i)bold|black|heavy|semibold|demi")
_ITALIC_NAME = compiled(r"(?i:italic|oblique)|(?:-|Bold|Semibold|Light|Medium)It$")
_FORCE_BOLD_FLAG = 1 << 18  # PDF font descriptor flag 19
_ITALIC_FLAG = 1 << 6  # flag 7
_STROKED_ONLY = {pdfium_c.FPDF_TEXTRENDERMODE_STROKE, pdfium_c.FPDF_TEXTRENDERMODE_STROKE_CLIP}
_FILLED_AND_STROKED = {
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE,
    pdfium_c.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
}
_UNPAINTED = {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP}
# the calls made once per run of text, looked up once
_GET_FILL, _GET_STROKE = (
    pdfium_calls.FPDFPageObj_GetFillColor,
    pdfium_calls.FPDFPageObj_GetStrokeColor,
)
_GET_TEXT_OBJECT = pdfium_calls.FPDFText_GetTextObject
_GET_FONT = pdfium_calls.FPDFTextObj_GetFont
_GET_FONT_SIZE = pdfium_calls.FPDFTextObj_GetFontSize
_GET_MATRIX = pdfium_calls.FPDFPageObj_GetMatrix
_GET_RENDER_MODE = pdfium_calls.FPDFTextObj_GetTextRenderMode


def _backdrops(raw_page) -> tuple[list[tuple], list[tuple]]:
    """Boxes (left, bottom, right, top) of what text can be printed on: images (and forms,
    whose content is not opened here, so they may hold one), and paths filled in a colour
    other than white, however many segments they have."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds = (ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top))
    paint = _Paint()
    images, shapes = [], []
    for i in range(pdfium_calls.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_calls.FPDFPage_GetObject(raw_page, i)
        kind = pdfium_calls.FPDFPageObj_GetType(obj)
        if kind in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM):
            into = images
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH and paint.of_path(obj)[0] not in (None, WHITE):
            into = shapes
        else:
            continue
        if pdfium_calls.FPDFPageObj_GetBounds(obj, *bounds):
            into.append((left.value, bottom.value, right.value, top.value))
    return images, shapes


# A run of text as it is read: (top, bottom, span, index of one of its characters)
_Run = tuple[float, float, Span, int]


def _spans(raw_textpage, page_height: float, styles: _TextStyles) -> list[_Run]:
    """Every run of text on the page, styled, whitespace-only runs dropped.

    The page's text is read once; PDFium then gives the rectangles of each of its lines
    (one per text object). A line with several rectangles is cut where a space is followed
    by the first character of the next rectangle, which asks for a few character boxes
    instead of re-reading the page's text once per rectangle. A rectangle's style is that
    of its first character's text object.
    """
    text = _tidy_in_place(_page_text(raw_textpage))
    if not text:
        return []
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    count_rects, get_rect = pdfium_calls.FPDFText_CountRects, pdfium_calls.FPDFText_GetRect
    style_at = styles.at
    chars = _CharBoxes(raw_textpage)
    out: list[_Run] = []
    for match in _LINE.finditer(text):
        start, segment = match.start(), match.group()
        n_rects = count_rects(raw_textpage, start, len(segment))
        if n_rects == 1:  # most lines: one box, the whole line
            get_rect(raw_textpage, 0, *refs)
            if not segment.isspace():
                first = start + len(segment) - len(segment.lstrip())
                x0, y_top, x1, y_bottom = left.value, top.value, right.value, bottom.value
                style = style_at(first, x0, y_top, x1, y_bottom)
                y0, y1 = page_height - y_top, page_height - y_bottom
                for piece, px0, px1, at in _at_wide_spaces(
                    chars, start, segment, x0, x1, style.size
                ):
                    out.append((y0, y1, Span(text=piece, x0=px0, x1=px1, style=style), at))
            continue
        boxes = []
        for j in range(n_rects):
            get_rect(raw_textpage, j, *refs)
            boxes.append((left.value, top.value, right.value, bottom.value))
        if not boxes:
            continue
        pieces = _cut_at_boxes(chars, start, segment, boxes) if _one_baseline(boxes) else []
        if len(pieces) != len(boxes):
            # a box begun inside a word (a text object per glyph, or a run split for its
            # kerning), raised or larger text on the line, or lines PDFium joined after a
            # hyphen: cut by where the characters are
            pieces, boxes = _cut_at_box_starts(chars, start, segment, boxes)
        if len(pieces) != len(boxes):
            # boxes out of reading order: read this page box by box instead, slower but exact
            return _spans_box_by_box(raw_textpage, page_height, styles)
        boxes = _fitted(pieces, boxes)
        offset = start
        for piece, (x0, y_top, x1, y_bottom) in zip(pieces, boxes, strict=True):
            if piece.strip():
                first = offset + len(piece) - len(piece.lstrip())
                style = style_at(first, x0, y_top, x1, y_bottom)
                span = Span(text=piece, x0=x0, x1=x1, style=style)
                out.append((page_height - y_top, page_height - y_bottom, span, first))
            offset += len(piece)
    return out


class _CharBoxes:
    """The boxes of a page's characters, read through one set of buffers for the page:
    the four doubles PDFium writes a box into cost more to make for each line than
    reading its boxes."""

    def __init__(self, raw_textpage) -> None:
        self._textpage = raw_textpage
        self._box = [ctypes.c_double() for _ in range(4)]
        self._refs = [ctypes.byref(v) for v in self._box]

    def box(self, index: int) -> tuple[float, float, float, float]:
        """(left, right, bottom, top) of character ``index``, in FPDFText_GetCharBox's order."""
        _GET_CHAR_BOX(self._textpage, index, *self._refs)
        left, right, bottom, top = self._box
        return left.value, right.value, bottom.value, top.value


_GET_CHAR_BOX = pdfium_calls.FPDFText_GetCharBox

_LINE = compiled(r"[^\r\n]+")

# ems per character: a one-box run wider than this may hold a gap a reader sees as a column
# break ("Nick Oakhill (NO) CHAIR" and, across the page, "Alan Smith", set apart by one
# wide space in one text object), which PDFium's rectangle does not show
_SPARSE_RUN = 0.8
# ems between two letters of one box that make a new span: wider than any justified space
_WIDE_SPACE = 2.5


def _at_wide_spaces(
    chars: _CharBoxes, start: int, text: str, x0: float, x1: float, size: float
) -> list[tuple[str, float, float, int]]:
    """A one-box run (its text from character ``start`` of the page) as (text, x0, x1,
    index of its first letter) pieces, cut where the space between two letters is wider
    than a column gap, each spanning its own letters; most runs are one piece, told from
    their width alone."""
    first = start + len(text) - len(text.lstrip())
    if size <= 0 or x1 - x0 <= _SPARSE_RUN * size * len(text):
        return [(text, x0, x1, first)]
    letters = []  # (offset, left, right) of each character that is not a space
    for offset, char in enumerate(text):
        if not char.isspace():
            left, right, _, _ = chars.box(start + offset)
            letters.append((offset, left, right))
    if not letters:
        return [(text, x0, x1, first)]
    cuts = [
        (offset + 1, after)
        for (offset, _, right), (after, left, _) in zip(letters, letters[1:], strict=False)
        if left - right > _WIDE_SPACE * size
    ]
    where = {offset: (left, right) for offset, left, right in letters}
    bounds = [0, *(after for _, after in cuts)]
    ends = [end for end, _ in cuts] + [len(text)]
    pieces = []
    for begin, end in zip(bounds, ends, strict=True):
        piece = text[begin:end]
        lead = begin + len(piece) - len(piece.lstrip())
        last = begin + len(piece.rstrip()) - 1
        pieces.append((piece, where[lead][0], where[last][1], start + lead))
    return pieces


def _one_baseline(boxes: list[tuple]) -> bool:
    first_top, first_bottom = boxes[0][1], boxes[0][3]
    tolerance = max(1.5, 0.5 * (first_top - first_bottom))
    centre = (first_top + first_bottom) / 2
    return all(abs((b[1] + b[3]) / 2 - centre) <= tolerance for b in boxes)


def _fitted(pieces: list[str], boxes: list[tuple]) -> list[tuple]:
    """The boxes of a line's pieces (exact slices of its text) made to fit them.

    Each ends where the next begins: a box reaching over its neighbour's first glyph
    (kerned "00", a ligature, "his" then "support") would make joining them later take
    the overlap for a glyph printed twice (see _without_overlap), as it is in text read
    box by box. A piece of punctuation alone (a comma set as a text object of its own)
    takes the height of the piece before it: its own box, lower and smaller than the
    words', would put it on a row of its own.
    """
    out = list(boxes)
    for k in range(len(out)):
        left, top, right, bottom = out[k]
        following = out[k + 1] if k + 1 < len(out) else None
        if following and _one_row(out[k], following) and right > following[0]:
            right = max(left, following[0])
        if k and pieces[k].strip() and not any(char.isalnum() for char in pieces[k]):
            if _one_row(out[k - 1], out[k]):
                top, bottom = out[k - 1][1], out[k - 1][3]
        out[k] = (left, top, right, bottom)
    return out


def _one_row(box: tuple, other: tuple) -> bool:
    """Whether two boxes share some height (PDF y upwards: top > bottom): a comma or a
    superscript on its word's line, not the next line's first word."""
    return other[3] < box[1] and other[1] > box[3]


def _spans_box_by_box(raw_textpage, page_height: float, styles: _TextStyles) -> list[_Run]:
    """Every text rectangle of the page with the text PDFium finds inside it."""
    rect = [ctypes.c_double() for _ in range(4)]
    rect_refs = [ctypes.byref(v) for v in rect]
    count = pdfium_calls.FPDFText_CountRects(raw_textpage, 0, -1)
    # PDFium's own calls look through the whole page for each rectangle: quicker than
    # filing every character while the rectangles are few, quadratic when they are many
    chars = _PageChars(raw_textpage) if count > _FEW_RECTANGLES else _PdfiumChars(raw_textpage)
    boxes = _CharBoxes(raw_textpage)
    out = []
    for i in range(count):
        pdfium_calls.FPDFText_GetRect(raw_textpage, i, *rect_refs)
        left, top, right, bottom = (v.value for v in rect)
        raw_text = chars.text_in(left, top, right, bottom)
        text = _tidy(raw_text).replace("\r", " ").replace("\n", " ")
        if text.strip():
            inside = chars.one_of(raw_text, left, top, right, bottom)
            style = styles.at(inside, left, top, right, bottom)
            y0, y1 = page_height - top, page_height - bottom
            pieces = [(text, left, right, inside)]
            # cut only where the rectangle's text is a run of the page's, from its first word
            if inside >= 0 and chars.page_text.startswith(text.strip(), inside):
                lead = len(text) - len(text.lstrip())
                pieces = _at_wide_spaces(boxes, inside - lead, text, left, right, style.size)
            for piece, px0, px1, at in pieces:
                out.append((y0, y1, Span(text=piece, x0=px0, x1=px1, style=style), at))
    return out


class _PageChars:
    """Every character of a page, read once, filed in a grid of cells by where it lies.

    PDFium's bounded-text and character-at-a-point calls look through every character
    of the page, so asking them once per rectangle made a page's time grow with the
    square of its rectangles (a page of 10,000 took half a minute). The same answers
    come from the characters filed in the cells a rectangle covers: this class gives
    them as those calls do (``text_in`` follows CPDF_TextPage::GetTextByRect, spaces and
    line breaks included; ``index_at`` GetIndexAtPos), in time that grows with the page.
    """

    _CELL = 24.0  # points: a few characters of body text a side
    _MAX_CELLS = 64  # a larger glyph (a watermark) is checked by every question instead
    # characters in one cell past which text is piled up, not set: body text fits a few
    # dozen in a cell, 4-point print some hundreds; a hostile page piles thousands in place
    _PILED = 1000

    def __init__(self, raw_textpage) -> None:
        count = max(0, pdfium_c.FPDFText_CountChars(raw_textpage))
        self.page_text = _page_text(raw_textpage)
        self._next = 0
        char_boxes = _CharBoxes(raw_textpage)
        self._textpage = raw_textpage
        self._origin = ctypes.c_double(), ctypes.c_double()
        self._origin_refs = tuple(ctypes.byref(v) for v in self._origin)
        get_unicode = pdfium_c.FPDFText_GetUnicode
        self.boxes: list[tuple[float, float, float, float]] = []  # left, bottom, right, top
        self.codes: list[int] = []
        # non_spaces[k]: how many of the first k characters are not a space
        self.non_spaces = [0] * (count + 1)
        self._cells: dict[tuple[int, int], list[int]] = {}
        self._large: list[int] = []
        cell = self._CELL
        for i in range(count):
            x0, x1, y0, y1 = char_boxes.box(i)
            left, right = (x0, x1) if x0 <= x1 else (x1, x0)
            bottom, top = (y0, y1) if y0 <= y1 else (y1, y0)
            self.boxes.append((left, bottom, right, top))
            code = get_unicode(raw_textpage, i)
            self.codes.append(code)
            self.non_spaces[i + 1] = self.non_spaces[i] + (code != 32)
            columns = range(math.floor(left / cell), math.floor(right / cell) + 1)
            rows = range(math.floor(bottom / cell), math.floor(top / cell) + 1)
            if len(columns) * len(rows) > self._MAX_CELLS:
                self._large.append(i)
                continue
            for column in columns:
                for row in rows:
                    self._cells.setdefault((column, row), []).append(i)
        self._piles = {key for key, chars in self._cells.items() if len(chars) > self._PILED}
        # every character of the piles, in the order they were set
        self._piled = sorted({i for key in self._piles for i in self._cells[key]})
        self._piles_given = False

    def _cells_touched(
        self, left: float, bottom: float, right: float, top: float
    ) -> Iterator[tuple[int, int]]:
        cell = self._CELL
        for column in range(math.floor(left / cell), math.floor(right / cell) + 1):
            for row in range(math.floor(bottom / cell), math.floor(top / cell) + 1):
                yield column, row

    def near(self, left: float, bottom: float, right: float, top: float) -> list[int]:
        """Indices, in order, of the characters filed in the cells this box touches."""
        found = set(self._large)
        for key in self._cells_touched(left, bottom, right, top):
            found.update(self._cells.get(key, ()))
        return sorted(found)

    def text_in(self, left: float, top: float, right: float, bottom: float) -> str:
        """The text of the characters whose boxes overlap the rectangle, as PDFium's
        FPDFText_GetBoundedText gives it; where text is piled up in place, the page's piled
        text, once (see :meth:`_pile_text`)."""
        boxes, codes, non_spaces = self.boxes, self.codes, self.non_spaces
        left, right = min(left, right), max(left, right)
        bottom, top = min(bottom, top), max(bottom, top)
        if self._touches_a_pile(left, bottom, right, top):
            return self._pile_text()
        inside = [
            i
            for i in self.near(left, bottom, right, top)
            if max(left, boxes[i][0]) < min(right, boxes[i][2])
            and max(bottom, boxes[i][1]) < min(top, boxes[i][3])
        ]
        # PDFium walks every character: one outside the rectangle adds a space when it is
        # a space right after one inside, and marks a line break to come when it is not a
        # space; the break is written before the next one inside on another baseline
        out: list[str] = []
        baseline, previous = 0.0, -1
        for i in inside:
            gap_has_text = non_spaces[i] - non_spaces[previous + 1] > 0
            if previous >= 0 and i > previous + 1 and codes[previous + 1] == 32:
                out.append(" ")
            if gap_has_text and self._baseline(i) != baseline:
                baseline = self._baseline(i)
                if out:
                    out.append("\r\n")
            if codes[i]:
                out.append(chr(codes[i]))
            previous = i
        if 0 <= previous < len(codes) - 1 and codes[previous + 1] == 32:
            out.append(" ")
        text = "".join(out)
        if _SURROGATE.search(text):  # as UTF-16 decoding pairs them, or replaces one alone
            text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        return text

    def _touches_a_pile(self, left: float, bottom: float, right: float, top: float) -> bool:
        return bool(self._piles) and any(
            key in self._piles for key in self._cells_touched(left, bottom, right, top)
        )

    def _pile_text(self) -> str:
        """The page's piled characters, once, to the first rectangle that reaches a pile,
        in the order they were set (a word whose letters straddle two cells stays whole):
        every rectangle around a pile holds all of its characters, and giving each of them
        the lot made the time, and the text, grow with the square of the pile. No reader
        can tell a pile's words apart; they are kept once, not lost."""
        if self._piles_given:
            return ""
        self._piles_given = True
        indexes = self._piled
        out = []
        for position, i in enumerate(indexes):
            code = self.codes[i]
            if code in (13, 10):
                continue
            if position and self.boxes[i][0] < self.boxes[indexes[position - 1]][0] - 0.5:
                out.append(" ")  # the next text object, set back to the left
            out.append(chr(code))
        return "".join(out)

    def _baseline(self, index: int) -> float:
        pdfium_c.FPDFText_GetCharOrigin(self._textpage, index, *self._origin_refs)
        return self._origin[1].value

    def one_of(self, raw_text: str, left: float, top: float, right: float, bottom: float) -> int:
        """A character of the rectangle, for its style: its first word, looked for in the
        page's text after the last one found (PDFium lists rectangles in the order of their
        characters) and checked against the rectangle; else the one under its middle."""
        if self._touches_a_pile(left, bottom, right, top):
            return self._piled[0]  # the piles are read as one text, from their first character
        word = raw_text.split(maxsplit=1)[0]
        boxes = self.boxes

        def centred(i: int) -> bool:
            x0, y0, x1, y1 = boxes[i]
            return (
                left - 0.5 <= (x0 + x1) / 2 <= right + 0.5
                and bottom - 0.5 <= (y0 + y1) / 2 <= top + 0.5
            )

        # only a character centred in the rectangle is taken, so the search need not run
        # past the last of those (which keeps a page of many rectangles linear)
        centred_here = [
            i for i in self.near(left - 0.5, bottom - 0.5, right + 0.5, top + 0.5) if centred(i)
        ]
        if centred_here:
            index = self.page_text.find(word, self._next, centred_here[-1] + len(word))
            if index >= 0 and centred(index):
                self._next = index + len(word)
                return index
        return self._char_inside(left, top, right, bottom)

    def _char_inside(self, left: float, top: float, right: float, bottom: float) -> int:
        """A character of a text rectangle, or -1: the one under its middle, or else the
        one nearest to it. A rectangle is one text object, so any of its characters has
        its style and its baseline."""
        x, y, half_height = (left + right) / 2, (top + bottom) / 2, max(1.0, (top - bottom) / 2)
        index = self.index_at(x, y, 0.5, half_height)
        if index < 0:  # the middle falls between words
            index = self.index_at(x, y, max(0.5, (right - left) / 2), half_height)
        return index

    def index_at(self, x: float, y: float, x_tolerance: float, y_tolerance: float) -> int:
        """The first character whose box holds the point, else the nearest one whose box
        grown by half the tolerances does, else -1: FPDFText_GetCharIndexAtPos."""
        half_x, half_y = x_tolerance / 2, y_tolerance / 2
        nearest, best = -1, 10000.0
        for i in self.near(x - half_x, y - half_y, x + half_x, y + half_y):
            left, bottom, right, top = self.boxes[i]
            if left <= x <= right and bottom <= y <= top:
                return i
            if not (left - half_x <= x <= right + half_x and bottom - half_y <= y <= top + half_y):
                continue
            distance = min(abs(x - left), abs(x - right)) + min(abs(y - bottom), abs(y - top))
            if distance < best:
                nearest, best = i, distance
        return nearest


_SURROGATE = compiled(r"[\ud800-\udfff]")


# Above this many rectangles a page's characters are filed once (_PageChars) rather than
# looked through by PDFium for each rectangle (_PdfiumChars); both give the same answers.
_FEW_RECTANGLES = 200


class _PdfiumChars:
    """The answers of _PageChars from PDFium's own calls, each a pass over the page."""

    def __init__(self, raw_textpage) -> None:
        self._textpage = raw_textpage
        self.page_text = _page_text(raw_textpage)
        self._next = 0
        self._boxes = _CharBoxes(raw_textpage)

    def text_in(self, left: float, top: float, right: float, bottom: float) -> str:
        page = self._textpage
        size = pdfium_c.FPDFText_GetBoundedText(page, left, top, right, bottom, None, 0)
        room, buffer = _utf16_room(size + 1)
        n = pdfium_c.FPDFText_GetBoundedText(page, left, top, right, bottom, buffer, size)
        return room[: 2 * n].decode("utf-16-le", errors="replace")

    def one_of(self, raw_text: str, left: float, top: float, right: float, bottom: float) -> int:
        word = raw_text.split(maxsplit=1)[0]
        index = self.page_text.find(word, self._next)
        if index >= 0:
            x0, x1, y0, y1 = self._boxes.box(index)  # left, right, bottom, top
            if (
                left - 0.5 <= (x0 + x1) / 2 <= right + 0.5
                and bottom - 0.5 <= (y0 + y1) / 2 <= top + 0.5
            ):
                self._next = index + len(word)
                return index
        x, y, half_height = (left + right) / 2, (top + bottom) / 2, max(1.0, (top - bottom) / 2)
        index = pdfium_c.FPDFText_GetCharIndexAtPos(self._textpage, x, y, 0.5, half_height)
        if index < 0:  # the middle falls between words
            index = pdfium_c.FPDFText_GetCharIndexAtPos(
                self._textpage, x, y, max(0.5, (right - left) / 2), half_height
            )
        return index


def _tidy_in_place(text: str) -> str:
    """The page's text tidied as _tidy does, but each character kept in its place, so that
    an offset in it is still the index of PDFium's character: a soft hyphen (U+FFFE in the
    page's text, where a word wraps) is a hyphen, a NUL inside the text a space; only the
    padding after the text goes."""
    text = text.rstrip("\x00\ufffe")
    text = text.replace("\x02", "-").replace("\ufffe", "-").replace("\x00", " ")
    return text.translate(SYMBOL_BULLETS) if _PRIVATE_USE.search(text) else text


def _tidy(text: str) -> str:
    """PDFium marks a soft hyphen as U+0002 and pads with NULs and U+FFFE."""
    text = text.replace("\x02", "-").replace("\ufffe", "").replace("\x00", "")
    return text.translate(SYMBOL_BULLETS) if _PRIVATE_USE.search(text) else text


_PRIVATE_USE = compiled(r"[\uf000-\uf0ff]")


def _cut_at_boxes(chars: _CharBoxes, start: int, segment: str, boxes: list[tuple]) -> list[str]:
    """Split a line's text among its rectangles: each new one begins after a space."""
    pieces, piece_start, next_box = [], 0, 1
    for offset, char in enumerate(segment):
        if next_box >= len(boxes):
            break
        if char != " " or offset + 1 >= len(segment) or segment[offset + 1] == " ":
            continue
        target = boxes[next_box][0]
        starts_box = abs(chars.box(start + offset + 1)[0] - target) < 1.5
        if not starts_box:  # the next box may begin with this space itself
            left, right, _, _ = chars.box(start + offset)
            starts_box = abs(left - target) < 1.5 and right > left
        if starts_box:
            pieces.append(segment[piece_start : offset + 1])
            piece_start = offset + 1
            next_box += 1
    pieces.append(segment[piece_start:])
    return pieces


def _cut_at_box_starts(
    chars: _CharBoxes, start: int, segment: str, boxes: list[tuple]
) -> tuple[list[str], list[tuple]]:
    """Split a line's text among its rectangles by where its characters are: each
    character that is not a space belongs to the rectangle its middle lies in, and each
    rectangle's piece runs from its first character (or the space before it, where the
    rectangle begins with that) to the next one's. The rectangles come back in the order
    of their text, those holding no letter (spaces alone) left out, their spaces going with
    the piece before. No pieces where a character lies in none of them, a rectangle begins
    elsewhere than its first character, or two rectangles' characters interleave (boxes
    out of reading order)."""
    # a box with no height holds spaces alone, or letters of a text layer astray (which
    # then lie in no box: the page is read box by box). A failed cut gives back the boxes
    # as given, never fewer: the caller tells a failure by the count
    given, boxes = boxes, [b for b in boxes if b[1] - b[3] >= 0.5]
    first_of: dict[int, int] = {}
    last_of: dict[int, int] = {}
    held = 0  # the rectangle the last character was in: the next is most often there too
    for offset, char in enumerate(segment):
        if char.isspace():
            continue
        char_left, char_right, char_bottom, char_top = chars.box(start + offset)
        x = (char_left + char_right) / 2
        y = (char_bottom + char_top) / 2
        for k in (*range(held, len(boxes)), *range(held)):
            left, top, right, bottom = boxes[k]
            if left - 0.5 <= x <= right + 0.5 and bottom - 0.5 <= y <= top + 0.5:
                held = k
                break
        else:
            return [], given
        if held not in first_of:
            begins = offset
            if abs(char_left - boxes[held][0]) >= 1.5:
                # the box may begin with the space before its first letter
                begins = offset - 1
                if begins < 0 or not segment[begins].isspace():
                    return [], given  # its text begins elsewhere: one overlaps the next
                space_left, space_right, _, _ = chars.box(start + begins)
                if abs(space_left - boxes[held][0]) >= 1.5 or space_right <= space_left:
                    return [], given
            first_of[held] = begins
        last_of[held] = offset
    if not first_of:
        return [], given
    order = sorted(first_of, key=first_of.__getitem__)
    if any(last_of[a] > first_of[b] for a, b in zip(order, order[1:], strict=False)):
        return [], given
    cuts = [0, *(first_of[k] for k in order[1:]), len(segment)]
    pieces = [segment[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    ordered = [boxes[k] for k in order]
    return pieces, ordered


# A baseline's worth of runs: [top, bottom, runs], its extent kept as it grows
_Row = list


def _rows(runs: list[_Run]) -> list[_Row]:
    """Group runs that share a baseline, top to bottom, each row's runs left to right."""
    runs.sort(key=lambda run: run[0] + run[1])
    rows: list[_Row] = []
    for run in runs:
        top, bottom = run[0], run[1]
        if rows:
            row = rows[-1]
            tolerance = max(1.5, 0.35 * (row[1] - row[0]))
            if abs((top + bottom) / 2 - (row[0] + row[1]) / 2) <= tolerance:
                row[2].append(run)
                if top < row[0]:
                    row[0] = top
                if bottom > row[1]:
                    row[1] = bottom
                continue
        rows.append([top, bottom, [run]])
    for row in rows:
        if len(row[2]) > 1:
            row[2].sort(key=lambda run: run[2].x0)
    return rows


def _lines(rows: list[_Row], page_number: int) -> list[Line]:
    lines = []
    for top, bottom, runs in rows:
        merged = _merge_touching([run[2] for run in runs], bottom - top)
        lines.append(
            Line(
                text=" ".join(span.text for span in merged),
                x0=merged[0].x0,
                top=top,
                x1=max(span.x1 for span in merged),
                bottom=bottom,
                page=page_number,
                spans=tuple(merged),
            )
        )
    return _attach_superscript_ordinals(lines)


def _mark_underlines(
    rows: list[_Row], drawings: list[Drawing], styles: _TextStyles, page_height: float
) -> None:
    """Give the underline to runs with a thin rule drawn just under their baseline.

    A rule is an underline when it lies within the first fifth of an em below the
    baseline (a descender reaches further, a table's border further still) and runs from
    about where some text of the row starts to where some ends: a border or a rule across
    the page reaches past the text it is under.
    """
    rules = sorted(
        (((d.top + d.bottom) / 2, d) for d in drawings if _is_thin_rule(d)),
        key=lambda item: item[0],
    )
    if not rules:
        return
    middles = [middle for middle, _ in rules]
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()
    for row in rows:
        top, bottom, runs = row
        height = bottom - top
        low, high = (
            bisect_left(middles, bottom - 0.5 * height),
            bisect_right(middles, bottom + 0.4 * height),
        )
        for middle, rule in rules[low:high]:
            covered = [
                i for i, run in enumerate(runs) if run[2].x0 < rule.x1 and rule.x0 < run[2].x1
            ]
            if not covered:
                continue
            first, last = runs[covered[0]], runs[covered[-1]]
            size = first[2].style.size or height
            slack = 0.5 * size  # a space or so: an underline runs on under the spaces around words
            if rule.x0 < first[2].x0 - slack or rule.x1 > last[2].x1 + slack:
                continue
            if rule.bottom - rule.top > max(1.5, 0.15 * size):
                continue
            if not pdfium_c.FPDFText_GetCharOrigin(
                styles.textpage, first[3], ctypes.byref(origin_x), ctypes.byref(origin_y)
            ):
                continue
            below_baseline = middle - (page_height - origin_y.value)
            if not 0.0 <= below_baseline <= 0.2 * size:
                continue
            for i in covered:
                top_, bottom_, span, index = runs[i]
                overlap = min(rule.x1, span.x1) - max(rule.x0, span.x0)
                if overlap >= 0.6 * (span.x1 - span.x0) and not span.style.underline:
                    underlined = replace(span, style=styles.underlined(span.style))
                    runs[i] = (top_, bottom_, underlined, index)


def _is_thin_rule(drawing: Drawing) -> bool:
    width, height = drawing.x1 - drawing.x0, drawing.bottom - drawing.top
    return drawing.visible and height <= 3.0 and width >= 3 * max(height, 1.0)


_ORDINAL_SUFFIX = compiled(r"^(?:st|nd|rd|th)$")


def _attach_superscript_ordinals(lines: list[Line]) -> list[Line]:
    """A raised ordinal suffix ("30" then a small "th" above the baseline) is drawn as text
    of its own, too high to share the number's row; put it back right after the number."""
    out: list[Line] = []
    for index, line in enumerate(lines):
        if (
            len(line.text) <= 4
            and _ORDINAL_SUFFIX.match(line.text.strip())
            and len(line.spans) == 1
        ):
            neighbours = lines[max(0, index - 2) : index] + lines[index + 1 : index + 3]
            for target in neighbours:
                position = _ordinal_position(line, target)
                if position is not None:
                    _insert_ordinal(target, position, line)
                    break
            else:
                out.append(line)
            continue
        out.append(line)
    return out


def _ordinal_position(suffix: Line, line: Line) -> int | None:
    """The index of the span of ``line`` that ends in the digit the suffix is raised over:
    the suffix overlaps the line's upper half and starts where that span ends."""
    if line is suffix or _ORDINAL_SUFFIX.match(line.text.strip()):
        return None
    middle = (line.top + line.bottom) / 2
    if not (suffix.bottom > line.top and suffix.top < middle and suffix.bottom <= line.bottom):
        return None
    for position, span in enumerate(line.spans):
        if span.text[-1:].isdigit() and -1.0 <= suffix.x0 - span.x1 <= 3.0:
            return position
    return None


def _insert_ordinal(line: Line, position: int, suffix: Line) -> None:
    spans = list(line.spans)
    number = spans[position]
    spans[position] = replace(number, text=number.text + suffix.text.strip(), x1=suffix.x1)
    if (
        position + 1 < len(spans)
        and spans[position + 1].x0 - suffix.x1 < 1.0
        and _looks_alike(spans[position + 1].style, number.style)
    ):
        # the gap that split these spans was the suffix's own width
        after = spans.pop(position + 1)
        spans[position] = replace(
            spans[position], text=f"{spans[position].text} {after.text}", x1=after.x1
        )
    line.spans = tuple(spans)
    line.text = " ".join(span.text for span in spans)
    line.x1 = max(line.x1, suffix.x1)


def _merge_touching(spans: list[Span], height: float = 10.0) -> list[Span]:
    """Rectangles split by a font change but not by a gap are one span, where the reader
    sees one style, or where the change falls inside a word; tidy spacing."""
    if len(spans) == 1:  # most lines: one run of text
        span = spans[0]
        text = " ".join(span.text.split())
        return [span if text == span.text else Span(text, span.x0, span.x1, span.style)]
    merged: list[Span] = []
    previous_raw = ""
    for span in spans:
        text = " ".join(span.text.split())
        if not text:
            continue
        # a gap under a fifth of the line's height is letter spacing, not a word gap
        # (word gaps are a third of the height or more; columns are far wider); between
        # glyphs set one a text object with no space character, a gap under that third is
        # still inside a word ("Cl l r" is "Cllr")
        # (capped: a rotated stamp caught in the row makes the row look taller than its text)
        gap = span.x0 - merged[-1].x1 if merged else 0.0
        spaced = span.text[:1].isspace() or previous_raw[-1:].isspace()
        glyphs = not spaced and len(previous_raw.strip()) <= 2 and len(text) <= 2
        letter_gap = max(1.0, (_GLYPH_LETTER_GAP if glyphs else 0.2) * min(height, 12.0))
        if not spaced and not text.strip(_CLOSING_PUNCTUATION):
            # punctuation the text sets against the word before it ("1" then "." a glyph
            # further on) ends that word, whatever the gap
            letter_gap = max(letter_gap, 0.5 * min(height, 12.0))
        if merged and gap < 0:
            prev = merged[-1]
            before, text = _without_overlap(prev.text, text, spaced)
            if not before or not text:
                # one rectangle held only its neighbour's glyph ("59. T" then "TO ...")
                kept = Span(before or text, prev.x0, span.x1, prev.style if before else span.style)
                merged[-1] = kept
                previous_raw = span.text
                continue
            if before != prev.text:
                merged[-1] = Span(before, prev.x0, prev.x1, prev.style)
        if merged and gap < letter_gap:
            prev = merged[-1]
            if not spaced or _looks_alike(prev.style, span.style):
                before = prev.text
                # a style that changes inside a word (a bold initial) is the word's
                # longer part's: spans stay whole words, so line text keeps its spacing
                style = prev.style if len(before) >= len(text) else span.style
                joiner = " " if spaced and before else ""
                merged[-1] = Span(f"{before}{joiner}{text}", prev.x0, span.x1, style)
                previous_raw = span.text
                continue
        merged.append(span if text == span.text else Span(text, span.x0, span.x1, span.style))
        previous_raw = span.text
    return merged


_GLYPH_LETTER_GAP = 0.28  # of the line's height
# what ends the word before it, never begins one; a dash (– —) may stand apart
_CLOSING_PUNCTUATION = ".,;:!?)]}’”%-"


def _without_overlap(before: str, text: str, spaced: bool) -> tuple[str, str]:
    """Two neighbouring rectangles without the characters both hold: where glyph boxes
    overlap, each rectangle's text takes in its neighbour's glyph ("PA" then "PA" for
    "PA"; "from J" then " June"), as overprinted fake-bold text repeats a glyph in place.
    Across a space the repeat is the first rectangle's; within a word, either's."""
    for size in range(min(len(before), len(text), 3), 0, -1):
        if before.endswith(text[:size]):
            if spaced:
                return before[:-size].rstrip(), text
            return before, text[size:]
    return before, text


def _looks_alike(a: TextStyle | None, b: TextStyle | None) -> bool:
    """Whether a reader sees one style: a change of font name alone is not a change."""
    if a is None or b is None:
        return a is b
    return (
        a.bold == b.bold
        and a.italic == b.italic
        and a.underline == b.underline
        and a.visible == b.visible
        and round(a.size * 2) == round(b.size * 2)
    )
