"""A report sets out its financial, legal and equalities implications.

Councils' report templates require these so that members decide knowing the cost, the
legal basis and the effect on people with protected characteristics (Equality Act 2010,
s.149). "There are no financial implications" counts: the section is there. Passes for each
kind when an implication of that kind was parsed or its heading (or Bristol's "Finance
Advice", "Legal Advice", an Equality Impact Assessment) appears in the report.

**Anti-pattern**

    8.0 Financial implications ...
    9.0 Legal implications ...
    (no equalities section)

**Best practice**

    8.0 Financial implications
    9.0 Legal implications
    10.0 Equalities implications
"""

from __future__ import annotations

from collections.abc import Iterator

from ..models import ImplicationKind, Pack, ReportDocument
from ..vocabulary import implications as words
from ._presence import first_page, is_report_proper, says
from ._support import Hit

CODE = "REP004"
NAME = "report-implications"
SEVERITY = "warning"
READS = "report"

HEADINGS = {
    ImplicationKind.financial: words.FINANCIAL_MENTION,
    ImplicationKind.legal: words.LEGAL_MENTION,
    ImplicationKind.equalities: words.EQUALITIES_MENTION,
}


def check(report: ReportDocument, _pack: Pack) -> Iterator[Hit]:
    if not is_report_proper(report):
        return
    parsed = {i.kind for i in report.implications}
    missing = [
        kind.value
        for kind, pattern in HEADINGS.items()
        if kind not in parsed and not says(report, pattern)
    ]
    if missing:
        yield Hit(
            f"the report has no section on its {' or '.join(missing)} implications",
            first_page(report),
            report.title,
        )
