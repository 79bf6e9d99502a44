"""Dates and times as UK (and US) councils print them; shared by parsers and rules."""

from __future__ import annotations

import datetime as dt

import regex
from dateutil import parser as dateparser

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
DATE_PATTERN = regex.compile(
    rf"""(?ix)
    (?P<dmy>{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}})
    | (?P<mdy>{_WEEKDAY}{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})
    | (?P<numeric>\b\d{{1,2}}[./]\d{{1,2}}[./](?:\d{{4}}|\d{{2}})\b)
    """
)
# a time, not a piece of a dotted number: "07.17" in the minute reference "07.17.02" is none
TIME_PATTERN = regex.compile(
    r"(?i)(?<![\d.:])\b(\d{1,2}(?:[.:]\d{2})?\s*(?:a\.?m\.?|p\.?m\.?)"
    r"|\d{1,2}[.:]\d{2}(?!\d)(?![.:]\d))"
)


def parse_date(text: str) -> dt.date | None:
    """A date as UK councils print it ("Thursday, 30th January, 2025", "12.06.2018")."""
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    if match["numeric"] and "." in match["numeric"]:
        return _day_first(match["numeric"])
    raw = _ORDINAL.sub(r"\1", match.group())
    raw = _OF.sub(" ", raw)
    try:
        return dateparser.parse(raw, dayfirst=True, fuzzy=True).date()
    except (ValueError, OverflowError):
        return None


def _day_first(numeric: str) -> dt.date | None:
    """A dotted date is day, month, year as UK papers print it ("12.06.2018", "4.3.25"),
    or no date: parish minutes number their items "07.17.02" (month, year, item), which
    read month-first would be a date that nobody printed."""
    day, month, year = (int(part) for part in numeric.split("."))
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_time(text: str) -> str | None:
    match = TIME_PATTERN.search(text)
    return " ".join(match.group(1).split()) if match else None


_ORDINAL = regex.compile(r"(?i)(\d)(st|nd|rd|th)\b")
_OF = regex.compile(r"(?i)\bof\b")


def parse_ddmmyyyy(digits: str) -> dt.date | None:
    """The date in a sign-off code such as SB/18052018/X (DDMMYYYY, or DDMMYY)."""
    try:
        if len(digits) == 8:
            return dt.date(int(digits[4:]), int(digits[2:4]), int(digits[:2]))
        return dt.date(2000 + int(digits[4:]), int(digits[2:4]), int(digits[:2]))
    except ValueError:
        return None
