"""Every page of a published PDF can be opened.

A page the PDF library cannot load (a damaged page object, or a file cut short in its
download or upload) shows nothing to a reader, and whatever it held is missing from the
parsed pack too. Each such page is reported; the other pages were read as usual.

**Anti-pattern**

    a 40-page pack whose upload stopped at 31 MB: pages 28-40 cannot be opened

**Best practice**

    the whole file, as the council's system wrote it (its size matching the web page's)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack
from ._publication import is_pdf
from ._support import Hit

CODE = "PUB005"
NAME = "unreadable-pages"
SEVERITY = "error"
READS = "pack"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if not is_pdf(pack):
        return
    for page in pack.source.unreadable_pages:
        yield Hit(
            f"page {page} of the file cannot be loaded (the PDF is damaged or truncated)",
            page,
            None,
        )
