"""A report states its own title.

The agenda names an item, but the report itself must say what it is (Wolverhampton's
"Report title", Kent's "Subject:", Bristol's "TITLE:"), so that a copy read on its own, or
found by search, can be identified. Passes when the report parser read a title, or the
report carries one of those labels.

**Anti-pattern**

    Adults and Safer City Scrutiny Panel
    12 June 2018
    Cabinet member with lead responsibility ...

**Best practice**

    Adults and Safer City Scrutiny Panel
    12 June 2018
    Report title Modern Slavery Update
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import Pack, ReportDocument
from ..vocabulary.labels import REPORT_TITLE_MENTION
from ._presence import first_page, is_report_proper, says
from ._support import Hit

CODE = "REP001"
NAME = "report-title"
SEVERITY = "error"
READS = "report"

LABEL = REPORT_TITLE_MENTION


def check(report: ReportDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_report_proper(report):
        return
    if report.metadata.title or says(report, LABEL):
        return
    yield Hit("the report does not state its title", first_page(report), report.title)
