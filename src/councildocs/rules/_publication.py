"""Shared by the PUB rules: they apply to PDFs only (a text export has no metadata)."""

from __future__ import annotations

from ..models import Pack


def is_pdf(pack: Pack) -> bool:
    return pack.source.format == "pdf"
