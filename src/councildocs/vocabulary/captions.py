"""Words that open a caption: what a figure or table is called when it is numbered.

Layout reads a caption from its shape (the word, a number, then a title or nothing); the
words are the only council wording in it, so they live here.
"""

from __future__ import annotations

from ..patterns import compiled
from ._phrases import one_of

CAPTION_WORDS = (
    "Table",
    "Figure",
    r"Fig\.",
    "Chart",
    "Graph",
    "Map",
    "Diagram",
    "Plate",
    "Image",
    "Tabl",  # Welsh: table
    "Ffigur",  # Welsh: figure
    "Siart",  # Welsh: chart
)

# "Table 3: Crime by type", "Figure 2.1", "Chart 4 – ..."
CAPTION = compiled(
    "^" + one_of(CAPTION_WORDS) + r"\s+\d{1,3}[A-Za-z]?(?:\.\d{1,3})*\s*(?:[:.–—-]\s*\S|$)"
)
