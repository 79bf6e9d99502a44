"""How minutes name their own numbering: the word some councils print before a minute's
number ("Min 45/19", "Minute 12/24", Welsh "Cofnod 7")."""

from __future__ import annotations

from ._phrases import one_of

MINUTE_NUMBER_WORDS = ("Min(?:ute)?s?\\.?", "Cofnod")
MINUTE_NUMBER_PREFIX = one_of(MINUTE_NUMBER_WORDS)
