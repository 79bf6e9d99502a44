"""Every page of a published PDF has a text layer.

A scanned page without text cannot be read aloud, searched or copied (WCAG 2.2 success
criterion 1.1.1; technique PDF7 is to OCR it). Each page without text is reported.

**Anti-pattern**

    page 4: a scanned signature sheet, an image only

**Best practice**

    page 4: the same sheet with an OCR text layer
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ._publication import is_pdf
from ._support import Hit

CODE = "PUB004"
NAME = "text-layer"
SEVERITY = "error"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if not is_pdf(pack):
        return
    for page in pack.source.pages_without_text:
        yield Hit(f"page {page} of the file has no text layer (an image only)", page, None)
