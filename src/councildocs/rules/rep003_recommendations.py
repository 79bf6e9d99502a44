"""A report says what the meeting is asked to do.

Members decide on recommendations; a report without them leaves the meeting unsure whether
it is to decide, comment or note. Passes when recommendations were parsed, or the report has
a "Recommendation(s)" heading or says the meeting "is recommended to" / "is asked to".

**Anti-pattern**

    Report title Modern Slavery Update
    1.0 Purpose ...

**Best practice**

    Recommendation(s) for action or decision:
    The scrutiny panel is recommended to:
    1. Comment on progress to develop and implement proposals to tackle modern slavery
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack, ReportDocument
from ..vocabulary.labels import RECOMMENDATIONS_MENTION
from ._presence import first_page, is_report_proper, says
from ._support import Hit

CODE = "REP003"
NAME = "report-recommendations"
SEVERITY = "error"
READS = "report"

MENTION = RECOMMENDATIONS_MENTION


def check(report: ReportDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_report_proper(report):
        return
    if report.recommendations or says(report, MENTION):
        return
    yield Hit("the report makes no recommendations", first_page(report), report.title)
