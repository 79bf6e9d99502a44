"""Dates and times as UK (and US) councils print them; shared by parsers and rules."""

from __future__ import annotations

import datetime as dt

from .patterns import compiled
from .vocabulary.grammar import WEEKDAY

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = rf"(?:{WEEKDAY},?\s+)?"
DATE_PATTERN = compiled(
    rf"""(?ix)
    (?P<dmy>{_WEEKDAY}(?P<dmy_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmy_month>{_MONTH}),?\s+
        (?P<dmy_year>\d{{4}}))
    | (?P<mdy>{_WEEKDAY}(?P<mdy_month>{_MONTH})\.?\s+(?P<mdy_day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+
        (?P<mdy_year>\d{{4}}))
    | (?P<numeric>\b\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})\b)
    """
)
# a time, not a piece of a dotted number: "07.17" in the minute reference "07.17.02" is none
TIME_PATTERN = compiled(
    r"(?i)(?<![\d.:])\b(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
    r"|\d{1,2}[.:]\d{2}(?!\d)(?![.:]\d))"
)


def parse_date(text: str) -> dt.date | None:
    """A date as UK councils print it ("Thursday, 30th January, 2025", "12.06.2018"), or
    None where the numbers make no date (30 February)."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    if match["numeric"]:
        if "." in match["numeric"]:
            return _day_first(match["numeric"])
        return _slashed(match["numeric"])
    form = "dmy" if match["dmy"] else "mdy"
    month = _MONTH_NUMBERS[match[f"{form}_month"][:3].lower()]
    return _date(int(match[f"{form}_year"]), month, int(match[f"{form}_day"]))


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}


def _slashed(numeric: str) -> dt.date | None:
    """A slashed date: day first as UK papers print it ("12/06/2018"), month first where
    the second number cannot be a month (a US clerk's "01/27/2020"); a two-digit year is
    the one within fifty years of today (dateutil's reading, which this replaces)."""
    first_text, second_text, year_text = numeric.split("/")
    first, second, year = int(first_text), int(second_text), int(year_text)
    if first > 31:
        return None
    day, month = (first, second) if first > 12 or second <= 12 else (second, first)
    if len(year_text) == 2:
        this_year = dt.date.today().year
        year += this_year // 100 * 100
        if year >= this_year + 50:
            year -= 100
        elif year < this_year - 50:
            year += 100
    return _date(year, month, day)


def _day_first(numeric: str) -> dt.date | None:
    """A dotted date is day, month, year as UK papers print it ("12.06.2018", "4.3.25"),
    or no date: parish minutes number their items "07.17.02" (month, year, item), which
    read month-first would be a date that nobody printed."""
    day, month, year = (int(part) for part in _SEPARATOR.split(numeric))
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_SEPARATOR = compiled(r"[./]")


def find_time(text: str) -> str | None:
    match = TIME_PATTERN.search(text)
    return " ".join(match.group(1).split()) if match else None


def parse_ddmmyyyy(digits: str) -> dt.date | None:
    """The date in a sign-off code such as SB/18052018/X (DDMMYYYY, or DDMMYY)."""
    try:
        if len(digits) == 8:
            return dt.date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        return dt.date(2000 + int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None
