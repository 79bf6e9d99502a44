"""Dates and times as UK papers print them, and the numbers that only look like them."""

from __future__ import annotations

import datetime as dt

import pytest

from councildocs import parse
from councildocs.dates import find_time, parse_date


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
