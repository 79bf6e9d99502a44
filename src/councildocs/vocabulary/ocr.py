"""Misreadings OCR makes of council wording, corrected only where the wording makes it safe.

Tesseract reads the "ll" of "Cllr" as "li", "Il" or "I1" often enough that minutes lose
their members' titles. "Clir" is no word, so before a capitalised name (a title's place)
it can only be "Cllr"; elsewhere OCR text is left as the engine read it.
"""

from __future__ import annotations

from ..patterns import compiled

# "C" then two of the glyphs an "l" is misread as, then "r": "Clir", "CIlr", "Cl1r", "Cilr"
_MISREAD_CLLR = compiled(r"\bC(?!ll)[lIi1|!]{2}r(?P<plural>s?)(?P<stop>\.?)(?=\s+\p{Lu})")


def correct_misreadings(text: str) -> str:
    """``text`` (one OCR line) with the safe corrections made: "Clir Smith" is "Cllr Smith"."""
    return _MISREAD_CLLR.sub(lambda m: f"Cllr{m['plural']}{m['stop']}", text)
