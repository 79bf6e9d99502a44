"""A published PDF has a real document title in its metadata.

Screen readers and browser tabs announce the metadata title, not the file name. The Public
Sector Bodies (Websites and Mobile Applications) Accessibility Regulations 2018 require
WCAG 2.2 AA, whose technique PDF18 asks for a title. A missing title, or one that is only a
file name or the authoring tool's default ("Microsoft Word - report.docx"), fails.

**Anti-pattern**

    /Title ()    or    /Title (Microsoft Word - 24-00096 Report.docx)

**Best practice**

    /Title (Commissioning Plan for Education Provision in Kent 2025-29)
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Pack
from ..patterns import compiled
from ._publication import is_pdf
from ._support import Hit

CODE = "PUB001"
NAME = "pdf-title"
SEVERITY = "warning"
READS = "pack"

FILE_NAME = compiled(r"^(?:microsoft\s+\w+\s+-\s+)|\.(?:docx?|pdf|xlsx?|pptx?|rtf|odt)$", regex.I)


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    if not is_pdf(pack):
        return
    title = (pack.source.title or "").strip()
    if not title:
        yield Hit("the PDF has no document title in its metadata", 1, None)
    elif FILE_NAME.search(title):
        yield Hit(f"the PDF's metadata title is a file name, not a title: '{title}'", 1, title)
