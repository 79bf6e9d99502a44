"""List markers and numbering grammars: how a line shows that it starts an item.

These are structure, not wording: "5.", "1.1", "(a)", "ii)", "•" and "Min 45/19" number
or mark items in every council's papers. ``depth`` is the numbering's own depth (1.1.2 is
3), which ranks numbered headings; list nesting comes from indentation instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import regex

from ..patterns import compiled


class MarkerFamily(StrEnum):
    bullet = "bullet"
    number = "number"  # 5  5.  5)  (5)  1.1  19.09.01
    letter = "letter"  # (a)  a)  a.  A)   ("A." is left out: it opens "J. Smith said")
    roman = "roman"  # (i)  ii)  iv.
    minute = "minute"  # Min 45/19


_MARKER = compiled(
    r"""^(?:
        (?P<bullet>[•▪■□➢❖✓→◦○●·♦◆]|[\-–—*o](?=\s))
      | (?P<minute>Min(?:ute)?s?\.?\s*\d{1,4}(?:/\d{1,4})+)
      | (?P<number>\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)]?|\(\d{1,3}\))(?=\s|$)
      | (?P<roman>\((?:[ivx]{1,5}|[IVX]{1,5})\)|(?:[ivx]{1,5}|[IVX]{2,5})[.)])(?=\s|$)
      | (?P<letter>\([a-zA-Z]\)|[a-z][.)]|[A-Z]\))(?=\s|$)
    )""",
    regex.VERBOSE,
)
# "12 June 2018" opens with a number, but a date numbers nothing
_DATE = compiled(r"^\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+\d{4}\b")


@dataclass(slots=True, frozen=True)
class Marker:
    text: str  # as printed
    family: MarkerFamily
    depth: int  # the numbering's depth: "1.1" is 2, "(a)" and "•" are 1

    @property
    def dotted(self) -> bool:
        """A plain or dotted number ("5", "5.", "1.1"): the numbering headings use."""
        return self.family is MarkerFamily.number and not self.text.endswith(")")


def find_marker(text: str) -> Marker | None:
    match = _MARKER.match(text)
    if match is None:
        return None
    family = MarkerFamily[match.lastgroup]  # the pattern's groups bear the families' names
    printed = match.group()
    if family is MarkerFamily.number and printed.isdigit() and _DATE.match(text):
        return None
    depth = printed.rstrip(".").count(".") + 1 if family is MarkerFamily.number else 1
    return Marker(printed, family, depth)
