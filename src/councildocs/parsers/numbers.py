"""Numbers and periods as council tables print them.

Numbers: thousands separators ("4,256"), "%", "£" with "m"/"k"/"bn" units ("£1.6m"),
explicit signs ("+27.4", "-9.9", "−2.3%"), negatives in brackets ("(0.5)"), and "n/a",
"-" or a blank for no value. The value is the number as printed (``"£1.6m"`` is 1.6 with
unit "£m"), so it always matches the raw text kept beside it.

Money in running text (:func:`find_money`) is read with its scale into currency units:
"£1.6m", "£1.6 million" and "£1,600,000" are all 1,600,000, each with the rounding its
printing implies (100,000; 100,000; 1), so two statements of one sum can be compared.
The scale words are the vocabulary's (``vocabulary.money``).

Periods: "2016-2017", "2017/18", "2020-21", "20-21", "Q3 2024-25", "Nov-24", "2024".
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..patterns import compiled
from ..vocabulary.money import CURRENCY_SIGN, SCALE, SCALE_WORDS, TABLE_SCALE_WORDS

_NULLS = {"", "-", "–", "—", "n/a", "na", "n.a.", "nil", "tbc", "*"}
_NUMBER = compiled(
    r"""(?x)^
    (?P<sign>[+\-−–])?\s*
    (?P<open>\()?\s*
    (?P<sign2>[+\-−–])?\s*
    (?P<currency>£|\$|€)?\s*
    (?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)\s*
    (?P<scale>bn|m|k)?\s*
    (?P<percent>%)?\s*
    (?P<close>\))?
    $"""
)
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
PERIOD = compiled(
    rf"""(?ix)
    (?:Q[1-4]\s*)?(?:19|20)\d{{2}}\s*[-/–]\s*(?:(?:19|20)\d{{2}}|\d{{2}})
    | \b\d{{2}}[-/]\d{{2}}\b
    | \b{_MONTH}[-\s]'?\d{{2}}(?:\d{{2}})?\b
    | \bQ[1-4]\s*(?:19|20)\d{{2}}\b
    | \b(?:19|20)\d{{2}}\b
    """
)


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    value: float | None
    unit: str | None


def parse_number(text: str) -> ParsedNumber | None:
    """The number a cell holds, ``ParsedNumber(None, None)`` for a null, None if not a number."""
    raw = " ".join(text.split())
    if raw.lower() in _NULLS:
        return ParsedNumber(None, None)
    match = _NUMBER.match(raw)
    if not match or bool(match["open"]) != bool(match["close"]):
        return None
    value = float(match["digits"].replace(",", ""))
    signs = (match["sign"] or "") + (match["sign2"] or "")
    if match["open"] or any(s in signs for s in "-−–"):
        value = -value
    unit = None
    if match["percent"]:
        unit = "%"
    elif match["currency"]:
        unit = match["currency"] + (match["scale"] or "")
    elif match["scale"]:
        unit = match["scale"]
    return ParsedNumber(value, unit)


# a piece of a figure that cannot stand alone: it opens or ends on a thousands comma
_COMMA_PIECE = compiled(r"(?<=\d) (?=,\d{3}\b)|(?<=\d,) (?=\d{3}\b)")
# a cell holding digit groups and nothing else but a sign, currency, brackets or "%"
_FIGURE_CELL = compiled(
    r"^(?P<lead>[+\-−–(£$€\s]*)(?P<pieces>[\d,]+(?: [\d,]+)+(?:\.\d+)?)(?P<tail>[%)\s]*)$"
)
_GROUPED = compiled(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_A_DIGIT = compiled(r"\d")


def whole_figures(text: str) -> str:
    """The text with figures a typesetter's spacing split read whole: "201 ,552.7",
    "77, 192", and a cell that is one figure in pieces ("1 59,314", "1,1 1 7,976").

    A thousands comma fixes where the pieces belong: they join only into a figure grouped
    by threes, so two figures side by side ("2024 1,234") stay two.
    """
    if " " not in text:  # both patterns need a space between pieces: most cells have none
        return text
    text = _COMMA_PIECE.sub("", text)
    cell = _FIGURE_CELL.match(text)
    if cell:
        joined = cell["pieces"].replace(" ", "")
        if _GROUPED.fullmatch(joined):
            return f"{cell['lead']}{joined}{cell['tail']}"
    return text


def is_number(text: str) -> bool:
    if not _A_DIGIT.search(text):  # what _NUMBER needs, tried cheaply: most runs are words
        return False
    parsed = parse_number(text)
    return parsed is not None and parsed.value is not None


def is_period(text: str) -> bool:
    """True when the whole label names a period (a year, financial year, quarter, month)."""
    cleaned = " ".join(text.split())
    return bool(cleaned) and PERIOD.fullmatch(cleaned) is not None


def find_unit(text: str) -> str | None:
    """The unit a note like "All figures in £m" or "£s per pupil" declares."""
    match = _UNIT.search(text)
    if not match:
        return None
    if match.group() == "%":
        return "%"
    scale = match.group(1) or ""
    return "£" + ("k" if scale.startswith("000") else "" if scale == "s" else scale)


_UNIT = compiled(r"£\s?(bn|m|k|000s?|s)?\b|%")


#: a sum of money in running text: "£1.6m", "£1.6 million", "£1,600,000", "-£2.8m",
#: "£500k", "£ 12.75m"; not "£5 more" (a scale word is a whole word)
_MONEY = compiled(
    rf"""(?x)
    (?<![\w.,])
    (?P<minus>[-−–]\s?)?
    (?P<currency>{CURRENCY_SIGN})\s?
    (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
    (?![\d,]\d)
    (?:\s?(?P<scale>{SCALE})(?![\p{{L}}\d]))?
    """,
    regex.I,
)


@dataclass(frozen=True, slots=True)
class Money:
    """A sum of money as printed, in currency units: "£1.6m" is 1,600,000, to the nearest
    100,000 (``rounding``, the value of the printed figure's last place)."""

    amount: float
    rounding: float
    currency: str
    printed: str
    start: int
    end: int

    def agrees(self, other: Money) -> bool:
        """Whether the two can be one sum printed at different precisions: "£1.6m" and
        "£1,620,000" agree (rounded), as do "£1.6m" and "£1.68m" (cut to one place)."""
        if self.currency != other.currency:
            return False
        coarse, fine = (self, other) if self.rounding >= other.rounding else (other, self)
        slack = coarse.rounding * 1e-6
        if abs(coarse.amount - fine.amount) <= coarse.rounding / 2 + slack:
            return True
        cut = int(abs(fine.amount) / coarse.rounding + 1e-6) * coarse.rounding
        return abs(cut - abs(coarse.amount)) <= slack and (coarse.amount < 0) == (fine.amount < 0)


def find_money(text: str) -> list[Money]:
    """Every sum of money printed in the text, in order."""
    found = []
    for match in _MONEY.finditer(text):
        digits = match["digits"]
        scale = SCALE_WORDS[match["scale"].lower()] if match["scale"] else 1.0
        places = len(digits.split(".", 1)[1]) if "." in digits else 0
        amount = float(digits.replace(",", "")) * scale
        found.append(
            Money(
                amount=-amount if match["minus"] else amount,
                rounding=10**-places * scale,
                currency=match["currency"],
                printed=match.group().strip(),
                start=match.start(),
                end=match.end(),
            )
        )
    return found


def scale_of(unit: str | None) -> float:
    """What a unit from :func:`parse_number` or :func:`find_unit` multiplies a figure by:
    "£m" 1,000,000, "£k" 1,000, "£" or "%" or none 1."""
    if not unit:
        return 1.0
    return TABLE_SCALE_WORDS.get(unit.lstrip("£$€").lower(), 1.0)
