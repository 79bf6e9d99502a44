"""The PDFium calls that extraction makes per run of text, page object and character,
prototyped with PDFium's handles as plain addresses.

pypdfium2's bindings type each handle (a text page, a page object, a font) as a pointer
to a struct of its own, so every call checks its arguments against that type and wraps
the handle it returns in a new pointer object. A 520-page pack makes some 200,000 of
these calls; the same C functions prototyped here with ``c_void_p`` handles take and
give Python ints, which ctypes passes as they are, a tenth of a microsecond less a call.

A handle one of these returns is an int: pass it on to these functions, not to
pypdfium2's. The pointers pypdfium2 returns (a loaded page, a text page) are accepted
here as they are.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c


def _is_handle(kind: type | None) -> bool:
    # PDFium's handles point to structs its header never defines (fpdf_page_t__ ...);
    # FS_MATRIX and the like, which callers fill in, have fields
    return (
        isinstance(kind, type)
        and issubclass(kind, ctypes._Pointer)
        and issubclass(kind._type_, ctypes.Structure)
        and getattr(kind._type_, "_fields_", None) is None
    )


def _with_plain_handles(function):
    """``function``, one of pypdfium2's bindings, prototyped with its handle arguments and
    result as ``c_void_p``; its other arguments keep their types."""

    def plain(kind):
        return ctypes.c_void_p if _is_handle(kind) else kind

    prototype = ctypes.CFUNCTYPE(plain(function.restype), *map(plain, function.argtypes))
    return prototype(ctypes.cast(function, ctypes.c_void_p).value)


FPDFText_CountRects = _with_plain_handles(pdfium_c.FPDFText_CountRects)
FPDFText_GetRect = _with_plain_handles(pdfium_c.FPDFText_GetRect)
FPDFText_GetCharBox = _with_plain_handles(pdfium_c.FPDFText_GetCharBox)
FPDFText_GetTextObject = _with_plain_handles(pdfium_c.FPDFText_GetTextObject)
FPDFTextObj_GetFont = _with_plain_handles(pdfium_c.FPDFTextObj_GetFont)
FPDFTextObj_GetFontSize = _with_plain_handles(pdfium_c.FPDFTextObj_GetFontSize)
FPDFTextObj_GetTextRenderMode = _with_plain_handles(pdfium_c.FPDFTextObj_GetTextRenderMode)
FPDFFont_GetBaseFontName = _with_plain_handles(pdfium_c.FPDFFont_GetBaseFontName)
FPDFFont_GetFlags = _with_plain_handles(pdfium_c.FPDFFont_GetFlags)
FPDFFont_GetWeight = _with_plain_handles(pdfium_c.FPDFFont_GetWeight)
FPDFPage_CountObjects = _with_plain_handles(pdfium_c.FPDFPage_CountObjects)
FPDFPage_GetObject = _with_plain_handles(pdfium_c.FPDFPage_GetObject)
FPDFPageObj_GetType = _with_plain_handles(pdfium_c.FPDFPageObj_GetType)
FPDFPageObj_GetBounds = _with_plain_handles(pdfium_c.FPDFPageObj_GetBounds)
FPDFPageObj_GetMatrix = _with_plain_handles(pdfium_c.FPDFPageObj_GetMatrix)
FPDFPageObj_GetFillColor = _with_plain_handles(pdfium_c.FPDFPageObj_GetFillColor)
FPDFPageObj_GetStrokeColor = _with_plain_handles(pdfium_c.FPDFPageObj_GetStrokeColor)
FPDFPath_CountSegments = _with_plain_handles(pdfium_c.FPDFPath_CountSegments)
FPDFPath_GetDrawMode = _with_plain_handles(pdfium_c.FPDFPath_GetDrawMode)
