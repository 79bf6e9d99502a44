"""Pages without a text layer, read by OCR into the same lines and spans as a text layer.

A scanned page is rendered with pypdfium2 at 300 dpi (what Tesseract is trained for) and
read by Tesseract through pytesseract, the engine ocrmypdf uses. Its words become
:class:`~.page.Span` runs on :class:`~.page.Line` rows in PDF points, so layout,
segmentation, parsers and rules read a scan as they read a text layer:

- a line is Tesseract's line, regrouped with the lines that share its baseline (two
  columns of one row are one line with two spans, as PDFium gives them);
- a span ends at a gap wider than about an em, as a text rectangle ends at a visible gap;
- the size is the line's height in points over the share of an em its letters reach
  (capitals and ascenders, descenders); bold is a stroke clearly thicker than the page's
  usual stroke, measured on the image, since Tesseract reports no font;
- each span keeps its words' mean confidence, and the page its mean over all its words.

Tesseract is optional (``pip install councildocs[ocr]`` and the engine itself): nothing
here is imported until a page needs OCR, and where the engine is missing the error says
how to install it.
"""

from __future__ import annotations

import os
import statistics
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import NoTextLayer, OcrUnavailable
from ..ocr_settings import INSTALL_BINDING, INSTALL_ENGINE, OcrSettings
from ..patterns import compiled
from ..vocabulary.ocr import correct_misreadings
from .page import Line, Page, Span, TextStyle
from .pdfium_lock import PDFIUM_LOCK

__all__ = ["OcrSettings", "pages_to_read", "read_by_ocr"]

if TYPE_CHECKING:
    from PIL.Image import Image

DPI = 300
_POINTS_PER_PIXEL = 72 / DPI


def pages_to_read(pages: list[Page], settings: OcrSettings) -> list[Page]:
    if settings.mode == "never":
        return []
    # a page PDFium could not load cannot be rendered for OCR either
    if settings.mode == "always":
        return [page for page in pages if page.loaded]
    return [page for page in pages if not page.has_text_layer and page.loaded]


def read_by_ocr(path: str, pages: list[Page], settings: OcrSettings) -> None:
    """Give the pages that need OCR under ``settings`` the lines Tesseract reads on them.

    Raises :class:`OcrUnavailable` when pages need it and Tesseract (or a language's data)
    is missing, except that in ``auto`` mode a file with text on other pages is read as
    without OCR when the engine is not installed, its scanned pages listed in
    ``source.pages_without_text`` only (a missing language is always an error: it was
    asked for).
    """
    wanted = pages_to_read(pages, settings)
    if not wanted:
        return
    try:
        pytesseract, installed = _binding(path)
    except OcrUnavailable as exc:
        if settings.mode != "auto":
            raise
        if any(page.has_text_layer for page in pages):
            return
        raise NoTextLayer(
            path, f"the PDF has no text layer (scanned images only); {exc.problem}"
        ) from None
    engine = _engine(path, pytesseract, installed, settings.languages)
    from .pdf import open_pdf

    # PDFium is held only while a page is rendered: Tesseract reads it in a process of its
    # own, so threads of a caller's pool OCR their files side by side
    with PDFIUM_LOCK:
        pdf = open_pdf(path)  # repaired as the text was read, if truncated
    try:
        with _Progress(path, len(wanted), settings.progress) as progress:
            for page, words in _recognised(pdf, wanted, engine, settings.jobs):
                _fill(page, words)
                progress.advance()
    finally:
        with PDFIUM_LOCK:
            pdf.close()


# A word as Tesseract reads it: (left, top, right, bottom) in pixels, text, confidence
# 0-100, the key of its Tesseract line, and its stroke width in pixels (None: not measured)
@dataclass(slots=True)
class _Word:
    box: tuple[int, int, int, int]
    text: str
    confidence: float
    line_key: tuple[int, int, int]
    stroke: float | None


def _binding(path: str) -> tuple[Any, set[str]]:
    """pytesseract, and the languages of the Tesseract it finds."""
    try:
        import pytesseract
    except ImportError:
        raise OcrUnavailable(
            path, f"OCR needs pytesseract, which is not installed: {INSTALL_BINDING}"
        ) from None
    try:
        installed = set(pytesseract.get_languages())
    except pytesseract.TesseractNotFoundError:
        raise OcrUnavailable(
            path, f"OCR needs Tesseract, which is not installed: {INSTALL_ENGINE}"
        ) from None
    except pytesseract.TesseractError as exc:
        raise OcrUnavailable(path, f"Tesseract does not run ({exc.message.strip()})") from None
    return pytesseract, installed


def _engine(
    path: str, pytesseract: Any, installed: set[str], languages: str
) -> Callable[[Image], list[_Word]]:
    """The function that reads one page image, once the languages' data are found."""
    missing = [code for code in languages.split("+") if code not in installed]
    if missing:
        raise OcrUnavailable(
            path,
            f"Tesseract has no data for {', '.join(missing)} (install e.g. "
            f"tesseract-ocr-{missing[0]}; installed: {', '.join(sorted(installed)) or 'none'})",
        )

    def data(image: Image, layout: str) -> dict[str, list[Any]]:
        try:
            return pytesseract.image_to_data(
                image, lang=languages, config=layout, output_type=pytesseract.Output.DICT
            )
        except pytesseract.TesseractError as exc:
            raise OcrUnavailable(
                path, f"Tesseract failed on a page ({exc.message.strip()})"
            ) from None

    def read(image: Image) -> list[_Word]:
        words = _words(data(image, _PAGE_LAYOUT), image)
        return _read_again(image, words, lambda sheet: data(sheet, _BLOCK_LAYOUT))

    return read


# Tesseract's automatic page segmentation, then, for the ink it left unread, one uniform
# block: a sheet of the missed pieces stacked one under another
_PAGE_LAYOUT, _BLOCK_LAYOUT = "--psm 3", "--psm 6"


def _recognised(
    pdf, pages: list[Page], engine: Callable[[Image], list[_Word]], jobs: int | None
) -> Iterator[tuple[Page, list[_Word]]]:
    """Each page with its words, in page order, Tesseract reading ``jobs`` pages at once.

    PDFium is not thread-safe, so pages are rendered here, one at a time, and only a few
    ahead of the engine (a 300 dpi page is 9 MB in memory); each Tesseract process then
    uses one thread, so ``jobs`` of them use ``jobs`` cores and no more.
    """
    workers = max(1, min(jobs or os.cpu_count() or 1, len(pages)))
    with _one_thread_each(), ThreadPoolExecutor(workers) as pool:
        pending: dict[int, Future] = {}
        done: dict[int, list[_Word]] = {}
        next_out = 0
        for index, page in enumerate(pages):
            pending[index] = pool.submit(engine, _render(pdf, page.number - 1))
            if len(pending) >= 2 * workers:
                wait(pending.values(), return_when=FIRST_COMPLETED)
            for finished in [i for i, future in pending.items() if future.done()]:
                done[finished] = pending.pop(finished).result()
            while next_out in done:
                yield pages[next_out], done.pop(next_out)
                next_out += 1
        for index in sorted(pending):
            done[index] = pending[index].result()
        while next_out in done:
            yield pages[next_out], done.pop(next_out)
            next_out += 1


@contextmanager
def _one_thread_each() -> Iterator[None]:
    """Tesseract's OpenMP threads would multiply with ours; one each, unless the user chose."""
    chosen = os.environ.get("OMP_THREAD_LIMIT")
    if chosen is None:
        os.environ["OMP_THREAD_LIMIT"] = "1"
    try:
        yield
    finally:
        if chosen is None:
            os.environ.pop("OMP_THREAD_LIMIT", None)


def _render(pdf, index: int) -> Image:
    with PDFIUM_LOCK:
        page = pdf[index]
        try:
            return page.render(scale=DPI / 72, grayscale=True).to_pil()
        finally:
            page.close()


def _words(data: dict[str, list[Any]], image: Image) -> list[_Word]:
    """The words of ``pytesseract.image_to_data``'s table, with their strokes measured."""
    pixels = image.convert("L")
    width = pixels.width
    raw = pixels.tobytes()
    words = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5 or not str(text).strip():
            continue
        left, top = int(data["left"][i]), int(data["top"][i])
        right, bottom = left + int(data["width"][i]), top + int(data["height"][i])
        words.append(
            _Word(
                box=(left, top, right, bottom),
                text=str(text).strip(),
                confidence=max(0.0, float(data["conf"][i])),
                line_key=(data["block_num"][i], data["par_num"][i], data["line_num"][i]),
                stroke=_stroke_width(raw, width, (left, top, right, bottom)),
            )
        )
    return words


_INK = compiled(rb"[\x00-\x7f]+")  # a run of dark pixels in a row of a grey image


def _read_again(
    image: Image, words: list[_Word], read_sheet: Callable[[Image], dict[str, list[Any]]]
) -> list[_Word]:
    """The page's words with those Tesseract's page segmentation lost read a second time.

    Its layout analysis drops small pieces of text standing apart from the rest (an item
    number far left of its heading, "2." before a decision's part), though read alone the
    same piece is clear. So the ink that no word's box covers, in pieces of a text line's
    height, is stacked on one small sheet with white space between the pieces, the sheet is
    read as one block, and each word read there joins the page where its piece lies.
    """
    pieces = _missed_pieces(image, words, _usual_height(words))
    if not pieces:
        return words
    gap = max(bottom - top for _left, top, _right, bottom in pieces)
    sheet_width = max(right - left for left, _top, right, _bottom in pieces) + 2 * gap
    placed = []  # (top on the sheet, the piece's box on the page)
    y = gap
    for box in pieces:
        placed.append((y, box))
        y += box[3] - box[1] + gap
    from PIL import Image as PILImage

    sheet = PILImage.new("L", (sheet_width, y), 255)
    for top, box in placed:
        sheet.paste(image.crop(box), (gap, top))
    recovered = []
    for word in _words(read_sheet(sheet), sheet):
        if word.confidence < _RECOVERED_CONFIDENCE or not _LETTER_OR_DIGIT.search(word.text):
            continue
        middle = (word.box[1] + word.box[3]) / 2
        for top, box in placed:
            if top <= middle <= top + box[3] - box[1]:
                dx, dy = box[0] - gap, box[1] - top
                moved = (word.box[0] + dx, word.box[1] + dy, word.box[2] + dx, word.box[3] + dy)
                recovered.append(
                    _Word(moved, word.text, word.confidence, ("missed", *moved[:2]), word.stroke)
                )
                break
    return words + recovered


_LETTER_OR_DIGIT = compiled(r"[\p{L}\p{N}]")


# a second reading is trusted only where Tesseract is fairly sure of it: a speck read as
# a letter comes back with a low confidence
_RECOVERED_CONFIDENCE = 60
# a page whose unread ink makes more pieces than this is a picture, not missed words
_MOST_COMPONENTS = 200_000
_MOST_PIECES = 60


def _usual_height(words: list[_Word]) -> int:
    heights = sorted(w.box[3] - w.box[1] for w in words)
    return heights[len(heights) // 2] if heights else 0


def _missed_pieces(image: Image, words: list[_Word], usual: int) -> list[tuple[int, int, int, int]]:
    """Boxes (pixels) of the ink outside every word's box that is shaped like a short run of
    text on a line of the page's usual height: neither a speck, a rule nor a picture."""
    if not words:
        return []
    from PIL import ImageDraw

    masked = image.convert("L")
    draw = ImageDraw.Draw(masked)
    margin = max(2, usual // 6)
    for word in words:
        left, top, right, bottom = word.box
        draw.rectangle((left - margin, top - margin, right + margin, bottom + margin), fill=255)
    components = _ink_components(masked.tobytes(), masked.width, masked.height)
    if components is None:
        return []
    text_sized = [
        box
        for box in components
        if 0.45 * usual <= box[3] - box[1] <= 1.6 * usual
        and box[2] - box[0] <= 2 * usual
        and not _beside_a_word(box, words, usual)
    ]
    # the letters of one missed word side by side are one piece: left to right, and within
    # one left edge band by band down the page
    pieces: list[list[int]] = []
    for left, top, right, bottom in sorted(
        text_sized, key=lambda box: (box[0], box[1] // max(1, usual))
    ):
        for piece in pieces:
            overlap = min(bottom, piece[3]) - max(top, piece[1])
            if overlap > 0.5 * min(bottom - top, piece[3] - piece[1]) and (
                left - piece[2] <= 0.6 * usual
            ):
                piece[0], piece[1] = min(piece[0], left), min(piece[1], top)
                piece[2], piece[3] = max(piece[2], right), max(piece[3], bottom)
                break
        else:
            pieces.append([left, top, right, bottom])
    # the space after a piece too: a stop is a speck of its own, left out above
    pad = max(2, usual // 5)
    boxes = [
        (left - pad, top - pad, right + usual // 2, bottom + pad)
        for left, top, right, bottom in pieces
        if right - left <= 12 * usual
    ]
    boxes.sort(key=lambda box: (box[1], box[0]))
    return boxes[:_MOST_PIECES]


def _beside_a_word(box: tuple[int, int, int, int], words: list[_Word], usual: int) -> bool:
    """Whether ink lies within half a line's height of a word read on its row: the edge of a
    letter whose box Tesseract drew a few pixels short, not a word of its own."""
    left, top, right, bottom = box
    reach = usual // 2
    return any(
        min(bottom, w.box[3]) > max(top, w.box[1])
        and left - reach < w.box[2]
        and w.box[0] < right + reach
        for w in words
    )


def _ink_components(raw: bytes, width: int, height: int) -> list[tuple[int, int, int, int]] | None:
    """The bounding boxes of the connected pieces of dark ink in a grey image, from its runs
    of dark pixels row by row (None: too much ink to be missed words)."""
    parent: list[int] = []
    boxes: list[list[int]] = []

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    previous: list[tuple[int, int, int]] = []  # (start, end, component) of the row above
    for row in range(height):
        start = row * width
        current = []
        for match in _INK.finditer(raw, start, start + width):
            left, right = match.start() - start, match.end() - start
            component = -1
            for above_left, above_right, above in previous:
                if above_left <= right and left <= above_right:
                    above = root(above)
                    if component == -1:
                        component = above
                    elif above != component:
                        parent[above] = component
                        box, other = boxes[component], boxes[above]
                        box[0], box[1] = min(box[0], other[0]), min(box[1], other[1])
                        box[2], box[3] = max(box[2], other[2]), max(box[3], other[3])
            if component == -1:
                component = len(parent)
                parent.append(component)
                boxes.append([left, row, right, row + 1])
            else:
                box = boxes[component]
                box[0], box[2], box[3] = min(box[0], left), max(box[2], right), row + 1
            current.append((left, right, component))
            if len(parent) > _MOST_COMPONENTS:
                return None
        previous = [(left, right, root(component)) for left, right, component in current]
    return [tuple(boxes[i]) for i in range(len(parent)) if parent[i] == i]


def _stroke_width(raw: bytes, width: int, box: tuple[int, int, int, int]) -> float | None:
    """The word's usual stroke width in pixels: the mean length of the dark runs that rows
    through the middle of its letters cross (vertical strokes; runs along a horizontal
    stroke, over twice the median, left out), or None for a word too small to tell."""
    left, top, right, bottom = box
    height = bottom - top
    runs: list[int] = []
    # rows through the middle of the box: x-height letters' bodies, clear of descenders
    for row in range(top + height * 2 // 5, top + height * 3 // 4, max(1, height // 12)):
        start = row * width
        runs.extend(len(m.group()) for m in _INK.finditer(raw, start + left, start + right))
    if len(runs) < 6:
        return None
    usual = statistics.median(runs)
    return statistics.fmean(run for run in runs if run <= 2 * usual)


def _fill(page: Page, words: list[_Word]) -> None:
    """Give ``page`` the lines its words make, and its mean confidence."""
    page.lines = _lines(words, page.number)
    page.invisible = []
    page.ocr_confidence = (
        round(statistics.fmean(word.confidence for word in words), 1) if words else 0.0
    )


# a stroke this much thicker than the page's usual one (for the font size) is bold:
# Helvetica Bold's is about 1.5 times the regular's
_BOLD_STROKE = 1.25
# the share of an em a line's ink spans, by the letters it holds (Helvetica-like faces):
# ascenders or capitals with descenders; without descenders; x-height letters only
_FULL_HEIGHT, _NO_DESCENDER, _X_HEIGHT_ONLY = 0.93, 0.72, 0.53
_DESCENDERS = compiled(r"[gjpqyQ,;()\[\]{}|]")
_ASCENDERS = compiled(r"[\p{Lu}\p{N}bdfhiklt'\"/&%£$@!?]")
_NEW_SPAN_GAP = 1.0  # ems: a gap wider than this between words ends a span
# a word of fewer letters and digits than this has too few strokes for its face to be told
# (a digit's curves read thicker than a letter's stems)
_FEWEST_LETTERS_FOR_FACE = 3


def _lines(words: list[_Word], page_number: int) -> list[Line]:
    by_line: dict[tuple[int, int, int], list[_Word]] = {}
    for word in words:
        by_line.setdefault(word.line_key, []).append(word)
    measured = []  # each Tesseract line: its words, top and bottom in pixels, size in points
    for members in by_line.values():
        members.sort(key=lambda w: w.box[0])
        top = min(w.box[1] for w in members)
        bottom = max(w.box[3] for w in members)
        text = " ".join(w.text for w in members)
        measured.append((members, top, bottom, _size(text, (bottom - top) * _POINTS_PER_PIXEL)))
    # the page's usual stroke for its size: most of a page is body text, in its regular face
    ratios = [
        w.stroke * _POINTS_PER_PIXEL / size
        for members, _top, _bottom, size in measured
        for w in members
        if w.stroke
    ]
    usual_stroke = statistics.median(ratios) if len(ratios) >= 5 else None
    runs = []  # (top, bottom, spans) of each Tesseract line, in points
    for members, top, bottom, size in measured:
        spans = _spans(members, size, usual_stroke)
        runs.append((top * _POINTS_PER_PIXEL, bottom * _POINTS_PER_PIXEL, spans))
    return [
        Line(
            text=" ".join(span.text for span in spans),
            x0=spans[0].x0,
            top=top,
            x1=spans[-1].x1,
            bottom=bottom,
            page=page_number,
            spans=tuple(spans),
        )
        for top, bottom, spans in _rows(runs)
    ]


# (a span, whether its boldness was measured): a digit or a two-letter word has too few
# strokes to tell, so it takes the face of the span it stands beside on its row
_Measured = tuple[Span, bool]


def _in_faces_measured(spans: list[_Measured]) -> list[Span]:
    """A row's spans, those whose face was not measured given the face of the nearest
    measured span after them (an item number takes its heading's), else before them."""
    resolved = []
    for index, (span, measured) in enumerate(spans):
        if not measured:
            beside = [s for s, known in spans[index + 1 :] if known] or [
                s for s, known in reversed(spans[:index]) if known
            ]
            if beside and beside[0].style is not None and span.style is not None:
                span = replace(span, style=replace(span.style, bold=beside[0].style.bold))
        resolved.append(span)
    return resolved


def _size(text: str, height: float) -> float:
    """The font size in points of a line ``height`` points tall holding ``text``."""
    if _DESCENDERS.search(text):
        share = _FULL_HEIGHT
    elif _ASCENDERS.search(text):
        share = _NO_DESCENDER
    else:
        share = _X_HEIGHT_ONLY
    return height / share


def _spans(words: list[_Word], size: float, usual_stroke: float | None) -> list[_Measured]:
    """One line's words as spans: a new span at a wide gap or where boldness changes."""
    em = size / _POINTS_PER_PIXEL
    groups: list[tuple[bool | None, list[_Word]]] = []
    for word in words:
        bold = _is_bold(word, size, usual_stroke)
        if groups:
            last_bold, last = groups[-1]
            if word.box[0] - last[-1].box[2] <= _NEW_SPAN_GAP * em and (
                bold is None or last_bold is None or bold == last_bold
            ):
                last.append(word)
                if last_bold is None:
                    groups[-1] = (bold, last)
                continue
        groups.append((bold, [word]))
    # whole points: a scan's sizes jitter by a little, and a style is shared by its size
    printed = float(round(size))
    styles = {bold: TextStyle(font="", size=printed, bold=bold) for bold in (False, True)}
    return [
        (
            Span(
                text=correct_misreadings(" ".join(w.text for w in group)),
                x0=group[0].box[0] * _POINTS_PER_PIXEL,
                x1=group[-1].box[2] * _POINTS_PER_PIXEL,
                style=styles[bool(bold)],
                confidence=round(statistics.fmean(w.confidence for w in group), 1),
            ),
            bold is not None,
        )
        for bold, group in groups
    ]


def _is_bold(word: _Word, size: float, usual_stroke: float | None) -> bool | None:
    """Whether the word's strokes are bold for its size; None where not measured."""
    if word.stroke is None or usual_stroke is None or size <= 0:
        return None
    if len(_LETTER_OR_DIGIT.findall(word.text)) < _FEWEST_LETTERS_FOR_FACE:
        return None
    return word.stroke * _POINTS_PER_PIXEL / size > _BOLD_STROKE * usual_stroke


def _rows(
    runs: list[tuple[float, float, list[_Measured]]],
) -> list[tuple[float, float, list[Span]]]:
    """Tesseract lines that share a baseline (a label and its value, two columns) as one
    row, top to bottom, its spans left to right: as PDFium's rectangles are grouped."""
    runs.sort(key=lambda run: run[0] + run[1])
    rows: list[list] = []
    for top, bottom, spans in runs:
        if rows:
            row = rows[-1]
            tolerance = max(1.5, 0.35 * (row[1] - row[0]))
            if abs((top + bottom) / 2 - (row[0] + row[1]) / 2) <= tolerance:
                row[2].extend(spans)
                row[0], row[1] = min(row[0], top), max(row[1], bottom)
                continue
        rows.append([top, bottom, list(spans)])
    for row in rows:
        row[2].sort(key=lambda measured: measured[0].x0)
    return [(top, bottom, _in_faces_measured(spans)) for top, bottom, spans in rows]


class _Progress:
    """A bar on stderr while a file's pages are read, when the settings ask for one and
    stderr is a terminal. The command asks for it for one file alone, which is read in a
    worker of its own under the per-file limits; a batch leaves the screen to its own bar."""

    def __init__(self, path: str, total: int, wanted: bool) -> None:
        self._bar = None
        stream = sys.stderr
        if wanted and stream.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._bar = Progress(
                TextColumn("OCR {task.description}", style="cyan"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("pages"),
                console=Console(file=stream),
                redirect_stdout=False,
                transient=True,
            )
            self._task = self._bar.add_task(os.path.basename(path)[:40], total=total)

    def __enter__(self) -> _Progress:
        if self._bar:
            from rich.errors import LiveError

            try:
                self._bar.start()
            except LiveError:  # the caller shows a bar of its own: one at a time
                self._bar = None
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._bar:
            self._bar.stop()

    def advance(self) -> None:
        if self._bar:
            self._bar.update(self._task, advance=1)
