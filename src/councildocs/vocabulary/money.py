"""How papers print sums of money and totals: the scale words after a figure ("£1.6m",
"£1.6 million", "£500k", "£2bn"), the unit notes over a table ("£000", "£'000", "£k",
"£m") and the labels of a total row or column ("Total", "Grand total", "Sub-total",
Welsh "Cyfanswm")."""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

CURRENCY_SIGNS = ("£", "€", "$")
CURRENCY_SIGN = one_of(regex.escape(sign) for sign in CURRENCY_SIGNS)

#: a scale written after a figure, each with what it multiplies by; a longer word goes
#: before the shorter one it starts with
SCALE_WORDS: dict[str, float] = {
    "billion": 1e9,
    "bn": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}
#: a table's unit note: "£000", "£'000", "£000s", "£k", "£m", "£bn"
TABLE_SCALE_WORDS: dict[str, float] = {
    **SCALE_WORDS,
    "'000s": 1e3,
    "’000s": 1e3,
    "'000": 1e3,
    "’000": 1e3,
    "000s": 1e3,
    "000": 1e3,
}
SCALE = one_of(regex.escape(word) for word in SCALE_WORDS)
TABLE_SCALE = one_of(regex.escape(word) for word in TABLE_SCALE_WORDS)

#: the label of a row or column that adds up the ones before it
TOTAL_LABELS = ("grand total", "sub-total", "subtotal", "sub total", "total", "cyfanswm")
TOTAL_LABEL = compiled(rf"^\W*{one_of(TOTAL_LABELS)}\b", regex.I)
#: "Net total", "2024/25 Total", "Total Spend": a total word anywhere in a short label
TOTAL_WORD = compiled(rf"\b{one_of(TOTAL_LABELS)}\b", regex.I)
#: a total's label that says it is not the plain sum of the rows above ("Total as a % of
#: budget", "Running total", "Rolling 12-month total", "Total change")
NOT_A_SUM = compiled(
    r"%|\bper\s?cent|\baverage\b|\bmean\b|\brunning\b|\brolling\b|\bcumulative\b"
    r"|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|\brate\b|\bratio\b|\bcapacity\b",
    regex.I,
)
#: the header of a column of row numbers or references, which are not figures to add
REFERENCE_HEADERS = ("row ref(?:erence)?", "ref(?:erence)?", "no", "number", "#", "item", "line")
REFERENCE_HEADER = compiled(rf"^{one_of(REFERENCE_HEADERS)}\.?$", regex.I)

#: the words between a named quantity and its sum: "the Community Safety Fund of £50,000",
#: "the total cost is estimated at £1.6m", "a budget totalling £2m"
AMOUNT_LEAD_INS = (
    "amounting to",
    "totalling",
    "totaling",
    "totals",
    "totalled",
    "stands at",
    "estimated at",
    "valued at",
    "is estimated to be",
    "is expected to be",
    "is forecast to be",
    "of up to",
    "of",
    "is",
    "was",
    "are",
    "were",
    "will be",
    "has been",
    "at",
    "costing",
    "worth",
)
#: a hedge before the sum, which leaves the quantity the same ("of approximately £2m")
AMOUNT_HEDGES = ("approximately", "around", "about", "circa", "c\\.", "some", "nearly", "almost")
AMOUNT_LEAD_IN = compiled(
    rf"\s(?:{one_of(AMOUNT_LEAD_INS)}\s+)+(?:{one_of(AMOUNT_HEDGES)}\s+)?$", regex.I
)
#: words that open a noun phrase or join it to the sentence, not part of what it names
FUNCTION_WORDS = frozenset(
    "the a an this that these those its their our his her which who whose and or but also "
    "there here for to in on by with from as it be been being has have had was were is are "
    "will would should could may might can of note".split()
)
