"""A report is dated for the meeting it is in the pack of.

A report's cover names the meeting it goes to. A different date means the report was
carried over from another meeting without being updated, or is in the wrong pack. Checked
when both the pack's meeting date and the report's are known.

**Anti-pattern**

    Agenda: Adults and Safer City Scrutiny Panel, Tuesday 12 June 2018
    Report cover: Adults and Safer City Scrutiny Panel 19 September 2017

**Best practice**

    Agenda: Adults and Safer City Scrutiny Panel, Tuesday 12 June 2018
    Report cover: Adults and Safer City Scrutiny Panel 12 June 2018
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack, ReportDocument
from ._presence import first_page
from ._support import Hit

CODE = "REP002"
NAME = "report-meeting-date"
SEVERITY = "error"
READS = "report"


def check(report: ReportDocument, pack: Pack) -> Iterator[Hit]:
    stated, expected = report.metadata.meeting.date, pack.meeting.date
    if stated is None or expected is None or stated == expected:
        return
    body = report.metadata.meeting.body or ""
    yield Hit(
        f"the report is dated for a meeting on {stated:%d %B %Y}, "
        f"but the pack is for the meeting on {expected:%d %B %Y}",
        first_page(report),
        f"{body} {stated:%d %B %Y}".strip(),
    )
