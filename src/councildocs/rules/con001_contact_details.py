"""One person's contact details agree across the pack.

A reader who copies an e-mail address from one report must reach the same person as from
another. The rule compares the contacts the report parser read (name → e-mail, telephone)
across documents, and, in all text, e-mail addresses on one domain that are one or two
letters apart where one of them spells the name of a person named in the pack: the other
is then very likely a typing error. Case is ignored (mail systems ignore it).

**Anti-pattern**

    Modern Slavery Update:      Karen Samuels ... Karen.ssamuels@wolverhampton.gov.uk
    Community Safety update:    Karen Samuels ... Karen.samuels@wolverhampton.gov.uk

**Best practice**

    both reports:               Karen Samuels ... Karen.samuels@wolverhampton.gov.uk
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from rapidfuzz.distance import Levenshtein

from ..models import Pack, ReportDocument
from ..patterns import compiled
from ..vocabulary.grammar import EMAIL_WITH_APOSTROPHE
from ._support import Hit, all_passages_with_index, document_text

CODE = "CON001"
NAME = "contact-details"
SEVERITY = "warning"
READS = "pack"

_PERSON = compiled(r"\b(\p{Lu}\p{Ll}+)\s+(?:\p{Lu}\.?\s+)?(\p{Lu}[\p{Ll}'-]+(?:-\p{Lu}\p{Ll}+)?)\b")


def _letters(text: str) -> str:
    return regex.sub(r"[^\p{L}]", "", text).lower()


def _name_spellings(pack: Pack) -> set[str]:
    """How a person named in the pack would be spelt in an address: "karensamuels", "ksamuels"."""
    spellings: set[str] = set()
    for document in pack.documents:
        for first, last in _PERSON.findall(document_text(document)):
            spellings.add(_letters(first + last))
            spellings.add(_letters(first[0] + last))
    return spellings


def _structured(pack: Pack) -> Iterator[Hit]:
    """Each contact's details as the reports give them; where two disagree, the odd one.

    Of two differing e-mail addresses, the one that does not spell the person's name is
    the suspect; otherwise the later one is reported, against the first.
    """
    given: dict[tuple[str, str], list[tuple[str, str, int]]] = {}
    for index, document in enumerate(pack.documents):
        if not isinstance(document, ReportDocument):
            continue
        for contact in document.metadata.accountable_employees:
            person = " ".join(contact.name.lower().split())
            for field, value in (("e-mail", contact.email), ("telephone", contact.tel)):
                if value:
                    norm = value.lower() if field == "e-mail" else regex.sub(r"\D", "", value)
                    given.setdefault((person, field), []).append((value, norm, index))
    for (person, field), values in given.items():
        first = values[0]
        for value in values[1:]:
            if value[1] == first[1]:
                continue
            suspect, other = value, first
            if field == "e-mail" and _spells(person, value[0]) and not _spells(person, first[0]):
                suspect, other = first, value
            document = pack.documents[suspect[2]]
            name = pack.documents[suspect[2]].metadata.accountable_employees[0].name
            for contact in document.metadata.accountable_employees:
                if " ".join(contact.name.lower().split()) == person:
                    name = contact.name
            yield Hit(
                f"{name}'s {field} is {suspect[0]} here but {other[0]} in "
                f"document {other[2] + 1} ({pack.documents[other[2]].title})",
                document.pages.start if document.pages else None,
                suspect[0],
                suspect[2],
            )


def _spells(person: str, address: str) -> bool:
    """Whether an address's local part spells the person's name ("karen.samuels")."""
    local = _letters(address.partition("@")[0])
    parts = person.split()
    return bool(parts) and local in {
        _letters("".join(parts)),
        _letters(parts[0] + parts[-1]),
        _letters(parts[0][0] + parts[-1]),
    }


def _near_duplicate_addresses(pack: Pack) -> Iterator[Hit]:
    where: dict[str, tuple[str, int, int | None]] = {}
    for index, _document, passage in all_passages_with_index(pack):
        for match in EMAIL_WITH_APOSTROPHE.finditer(passage.text):
            address = match.group().rstrip(".")
            where.setdefault(address.lower(), (address, index, passage.page))
    names = _name_spellings(pack)
    addresses = sorted(where)
    for correct in addresses:
        local, _, domain = correct.partition("@")
        if _letters(local) not in names:
            continue
        for other in addresses:
            other_local, _, other_domain = other.partition("@")
            if other == correct or other_domain != domain or _letters(other_local) in names:
                continue
            if len(_letters(local)) >= 6 and Levenshtein.distance(local, other_local) <= 2:
                printed, index, page = where[other]
                yield Hit(
                    f"e-mail address {printed} looks like a mistyping of {where[correct][0]} "
                    f"(given in document {where[correct][1] + 1}, "
                    f"{pack.documents[where[correct][1]].title})",
                    page,
                    printed,
                    index,
                )


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    structured = list(_structured(pack))
    yield from structured
    reported = {h.quote.lower() for h in structured if h.quote}
    for hit in _near_duplicate_addresses(pack):
        if hit.quote.lower() not in reported:
            yield hit
