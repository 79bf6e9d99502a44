"""Score a parsed Pack against an expectation a person wrote by reading the document.

Each family (see README.md) scores 0..1 for one expected document; matching is lenient
where print and data legitimately differ (case, honorifics, a date printed in words and
stored as ISO, a title's trailing punctuation) and strict about content.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex
from dateutil import parser as dateparser
from rapidfuzz import fuzz

# What a person writes that the data rightly leaves out of a name: honorifics and the
# parenthesised roles some minutes print after it ("Linda Leach (Chair)").
_HONORIFICS = (
    "county councillor",
    "councillors",
    "councillor",
    "cllrs",
    "cllr",
    "y cynghorydd",
    "cyng",
    "vice mayor",
    "mayor",
    "council member",
    "councilmember",
    "commissioner",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "rev",
    "revd",
    "sir",
    "dame",
    "lord",
    "lady",
)
_HONORIFIC = regex.compile(r"^(?:(?:" + "|".join(_HONORIFICS) + r")\.?\s+)+", regex.I)
_BRACKETS = regex.compile(r"\([^)]*\)")
_NOT_WORD = regex.compile(r"[^\p{L}\p{N}]+")
_NUMBER_PARTS = regex.compile(r"\d+[a-z]?|^[a-z](?=\W|$)", regex.I)


def normalise(text: str | None) -> str:
    return _NOT_WORD.sub(" ", (text or "").lower()).strip()


def normalise_name(name: str) -> str:
    name = _BRACKETS.sub(" ", name)
    name = regex.split(r"\s[–—-]\s|,", name)[0]
    return normalise(_HONORIFIC.sub("", name.strip()))


def normalise_number(number: str | None) -> str | None:
    """The numbering's digits ("Min 45/19" and "45/19" are one number; "5." is "5")."""
    if not number:
        return None
    parts = _NUMBER_PARTS.findall(number.strip().lower())
    return ".".join(parts) or normalise(number) or None


def similarity(a: str | None, b: str | None) -> float:
    a, b = normalise(a), normalise(b)
    if not a or not b:
        return 0.0
    return fuzz.token_sort_ratio(a, b) / 100


def names_match(expected: str, found: str) -> bool:
    a, b = normalise_name(expected), normalise_name(found)
    if not a or not b:
        return False
    if a == b or fuzz.ratio(a, b) >= 88:
        return True
    # "R C Love" against "Richard Love": the same surname and compatible initials
    ta, tb = a.split(), b.split()
    return ta[-1] == tb[-1] and ta[0][:1] == tb[0][:1] and min(len(ta[0]), len(tb[0])) == 1


def f1(matched: float, expected: int, found: int) -> float:
    if expected == 0 and found == 0:
        return 1.0
    if expected == 0 or found == 0:
        return 0.0
    precision, recall = matched / found, matched / expected
    return 0.0 if matched == 0 else 2 * precision * recall / (precision + recall)


def closeness(expected: int, found: int) -> float:
    if expected == found:
        return 1.0
    return 1 - abs(expected - found) / max(expected, found)


def greedy_pairs(expected: list, found: list, score) -> list[tuple[int, int, float]]:
    """Pairs (i, j, credit) matching each expected to at most one found, best first."""
    candidates = []
    for i, e in enumerate(expected):
        for j, f in enumerate(found):
            credit = score(e, f)
            if credit > 0:
                candidates.append((credit, i, j))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_e, used_f, pairs = set(), set(), []
    for credit, i, j in candidates:
        if i in used_e or j in used_f:
            continue
        used_e.add(i)
        used_f.add(j)
        pairs.append((i, j, credit))
    return pairs


# --- families ----------------------------------------------------------------------------


def _item_credit(expected: dict, found: dict) -> float:
    """1 for the right item with its title, 0.5 for the right number with a title off."""
    title = similarity(expected.get("title"), found.get("title"))
    if title >= 0.8:
        return 1.0
    number_e = normalise_number(expected.get("number"))
    number_f = normalise_number(found.get("number"))
    if number_e and number_e == number_f:
        return 0.5 + 0.001 * title  # prefer the closer title among same-numbered items
    return 0.0


def score_items(expected: list[dict], found: list[dict]) -> tuple[float, list]:
    pairs = greedy_pairs(expected, found, _item_credit)
    credit = sum(1.0 if c >= 1.0 else 0.5 for _, _, c in pairs)
    return f1(credit, len(expected), len(found)), pairs


def score_names(expected: list[str], found: list[str]) -> float:
    pairs = greedy_pairs(expected, found, lambda e, f: 1.0 if names_match(e, f) else 0.0)
    return f1(len(pairs), len(expected), len(found))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)] + [
            k for k in value if isinstance(k, str)
        ]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def _as_date(text: str) -> dt.date | None:
    if not regex.search(r"\d", text) or not regex.search(r"\p{L}{3}|\d[/.-]\d", text):
        return None
    try:
        return dateparser.parse(text, dayfirst=True, fuzzy=True).date()
    except (ValueError, OverflowError, TypeError):
        return None


def value_found(value: str, haystack: list[str]) -> bool:
    target = normalise(value)
    if not target:
        return True
    when = _as_date(value)
    for candidate in haystack:
        text = normalise(candidate)
        if not text:
            continue
        if text == target or fuzz.ratio(text, target) >= 85:
            return True
        # a value stored in parts (a name and its role) or inside a longer printed value
        if len(text) >= 4 and (text in target or target in text):
            if min(len(text), len(target)) >= 0.5 * max(len(text), len(target)):
                return True
        if when is not None and candidate[:10] == when.isoformat():
            return True
    return False


def score_header(expected: list[dict], metadata: dict) -> float:
    haystack = _strings(metadata)
    if not expected:
        return 1.0
    return sum(value_found(str(p.get("value", "")), haystack) for p in expected) / len(expected)


def _recommendation_credit(expected: str, found: str) -> float:
    e, f = normalise(expected), normalise(found)
    if not e or not f:
        return 0.0
    head = f[: len(e) + 20]
    return 1.0 if fuzz.partial_ratio(e, head) >= 85 else 0.0


def score_recommendations(expected: list[str], found: list[str]) -> float:
    pairs = greedy_pairs(expected, found, _recommendation_credit)
    return f1(len(pairs), len(expected), len(found))


def score_headings(expected: list[str], found: list[str]) -> float:
    pairs = greedy_pairs(
        expected, found, lambda e, f: 1.0 if similarity(e, _unnumbered(f)) >= 0.85 else 0.0
    )
    return f1(len(pairs), len(expected), len(found))


def _unnumbered(title: str) -> str:
    return regex.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|\([a-z0-9]+\))\s+", "", title or "")


# --- documents ---------------------------------------------------------------------------


@dataclass
class DocumentScore:
    kind: str
    pages: tuple[int, int] | None
    families: dict[str, float] = field(default_factory=dict)


def _overlap(a: tuple[int, int] | None, b: tuple[int, int] | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


def _found_pages(document: dict) -> tuple[int, int] | None:
    span = document.get("physical_pages")
    return (span["start"], span["end"]) if span else None


def match_document(expected: dict, documents: list[dict], taken: set[int]) -> dict | None:
    """The parsed document that is this expected one: same kind and most pages shared,
    else the one sharing most pages (scored, but as the wrong kind)."""
    pages = tuple(expected["pages"]) if expected.get("pages") else None
    best, best_key = None, None
    for index, document in enumerate(documents):
        if index in taken:
            continue
        shared = _overlap(pages, _found_pages(document)) if pages else 1
        if shared == 0:
            continue
        key = (document.get("kind") == expected["kind"], shared)
        if best_key is None or key > best_key:
            best, best_key = index, key
    if best is None:
        return None
    taken.add(best)
    return documents[best]


def score_document(expected: dict, found: dict | None, pack: dict) -> DocumentScore:
    pages = tuple(expected["pages"]) if expected.get("pages") else None
    result = DocumentScore(kind=expected["kind"], pages=pages)
    families = result.families
    right_kind = found is not None and found.get("kind") == expected["kind"]
    families["kind"] = 1.0 if right_kind else 0.0
    found = found if right_kind else {}
    if "items" in expected and expected["kind"] == "agenda":
        items = (pack.get("agenda") or {}).get("items") or []
        families["agenda_items"], pairs = score_items(expected["items"], items)
        with_pages = [(i, j) for i, j, _ in pairs if expected["items"][i].get("pages")]
        if with_pages:
            right = 0
            for i, j in with_pages:
                want, got = expected["items"][i]["pages"], items[j].get("pages") or {}
                right += [got.get("start"), got.get("end")] == [want[0], want[-1]]
            families["agenda_pages"] = right / len(with_pages)
        elif any(item.get("pages") for item in expected["items"]):
            families["agenda_pages"] = 0.0
    if expected["kind"] == "minutes":
        attendance = found.get("attendance") or {}
        if "members" in expected:
            names = [p["name"] for p in attendance.get("members") or []]
            families["members"] = score_names(expected["members"], names)
        if "apologies" in expected:
            names = [p["name"] for p in attendance.get("apologies") or []]
            families["apologies"] = score_names(expected["apologies"] or [], names)
        if "items" in expected:
            items = found.get("items") or []
            families["minute_items"], pairs = score_items(expected["items"], items)
            # an item not found has its decisions missed too
            counted = [(i, j) for i, j, _ in pairs if "decisions" in expected["items"][i]]
            with_counts = [item for item in expected["items"] if "decisions" in item]
            if with_counts:
                families["decisions"] = sum(
                    closeness(
                        expected["items"][i]["decisions"], len(items[j].get("resolutions") or [])
                    )
                    for i, j in counted
                ) / len(with_counts)
    if expected["kind"] == "report":
        if "header" in expected:
            families["header"] = score_header(expected["header"] or [], found.get("metadata") or {})
        if "recommendations" in expected:
            texts = [r["text"] for r in found.get("recommendations") or []]
            families["recommendations"] = score_recommendations(
                expected["recommendations"] or [], texts
            )
    if "headings" in expected:
        titles = [s["title"] for s in found.get("sections") or []]
        families["headings"] = score_headings(expected["headings"] or [], titles)
    if "tables" in expected:
        families["tables"] = closeness(int(expected["tables"]), len(found.get("tables") or []))
    return result


def score_pack(expectation: dict, pack: dict) -> list[DocumentScore]:
    documents = pack.get("documents") or []
    taken: set[int] = set()
    return [
        score_document(expected, match_document(expected, documents, taken), pack)
        for expected in expectation["documents"]
    ]
