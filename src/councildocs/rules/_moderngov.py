"""What the MGV rules share: agenda numbers compared as the council prints them."""

from __future__ import annotations


def item_key(number: str) -> str:
    """``"6."``, ``"6"`` and ``" 6 "`` are one item; ``"6a"`` and ``"6A"`` too."""
    return number.strip().rstrip(".").lower()
