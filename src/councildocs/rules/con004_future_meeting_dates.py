"""A date the minutes give for a future meeting of the body is one its work programme lists.

Minutes often fix business for a later meeting ("a final draft ... at the panel meeting on
27 September 2018"). When the pack also holds the body's work programme, that date should
be one of its meeting dates; otherwise either the minutes or the programme is wrong, and
the item may never reach an agenda. Only dates after the minuted meeting, in a sentence
about a meeting of the body itself (the panel, committee, board, cabinet or commission the
minutes are of), and within the span of the programme's dates, are checked.

**Anti-pattern**

    Minutes:           ... at the panel meeting on 27 September 2018.
    Work programme:    12.06.2018 · 25.09.2018 · 27.11.2018 · 29.01.2019 · 26.03.2019

**Best practice**

    Minutes:           ... the date of panel meeting on 25 September 2018 ...
    Work programme:    12.06.2018 · 25.09.2018 · 27.11.2018
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import regex

from ..dates import DATE_PATTERN, parse_date
from ..models import MinutesDocument, Pack, WorkProgrammeDocument
from ..patterns import compiled
from ._support import Hit, passages, sentences

CODE = "CON004"
NAME = "future-meeting-dates"
SEVERITY = "warning"
READS = "minutes"

BODY_NOUNS = ("panel", "committee", "sub-committee", "board", "cabinet", "commission")
_NUMERIC_DATE = compiled(r"\b\d{1,2}[./]\d{1,2}[./]\d{4}\b")


def _body_noun(minutes: MinutesDocument, pack: Pack) -> set[str]:
    body = (minutes.body or pack.meeting.body or "").lower()
    named = {noun for noun in BODY_NOUNS if regex.search(rf"\b{noun}\b", body)}
    return named or set(BODY_NOUNS)


def _programme_dates(programme: WorkProgrammeDocument) -> list[dt.date]:
    dates = [m.date for m in programme.meetings if m.date]
    if not dates:  # the programme's table not parsed: its meeting dates, as printed
        for passage in passages(programme):
            dates += [
                d for m in _NUMERIC_DATE.finditer(passage.text) if (d := parse_date(m.group()))
            ]
    return sorted(set(dates))


def _minutes_date(minutes: MinutesDocument) -> dt.date | None:
    if minutes.date:
        return minutes.date
    for passage in passages(minutes)[:5]:
        if regex.search(r"\bminutes\b", passage.text, regex.I) and (d := parse_date(passage.text)):
            return d
    return None


def check(minutes: MinutesDocument, pack: Pack) -> Iterator[Hit]:
    programmes = [d for d in pack.documents if isinstance(d, WorkProgrammeDocument)]
    listed = sorted({d for p in programmes for d in _programme_dates(p)})
    held_on = _minutes_date(minutes)
    if not listed or held_on is None:
        return
    nouns = "|".join(regex.escape(n) for n in _body_noun(minutes, pack))
    about_body = compiled(
        rf"\b(?:{nouns})(?:'s)?\s+meeting\b|\bmeeting\s+of\s+(?:the|this)\s+(?:{nouns})\b", regex.I
    )
    for passage in passages(minutes):
        for sentence in sentences(passage.text):
            mention = about_body.search(sentence)
            if not mention:
                continue
            for match in DATE_PATTERN.finditer(sentence, pos=mention.start()):
                date = parse_date(match.group())
                if date is None or date <= held_on or date in listed:
                    continue
                if not (listed[0] <= date <= listed[-1] + dt.timedelta(days=31)):
                    continue
                nearest = min(listed, key=lambda d: abs((d - date).days))
                noun = next(n for n in BODY_NOUNS if n in mention.group().lower())
                yield Hit(
                    f"the minutes give {date:%d %B %Y} for a meeting of the "
                    f"{noun}, but the work programme lists no "
                    f"meeting that day (nearest: {nearest:%d %B %Y})",
                    passage.page,
                    sentence,
                )
