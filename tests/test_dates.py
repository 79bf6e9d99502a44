"""Dates and times as UK papers print them, and the numbers that only look like them."""

from __future__ import annotations

import datetime as dt

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from councildocs import parse
from councildocs.dates import DATE_PATTERN, find_time, parse_date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Tuesday, 12 June 2018", dt.date(2018, 6, 12)),
        ("12.06.2018", dt.date(2018, 6, 12)),
        ("4.3.25", dt.date(2025, 3, 4)),
        # a US clerk's slashes, month first where day first is no date
        ("01/27/2020", dt.date(2020, 1, 27)),
        # a parish's minute reference (month, year, item) is not a date read month-first
        ("07.17.02 NO to follow up borrowing SID", None),
    ],
)
def test_dates_day_first_and_dotted_references_are_none(text, date):
    assert parse_date(text) == date


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("at 7.30pm in the Village Hall", "7.30pm"),
        ("10.00 am", "10.00 am"),
        ("2.30 p.m.", "2.30 p.m."),
        ("19:00", "19:00"),
        ("07.17.02 NO to follow up", None),
        ("the meeting of 12.06.2018", None),
    ],
)
def test_times_and_not_pieces_of_dotted_numbers(text, time):
    assert find_time(text) == time


def test_a_front_sheet_dated_in_one_column_and_timed_in_the_next(tmp_path):
    """The date line wins over a dotted action reference lower down, and its time is read
    from the line's second column."""
    path = tmp_path / "agenda.txt"
    path.write_text(
        "Brookfield Parish Council\n"
        "14th September 2017          at 7.30pm in the Village Hall\n"
        "Agenda & Summons to Councillors\n"
        "1. To receive apologies for absence\n"
        "2. Clerks Report and Actions from previous meeting\n"
        "07.17.02 NO to follow up borrowing the speed sign from the next parish\n"
        "3. Planning\n"
    )
    meeting = parse(path).meeting
    assert (meeting.date, meeting.time) == (dt.date(2017, 9, 14), "7.30pm")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Thursday, 30th January, 2025", dt.date(2025, 1, 30)),
        ("the 1st of May 2024 at 7pm", dt.date(2024, 5, 1)),
        ("Sept. 5, 2024", dt.date(2024, 9, 5)),
        ("MONDAY 3 JUNE 2024", dt.date(2024, 6, 3)),
        ("12/06/2018", dt.date(2018, 6, 12)),
        ("4/3/25", dt.date(2025, 3, 4)),
        ("31/12/99", dt.date(1999, 12, 31)),
        # printed, but no day of the calendar
        ("30 February 2024", None),
        ("13/13/2018", None),
        ("45/06/18", None),
    ],
)
def test_dates_in_words_and_slashes(text, date):
    assert parse_date(text) == date


_MONTH_NAMES = [
    "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun",
    "June", "Jul", "July", "Aug", "August", "Sep", "Sept", "September", "Oct", "October",
    "Nov", "November", "Dec", "December",
]  # fmt: skip


@given(
    day=st.integers(0, 39),
    month=st.sampled_from(_MONTH_NAMES + [name.upper() for name in _MONTH_NAMES]),
    year=st.integers(1000, 2999),
    suffix=st.sampled_from(["", "st", "nd", "th"]),
    layout=st.sampled_from(
        ["{d}{s} {m} {y}", "Thursday, {d}{s} of {m}, {y}", "{m} {d}{s}, {y}", "Monday {m}. {d} {y}"]
    ),
)
def test_dates_in_words_are_read_as_dateutil_reads_them(day, month, year, suffix, layout):
    """dateutil read these before parse_date did: its reading is the reference."""
    text = layout.format(d=day, s=suffix, m=month, y=year)
    assert parse_date(text) == _dateutil_reading(text)


@given(
    first=st.integers(0, 31),
    second=st.integers(0, 99),
    year=st.sampled_from(["18", "25", "75", "76", "99", "00", "2018", "1999"]),
    padded=st.booleans(),
)
def test_slashed_dates_are_read_as_dateutil_reads_them(first, second, year, padded):
    text = f"{first:02d}/{second:02d}/{year}" if padded else f"{first}/{second}/{year}"
    assert parse_date(text) == _dateutil_reading(text)


def _dateutil_reading(text: str) -> dt.date | None:
    """How parse_date read a date with dateutil: the match, ordinals and "of" taken out."""
    from dateutil import parser as dateparser

    raw = regex.sub(r"(?i)(\d)(st|nd|rd|th)\b", r"\1", DATE_PATTERN.search(text).group())
    try:
        return dateparser.parse(
            regex.sub(r"(?i)\bof\b", " ", raw), dayfirst=True, fuzzy=True
        ).date()
    except (ValueError, OverflowError):
        return None
