"""Financial and legal implications carry a sign-off dated before the meeting.

Where a council's template has finance and legal officers sign off a report's implications
with a reference such as ``[SB/18052018/X]`` (initials / date DDMMYYYY / code), each of the
two sections must carry one, dated before the meeting. A sign-off dated on or after the
meeting date was given too late, or the date is mistyped. A missing sign-off is reported
only in packs that use sign-off references, so templates without them are not flagged.

**Anti-pattern**

    9.0 Legal implications
    9.1 The stated actions will ensure the Council complies ...
    [RB/15062018/I]            (the meeting was on 12 June 2018)

**Best practice**

    9.0 Legal implications
    9.1 The stated actions will ensure the Council complies ...
    [RB/15052018/I]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..dates import parse_ddmmyyyy
from ..models import ImplicationKind, Pack, ReportDocument
from ..patterns import compiled
from ..vocabulary.implications import IMPLICATIONS_HEADING
from ._presence import says
from ._support import Hit, passages
from .rep004_implications import HEADINGS

CODE = "REP005"
NAME = "implication-sign-off"
SEVERITY = "error"
READS = "report"

SIGN_OFF = compiled(r"\[(?P<initials>[A-Z]{2,4})/(?P<date>\d{8})/(?P<code>[A-Z0-9]{1,3})\]")
_KIND = {"financial": ImplicationKind.financial, "finance": ImplicationKind.financial}
_CHECKED = (ImplicationKind.financial, ImplicationKind.legal)


def sign_offs(
    report: ReportDocument,
) -> dict[ImplicationKind, list[tuple[str, dt.date | None, int | None]]]:
    """Sign-off references by the implication they close: parsed, or read from the text."""
    found: dict[ImplicationKind, list] = {}
    for implication in report.implications:
        if implication.sign_off:
            page = implication.provenance.page if implication.provenance else None
            found.setdefault(implication.kind, []).append(
                (implication.sign_off.reference, implication.sign_off.date, page)
            )
    current: ImplicationKind | None = None
    for passage in passages(report):
        heading = IMPLICATIONS_HEADING.match(passage.text)
        if heading:
            word = heading.group("kind").lower()
            current = _KIND.get(word) or (ImplicationKind.legal if word == "legal" else None)
        for match in SIGN_OFF.finditer(passage.text):
            if current is None:
                continue
            entry = (match.group(), parse_ddmmyyyy(match.group("date")), passage.page)
            if entry[0] not in {e[0] for e in found.get(current, [])}:
                found.setdefault(current, []).append(entry)
    return found


def _pack_uses_sign_offs(pack: Pack) -> bool:
    return any(isinstance(d, ReportDocument) and sign_offs(d) for d in pack.documents)


def check(report: ReportDocument, pack: Pack) -> Iterator[Hit]:
    meeting = report.metadata.meeting.date or pack.meeting.date
    found = sign_offs(report)
    for kind in _CHECKED:
        for reference, date, page in found.get(kind, []):
            if date is None:
                yield Hit(
                    f"the {kind.value} sign-off {reference} has no valid date", page, reference
                )
            elif meeting and date >= meeting:
                yield Hit(
                    f"the {kind.value} implications were signed off on {date:%d %B %Y}, "
                    f"not before the meeting on {meeting:%d %B %Y}",
                    page,
                    reference,
                )
    if not _pack_uses_sign_offs(pack):
        return
    for kind in _CHECKED:
        if kind not in found and says(report, HEADINGS[kind]):
            yield Hit(
                f"the {kind.value} implications carry no sign-off reference, "
                "though other reports in this pack have them",
                report.pages.start if report.pages else None,
                report.title,
            )
