"""A person has one role across the pack.

The agenda names the presenter of each item with a role, each report its accountable
director and employees with theirs, and the minutes of this meeting the officers in
attendance with theirs. The same person as "Head of Community Safety" in one place and
"Director of Community Safety" in another means one of them is out of date or wrong. A
person is the same when the surname and first initial agree (a full first name must
agree with a full first name); two roles are the same when one holds every word of the
other ("Interim Corporate Director Finance" is "Corporate Director of Finance"). Only
roles that read as job titles are compared, and minutes of an earlier meeting are left
out: a role may have changed since.

**Anti-pattern**

    agenda item 6:      Karen Samuels, Head of Community Safety
    report, page 17:    Accountable employee: Karen Samuels, Director of Community Safety

**Best practice**

    agenda item 6:      Karen Samuels, Head of Community Safety
    report, page 17:    Accountable employee: Karen Samuels, Head of Community Safety
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..models import MinutesDocument, Pack, ReportDocument
from ..patterns import compiled
from ..vocabulary.money import FUNCTION_WORDS
from ..vocabulary.people import HONORIFIC, JOB_WORD, POST_NOMINAL
from ._support import Hit, page_of

CODE = "CON006"
NAME = "role-stated-twice"
SEVERITY = "warning"
READS = "pack"
PREVIEW = True

_WORD = compiled(r"[\p{L}\d'’]+")


@dataclass(frozen=True)
class Stated:
    name: str
    role: str
    where: str
    page: int | None
    document: int | None


def _person(name: str) -> tuple[str, str, str] | None:
    """(first initial, given name or "", surname) of a name, None if it is not one."""
    name = HONORIFIC.sub("", " ".join(name.split()))
    words = [w.strip(".,") for w in name.split() if not POST_NOMINAL.match(w.strip(".,"))]
    words = [w for w in words if w]
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return None
    given = words[0] if len(words[0]) > 1 else ""
    return words[0][0].lower(), given.lower(), words[-1].lower()


def _same_person(a: tuple[str, str, str], b: tuple[str, str, str]) -> bool:
    if a[0] != b[0] or a[2] != b[2]:
        return False
    return not (a[1] and b[1]) or a[1] == b[1]


def _role_words(role: str) -> frozenset[str]:
    role = role.replace("&", " and ")
    return frozenset(w.lower() for w in _WORD.findall(role) if w.lower() not in FUNCTION_WORDS)


def _same_role(a: str, b: str) -> bool:
    first, second = _role_words(a), _role_words(b)
    return first <= second or second <= first


def _stated(pack: Pack) -> Iterator[Stated]:
    agenda = next((i for i, d in enumerate(pack.documents) if d.kind == "agenda"), None)
    for item in pack.agenda.items:
        if item.presenter and item.presenter.role:
            physical = item.provenance.page if item.provenance else None
            page = page_of(pack.documents[agenda], physical) if agenda is not None else physical
            yield Stated(
                item.presenter.name, item.presenter.role, f"agenda item {item.number}", page, agenda
            )
    minutes = [d for d in pack.documents if isinstance(d, MinutesDocument)]
    for index, document in enumerate(pack.documents):
        start = document.pages.start if document.pages else None
        where = (
            f"document {index + 1} ({document.title})"
            if document.title
            else f"document {index + 1}"
        )
        if isinstance(document, ReportDocument):
            meta = document.metadata
            people = [meta.accountable_director] if meta.accountable_director else []
            people += list(meta.accountable_employees)
            for person in people:
                if person.role:
                    yield Stated(person.name, person.role, where, start, index)
        elif isinstance(document, MinutesDocument):
            this_meeting = (
                document.date == pack.meeting.date
                if pack.meeting.date and document.date
                else len(minutes) == 1
            )
            if not this_meeting:
                continue
            attendance = document.attendance
            for person in [*attendance.in_attendance, *attendance.members, *attendance.substitutes]:
                if person.role:
                    yield Stated(person.name, person.role, where, start, index)


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    seen: list[tuple[tuple[str, str, str], Stated]] = []
    reported: set[tuple[str, str]] = set()
    for stated in _stated(pack):
        person = _person(stated.name)
        if person is None or not JOB_WORD.search(stated.role):
            continue
        for other_person, other in seen:
            if not _same_person(person, other_person) or _same_role(stated.role, other.role):
                continue
            key = (person[2], " / ".join(sorted((stated.role.lower(), other.role.lower()))))
            if key in reported:
                continue
            reported.add(key)
            yield Hit(
                f"{stated.name} is '{stated.role}' here but {other.name} is "
                f"'{other.role}' in {other.where}",
                stated.page,
                f"{stated.name}, {stated.role}",
                stated.document,
            )
        seen.append((person, stated))
