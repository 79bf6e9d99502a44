"""One portfolio has one cabinet member across the pack.

Each report names the cabinet member with lead responsibility and their portfolio. Two
reports in one pack naming different councillors for the same portfolio means one of them
is out of date (portfolios change after the annual meeting) or wrong. Portfolios are
compared without "Cabinet Member for" and case.

**Anti-pattern**

    Modern Slavery Update:   Councillor Hazel Malcolm, Public Health and Wellbeing
    Community Safety update: Councillor Paul Sweet, Cabinet Member for Public Health and Wellbeing

**Best practice**

    both reports:            Councillor Hazel Malcolm, Public Health and Wellbeing
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Pack, ReportDocument
from ..patterns import compiled
from ..vocabulary.people import MEMBER_TITLE, PORTFOLIO_TITLE
from ._support import Hit

CODE = "CON002"
NAME = "portfolio-holder"
SEVERITY = "error"
READS = "pack"

_HONORIFIC = compiled(rf"^{MEMBER_TITLE}\.?\s+", regex.I)


def _portfolio(text: str) -> str:
    text = PORTFOLIO_TITLE.sub("", " ".join(text.split()))
    return regex.sub(r"\s*&\s*", " and ", text).lower()


def _person(name: str) -> str:
    return _HONORIFIC.sub("", " ".join(name.split())).lower()


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    holders: dict[str, tuple[str, int]] = {}
    for index, document in enumerate(pack.documents):
        if not isinstance(document, ReportDocument):
            continue
        meta = document.metadata
        members = list(meta.cabinet_members) or (
            [meta.cabinet_member] if meta.cabinet_member else []
        )
        for member in members:
            if not member.portfolio:
                continue
            portfolio = _portfolio(member.portfolio)
            first = holders.setdefault(portfolio, (member.name, index))
            if _person(first[0]) != _person(member.name):
                yield Hit(
                    f"portfolio '{member.portfolio}' has {member.name} as cabinet member here, "
                    f"but {first[0]} in document {first[1] + 1} ({pack.documents[first[1]].title})",
                    document.pages.start if document.pages else None,
                    f"{member.name}, {member.portfolio}",
                    index,
                )
