"""PDF pages to positioned lines, read with pypdfium2.

PDFium reports a page's text as rectangles, one per run of characters on a baseline; a
run ends at a visible gap, so a two-column row (a label and its value) arrives as two
rectangles that we keep as two spans of one line. Calling PDFium's C API directly with
one reused buffer is several times faster than pypdfium2's per-call helpers, and this
loop is the hot path of every parse.
"""

from __future__ import annotations

import ctypes

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from ..errors import UnreadableInput
from ..parallel import HELPER, PARALLEL_MIN_PAGES
from .page import SYMBOL_BULLETS, Line, Outline, Page, Span


def read_pdf(path: str) -> tuple[list[Page], dict]:
    """Return the pages of the PDF at ``path`` and its document-level facts."""
    try:
        pdf = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as exc:
        raise UnreadableInput(path, _describe_open_error(str(exc))) from None
    try:
        facts = _document_facts(pdf)
        count = len(pdf)
        later = None
        split = count
        if count >= PARALLEL_MIN_PAGES and HELPER.available():
            split = int(count * _OWN_SHARE)
            later = HELPER.submit(_read_range, path, split, count)
        pages = _read_range_of(pdf, 0, split)
        if split < count:
            pages.extend(HELPER.result(later) or _read_range_of(pdf, split, count))
    except pdfium.PdfiumError as exc:
        raise UnreadableInput(path, f"the PDF is damaged ({exc})") from None
    finally:
        pdf.close()
    return pages, facts


# A long PDF is read in two parts at once (see ..parallel); this process also unpickles
# the helper's pages, so it reads the larger share.
_OWN_SHARE = 0.55


def _read_range_of(pdf: pdfium.PdfDocument, start: int, stop: int) -> list[Page]:
    return [_read_page(pdf, index) for index in range(start, stop)]


def _read_range(path: str, start: int, stop: int) -> list[Page]:
    pdf = pdfium.PdfDocument(path)
    try:
        return _read_range_of(pdf, start, stop)
    finally:
        pdf.close()


def _describe_open_error(message: str) -> str:
    lowered = message.lower()
    if "password" in lowered:
        return "the PDF is encrypted and needs a password; decrypt it first (e.g. qpdf --decrypt)"
    if "format" in lowered or "file" in lowered:
        return "not a readable PDF (the file is corrupt, truncated or not a PDF at all)"
    return f"cannot open the PDF ({message})"


def _document_facts(pdf: pdfium.PdfDocument) -> dict:
    metadata = pdf.get_metadata_dict(skip_empty=True)
    outline = []
    for bookmark in pdf.get_toc(max_depth=4):
        dest = bookmark.get_dest()
        index = dest.get_index() if dest is not None else None
        outline.append(
            Outline(
                title=bookmark.get_title(),
                page=index + 1 if index is not None else None,
                level=bookmark.level,
            )
        )
    return {
        "title": metadata.get("Title") or None,
        "language": _catalog_language(pdf),
        "tagged": bool(pdfium_c.FPDFCatalog_IsTagged(pdf.raw)),
        "outline": outline,
    }


def _catalog_language(pdf: pdfium.PdfDocument) -> str | None:
    size = pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, None, 0)
    if size <= 2:
        return None
    buffer = (ctypes.c_ushort * (size // 2))()
    pdfium_c.FPDFCatalog_GetLanguage(pdf.raw, buffer, size)
    return ctypes.string_at(buffer, size - 2).decode("utf-16-le") or None


def _read_page(pdf: pdfium.PdfDocument, index: int) -> Page:
    page = pdf[index]
    width, height = page.get_size()
    textpage = page.get_textpage()
    spans = _spans(textpage.raw, height)
    textpage.close()
    rulings = _rulings(page.raw, height)
    page.close()
    return Page(
        number=index + 1,
        width=width,
        height=height,
        lines=_group_lines(spans, index + 1),
        has_text_layer=bool(spans),
        rulings=rulings,
    )


_MAX_RULING_SEGMENTS = 12  # a line or a (rounded) box; charts and glyph outlines have more


def _rulings(raw_page, page_height: float) -> list[tuple[float, float, float, float]]:
    """Boxes of the page's simple path objects (rules, borders, shaded cells).

    Only bounds are read, so this costs a few C calls per path; a page without paths
    costs one call, and tables later need nothing else from the PDF's drawing.
    """
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    out = []
    for i in range(pdfium_c.FPDFPage_CountObjects(raw_page)):
        obj = pdfium_c.FPDFPage_GetObject(raw_page, i)
        if pdfium_c.FPDFPageObj_GetType(obj) != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if pdfium_c.FPDFPath_CountSegments(obj) > _MAX_RULING_SEGMENTS:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(
            obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
        ):
            continue
        out.append((left.value, page_height - top.value, right.value, page_height - bottom.value))
    return out


def _spans(raw_textpage, page_height: float) -> list[tuple[float, float, Span]]:
    """Every run of text on the page as (top, bottom, span), whitespace-only runs dropped.

    The page's text is read once; PDFium then gives the rectangles of each of its lines
    (one per text object). A line with several rectangles is cut where a space is followed
    by the first character of the next rectangle, which asks for a few character boxes
    instead of re-reading the page's text once per rectangle.
    """
    count = pdfium_c.FPDFText_CountChars(raw_textpage)
    if count <= 0:
        return []
    buffer = (ctypes.c_ushort * (count + 1))()
    pdfium_c.FPDFText_GetText(raw_textpage, 0, count, buffer)
    text = ctypes.string_at(buffer, count * 2).decode("utf-16-le", errors="replace")
    text = _tidy(text)
    left, top, right, bottom = (ctypes.c_double() for _ in range(4))
    refs = (ctypes.byref(left), ctypes.byref(top), ctypes.byref(right), ctypes.byref(bottom))
    count_rects, get_rect = pdfium_c.FPDFText_CountRects, pdfium_c.FPDFText_GetRect
    out: list[tuple[float, float, Span]] = []
    for match in _LINE.finditer(text):
        start, segment = match.start(), match.group()
        n_rects = count_rects(raw_textpage, start, len(segment))
        if n_rects == 1:  # most lines: one box, the whole line
            get_rect(raw_textpage, 0, *refs)
            if not segment.isspace():
                out.append(
                    (
                        page_height - top.value,
                        page_height - bottom.value,
                        Span(text=segment, x0=left.value, x1=right.value),
                    )
                )
            continue
        boxes = []
        for j in range(n_rects):
            get_rect(raw_textpage, j, *refs)
            boxes.append((left.value, top.value, right.value, bottom.value))
        if not boxes:
            continue
        pieces = _cut_at_boxes(raw_textpage, start, segment, boxes) if _one_baseline(boxes) else []
        if len(pieces) != len(boxes):
            # wrapped lines PDFium joined (after a hyphen), or boxes out of reading order:
            # read this page box by box instead, slower but exact
            return _spans_box_by_box(raw_textpage, page_height)
        for piece, (x0, y_top, x1, y_bottom) in zip(pieces, boxes, strict=True):
            if piece.strip():
                out.append(
                    (page_height - y_top, page_height - y_bottom, Span(text=piece, x0=x0, x1=x1))
                )
    return out


_LINE = regex.compile(r"[^\r\n]+")


def _one_baseline(boxes: list[tuple]) -> bool:
    first_top, first_bottom = boxes[0][1], boxes[0][3]
    tolerance = max(1.5, 0.5 * (first_top - first_bottom))
    centre = (first_top + first_bottom) / 2
    return all(abs((b[1] + b[3]) / 2 - centre) <= tolerance for b in boxes)


def _spans_box_by_box(raw_textpage, page_height: float) -> list[tuple[float, float, Span]]:
    """Every text rectangle of the page with the text PDFium finds inside it."""
    rect = [ctypes.c_double() for _ in range(4)]
    rect_refs = [ctypes.byref(v) for v in rect]
    out = []
    for i in range(pdfium_c.FPDFText_CountRects(raw_textpage, 0, -1)):
        pdfium_c.FPDFText_GetRect(raw_textpage, i, *rect_refs)
        left, top, right, bottom = (v.value for v in rect)
        size = pdfium_c.FPDFText_GetBoundedText(raw_textpage, left, top, right, bottom, None, 0)
        buffer = (ctypes.c_ushort * (size + 1))()
        n = pdfium_c.FPDFText_GetBoundedText(raw_textpage, left, top, right, bottom, buffer, size)
        text = ctypes.string_at(buffer, n * 2).decode("utf-16-le", errors="replace")
        text = _tidy(text).replace("\r", " ").replace("\n", " ")
        if text.strip():
            out.append(
                (page_height - top, page_height - bottom, Span(text=text, x0=left, x1=right))
            )
    return out


def _tidy(text: str) -> str:
    """PDFium marks a soft hyphen as U+0002 and pads with NULs and U+FFFE."""
    text = text.replace("\x02", "-").replace("\ufffe", "").replace("\x00", "")
    return text.translate(SYMBOL_BULLETS) if _PRIVATE_USE.search(text) else text


_PRIVATE_USE = regex.compile(r"[\uf000-\uf0ff]")


def _cut_at_boxes(raw_textpage, start: int, segment: str, boxes: list[tuple]) -> list[str]:
    """Split a line's text among its rectangles: each new one begins after a space."""
    box = [ctypes.c_double() for _ in range(4)]
    box_refs = [ctypes.byref(v) for v in box]
    pieces, piece_start, next_box = [], 0, 1
    for offset, char in enumerate(segment):
        if next_box >= len(boxes):
            break
        if char != " " or offset + 1 >= len(segment) or segment[offset + 1] == " ":
            continue
        target = boxes[next_box][0]
        pdfium_c.FPDFText_GetCharBox(raw_textpage, start + offset + 1, *box_refs)
        starts_box = abs(box[0].value - target) < 1.5  # GetCharBox: left, right, bottom, top
        if not starts_box:  # the next box may begin with this space itself
            pdfium_c.FPDFText_GetCharBox(raw_textpage, start + offset, *box_refs)
            starts_box = abs(box[0].value - target) < 1.5 and box[1].value > box[0].value
        if starts_box:
            pieces.append(segment[piece_start : offset + 1])
            piece_start = offset + 1
            next_box += 1
    pieces.append(segment[piece_start:])
    return pieces


def _group_lines(spans: list[tuple[float, float, Span]], page_number: int) -> list[Line]:
    """Join rectangles that share a baseline into lines, top to bottom, left to right."""
    spans.sort(key=lambda s: s[0] + s[1])
    rows: list[list] = []  # [top, bottom, items]: the row's extent kept as it grows
    for item in spans:
        top, bottom = item[0], item[1]
        if rows:
            row = rows[-1]
            tolerance = max(1.5, 0.35 * (row[1] - row[0]))
            if abs((top + bottom) / 2 - (row[0] + row[1]) / 2) <= tolerance:
                row[2].append(item[2])
                if top < row[0]:
                    row[0] = top
                if bottom > row[1]:
                    row[1] = bottom
                continue
        rows.append([top, bottom, [item[2]]])
    lines = []
    for top, bottom, row in rows:
        if len(row) > 1:
            row.sort(key=lambda span: span.x0)
        merged = _merge_touching(row, bottom - top)
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


_ORDINAL_SUFFIX = regex.compile(r"^(?:st|nd|rd|th)$")


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
    spans[position] = Span(text=number.text + suffix.text.strip(), x0=number.x0, x1=suffix.x1)
    if position + 1 < len(spans) and spans[position + 1].x0 - suffix.x1 < 1.0:
        # the gap that split these spans was the suffix's own width
        after = spans.pop(position + 1)
        spans[position] = Span(
            text=f"{spans[position].text} {after.text}", x0=number.x0, x1=after.x1
        )
    line.spans = tuple(spans)
    line.text = " ".join(span.text for span in spans)
    line.x1 = max(line.x1, suffix.x1)


def _merge_touching(spans: list[Span], height: float = 10.0) -> list[Span]:
    """Rectangles split by a font change but not by a gap are one span; tidy spacing."""
    if len(spans) == 1:  # most lines: one run of text
        span = spans[0]
        text = " ".join(span.text.split())
        return [span if text == span.text else Span(text=text, x0=span.x0, x1=span.x1)]
    merged: list[Span] = []
    previous_raw = ""
    for span in spans:
        text = " ".join(span.text.split())
        if not text:
            continue
        # a gap under a fifth of the line's height is letter spacing, not a word gap
        # (word gaps are a third of the height or more; columns are far wider)
        # (capped: a rotated stamp caught in the row makes the row look taller than its text)
        if merged and span.x0 - merged[-1].x1 < max(1.0, 0.2 * min(height, 12.0)):
            prev = merged[-1]
            spaced = span.text[:1].isspace() or previous_raw[-1:].isspace()
            joiner = " " if spaced else ""
            merged[-1] = Span(text=f"{prev.text}{joiner}{text}", x0=prev.x0, x1=span.x1)
        else:
            merged.append(Span(text=text, x0=span.x0, x1=span.x1))
        previous_raw = span.text
    return merged
