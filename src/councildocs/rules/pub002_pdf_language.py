"""A published PDF declares its language.

Without /Lang in the document catalog a screen reader guesses the language and may read
English text with the wrong voice (WCAG 2.2 success criterion 3.1.1, technique PDF16),
which the 2018 accessibility regulations require of public sector PDFs.

**Anti-pattern**

    << /Type /Catalog /Pages 2 0 R >>

**Best practice**

    << /Type /Catalog /Pages 2 0 R /Lang (en-GB) >>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ._publication import is_pdf
from ._support import Hit

CODE = "PUB002"
NAME = "pdf-language"
SEVERITY = "warning"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if is_pdf(pack) and not (pack.source.language or "").strip():
        yield Hit("the PDF does not declare its language (/Lang)", 1, None)
