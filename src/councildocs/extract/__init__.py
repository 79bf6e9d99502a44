"""extract: a PDF or a text export to pages of positioned lines.

``load(path)`` is the single entry point; it chooses the reader from the file's bytes,
not its name, and strips page furniture so that later stages see content only.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from ..errors import NoTextLayer, UnreadableInput
from ..inputs import check_regular_file, looks_like_pdf
from ..ocr_settings import OcrSettings
from .furniture import strip_furniture
from .ocr import read_by_ocr
from .page import Line, Outline, Page, SourceDocument, Span, TextStyle
from .pdf import read_pdf
from .text import read_text

__all__ = [
    "Line",
    "OcrSettings",
    "Outline",
    "Page",
    "SourceDocument",
    "Span",
    "TextStyle",
    "load",
]


def load(
    path: str | Path,
    ocr: OcrSettings | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> SourceDocument:
    """The file's pages; a PDF's pages without a text layer read by OCR as ``ocr`` says
    (default: those pages, when Tesseract is installed). ``meanwhile``, the caller's own
    work, is run once, while a long PDF's helper process reads its share of the pages."""
    name = str(path)
    file = Path(path)
    check_regular_file(file)
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read the file ({exc.strerror})") from None
    if not data.strip():
        raise UnreadableInput(name, "the file is empty")
    sha256 = hashlib.sha256(data).hexdigest()
    if looks_like_pdf(data, name):
        try:
            pages, facts = read_pdf(name, meanwhile)
        except UnreadableInput:
            if _has_no_pages(name):
                raise UnreadableInput(name, "the PDF has no pages") from None
            raise
        if not pages:
            raise UnreadableInput(name, "the PDF has no pages")
        settings = ocr or OcrSettings()
        read_by_ocr(name, pages, settings)
        if not any(page.lines for page in pages) and not any(p.has_text_layer for p in pages):
            raise NoTextLayer(name, _no_text_problem(settings))
        source = SourceDocument(path=name, format="pdf", sha256=sha256, pages=pages, **facts)
    elif file.suffix.lower() == ".pdf":
        raise UnreadableInput(name, "not a PDF (the file does not start with %PDF-)")
    else:
        if meanwhile is not None:
            meanwhile()
        source = SourceDocument(
            path=name, format="text", sha256=sha256, pages=read_text(name, data)
        )
    strip_furniture(source.pages)
    return source


def _has_no_pages(path: str) -> bool:
    """Whether a PDF that PDFium would not open is whole but has an empty page tree.

    PDFium refuses such a file without setting an error of its own (what it reports is
    whatever failed before), so pdfminer, already here for pdfplumber, is asked instead.
    """
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    try:
        with open(path, "rb") as handle:
            document = PDFDocument(PDFParser(handle))
            return next(PDFPage.create_pages(document), None) is None
    except Exception:  # damaged in a way pdfminer sees too: not this case
        return False


def _no_text_problem(settings: OcrSettings) -> str:
    if settings.mode == "never":
        return "the PDF has no text layer (scanned images only); run OCR on it (OCR is off)"
    return "the PDF has no text layer (scanned images only), and OCR found no text on it"
