"""Shared by the "does the document say X" rules: a field, or failing that, its heading."""

from __future__ import annotations

import regex

from ..models import DocumentBase
from ._support import document_text


def says(document: DocumentBase, pattern: str) -> bool:
    """Whether any text of the document (parsed or unplaced) matches ``pattern``."""
    return regex.search(pattern, document_text(document), flags=regex.I | regex.M) is not None


def first_page(document: DocumentBase) -> int | None:
    return document.pages.start if document.pages else None
