"""A published PDF is tagged (has a structure tree).

Tags give headings, lists, tables and reading order to assistive technology; an untagged
PDF reads as one undifferentiated stream (WCAG 2.2 success criterion 1.3.1, technique
PDF9), so the 2018 accessibility regulations expect published PDFs to be tagged.

**Anti-pattern**

    << /Type /Catalog /Pages 2 0 R >>                       (no /StructTreeRoot)

**Best practice**

    << /Type /Catalog /Pages 2 0 R /MarkInfo << /Marked true >> /StructTreeRoot 9 0 R >>
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ._publication import is_pdf
from ._support import Hit

CODE = "PUB003"
NAME = "tagged-pdf"
SEVERITY = "warning"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if is_pdf(pack) and pack.source.tagged is False:
        yield Hit("the PDF is not tagged: it has no structure tree", 1, None)
