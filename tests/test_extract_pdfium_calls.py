"""The PDFium calls prototyped with plain handles give what pypdfium2's bindings give."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from councildocs.extract import pdfium_calls

FIXTURE = Path(__file__).parent / "fixtures" / "wolverhampton_pack.pdf"


def test_handles_become_addresses_and_filled_in_structs_keep_their_type():
    matrix = pdfium_calls.FPDFPageObj_GetMatrix.argtypes
    assert matrix[0] is ctypes.c_void_p  # the page object: a handle
    assert matrix[1] is pdfium_c.FPDFPageObj_GetMatrix.argtypes[1]  # FS_MATRIX*, filled in
    assert pdfium_calls.FPDFText_GetTextObject.restype is ctypes.c_void_p
    # out-parameters and plain values are as pypdfium2 declares them
    assert pdfium_calls.FPDFText_GetRect.argtypes[1:] == pdfium_c.FPDFText_GetRect.argtypes[1:]


def test_the_same_objects_fonts_and_boxes_as_pypdfium2():
    pdf = pdfium.PdfDocument(str(FIXTURE))
    page = pdfium_c.FPDF_LoadPage(pdf.raw, 0)
    textpage = pdfium_c.FPDFText_LoadPage(page)
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        assert count > 100
        for index in (0, count // 2, count - 1):
            theirs = pdfium_c.FPDFText_GetTextObject(textpage, index)
            ours = pdfium_calls.FPDFText_GetTextObject(textpage, index)
            assert ours == ctypes.cast(theirs, ctypes.c_void_p).value
            font = ctypes.cast(pdfium_c.FPDFTextObj_GetFont(theirs), ctypes.c_void_p).value
            assert pdfium_calls.FPDFTextObj_GetFont(ours) == font
            assert pdfium_calls.FPDFFont_GetFlags(font) == pdfium_c.FPDFFont_GetFlags(
                pdfium_c.FPDFTextObj_GetFont(theirs)
            )
            boxes = []
            for get_box in (pdfium_c.FPDFText_GetCharBox, pdfium_calls.FPDFText_GetCharBox):
                sides = [ctypes.c_double() for _ in range(4)]
                get_box(textpage, index, *(ctypes.byref(side) for side in sides))
                boxes.append([side.value for side in sides])
            assert boxes[0] == boxes[1]
        objects = pdfium_calls.FPDFPage_CountObjects(page)
        assert objects == pdfium_c.FPDFPage_CountObjects(page)
        kinds = [
            pdfium_calls.FPDFPageObj_GetType(pdfium_calls.FPDFPage_GetObject(page, i))
            for i in range(objects)
        ]
        assert kinds == [
            pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(page, i))
            for i in range(objects)
        ]
        assert pdfium_calls.FPDFText_GetTextObject(textpage, count + 10) is None  # no such char
    finally:
        pdfium_c.FPDFText_ClosePage(textpage)
        pdfium_c.FPDF_ClosePage(page)
        pdf.close()
