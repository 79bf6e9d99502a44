"""A stated percentage change agrees with the numbers it is stated beside.

"This equates to a 9% increase" in a table row 389 → 423, or "70 assessments ... (21%
increase from 55)", is recomputed from those numbers. It is reported only when it is off
by more than the rounding of its printed precision ("9%" may stand for 8.5-9.99%: rounding
and cutting are both accepted), or points the wrong way, and the finding gives both values.
Read: table rows (the comment beside the figures), and sentences where the old and new
values are explicit: "N ... (P% increase from M)", "from M to N, a P% rise", "up P% from
M", "N1 N2 This equates to a P% increase" (a table row flattened to text), and "X ... This
is a P% upturn ..., equating to D" (a change given as an absolute number). Sums of money
are read with their units ("from £900k to £1.2m" is 900,000 to 1,200,000). A percentage
with no numbers beside it is not checked.

**Anti-pattern**

    Violent crime with a knife or bladed weapon | 191 | 221 | This equates to a 16.5% increase
    (221 / 191 is a 15.7% increase)

**Best practice**

    Robbery | 389 | 423 | This equates to a 9% increase
    (423 / 389 is an 8.7% increase: 9% at whole-number precision)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..models import DocumentBase, Pack
from ..parsers.numbers import find_money
from ..patterns import compiled
from ..vocabulary.money import SCALE
from ._support import NUMBER, Hit, agrees, counts, is_count, passages, sentences, to_float

CODE = "FIG001"
NAME = "percentage-change"
SEVERITY = "error"
READS = "pack"

UP = r"increase|increases|rise|upturn|growth|uplift|up|increased|rose|higher"
DOWN = r"decrease|decreases|reduction|fall|drop|decline|down|downturn|decreased|reduced|fell|lower"
_P = r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)"
_N = r"(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\d%])"
_DIR = rf"(?P<dir>{UP}|{DOWN})"

#: "21% increase from 55", "17% decrease from 90", "a 12% rise on 250"
PCT_FROM = compiled(
    rf"{_P}\s+{_DIR}\s+(?:from|on|compared\s+(?:with|to))\s+(?:the\s+)?" + _N.format(name="old"),
    regex.I,
)
#: "up 12% from 250", "increased by 12% from 250"
DIR_PCT_FROM = compiled(
    rf"\b{_DIR}\s+(?:by\s+)?{_P}\s+(?:from|on)\s+(?:the\s+)?" + _N.format(name="old"), regex.I
)
#: a sum's scale after its figure ("£900k", "£1.2 million"), read by find_money
_SCALE = rf"(?:\s?{SCALE}(?![\p{{L}}\d]))?"
#: "from 250 to 280", "from £900k to £1.2m"
FROM_TO = compiled(
    r"\bfrom\s+(?:£|\$)?"
    + _N.format(name="old")
    + _SCALE
    + r"\s+(?:\w+\s+){0,3}?to\s+(?:£|\$)?"
    + _N.format(name="new"),
    regex.I,
)
PCT_DIR = compiled(rf"{_P}\s+{_DIR}\b", regex.I)
DIR_BY_PCT = compiled(rf"\b{_DIR}\s+(?:by\s+|of\s+)?{_P}", regex.I)
#: "Robbery 389 423 This equates to a 9% increase": a table row flattened to text
ROW = compiled(
    r"^(?:[\p{L}*][\p{L}\s*,'()-]*?\s)?"
    + _N.format(name="old")
    + r"\s+"
    + _N.format(name="new")
    + r"\s+(?:this|which|that)\b",
    regex.I,
)
ANAPHORIC = compiled(
    r"^\s*(?:this|that|which|equat|an?\s|up\b|down\b|increase|decrease|rise|fall)", regex.I
)
#: "... equating to 2541 offences", "an increase of 2,541"
ABSOLUTE = compiled(
    r"\b(?:equating\s+to|equates\s+to|equal\s+to|or)\s+(?:an?\s+\w+\s+of\s+)?"
    + _N.format(name="delta")
    + r"(?!\s?%)",
    regex.I,
)


@dataclass
class Claim:
    stated: str  # the percentage as printed
    up: bool
    old: float
    new: float
    quote: str
    page: int | None


def _value(match: regex.Match, name: str) -> float:
    """The figure a group holds: a sum of money read with its units ("£1.2m" is 1,200,000,
    as "£900,000" is 900,000), else the number as printed."""
    start = match.start(name)
    for money in find_money(match.string):
        if money.start <= start < money.end:
            return money.amount
    return to_float(match.group(name))


def _is_year(printed: str) -> bool:
    return regex.fullmatch(r"(?:19|20)\d\d", printed) is not None


def _is_up(word: str) -> bool:
    return regex.fullmatch(UP, word.lower()) is not None


def _direction(sentence: str):
    return PCT_DIR.search(sentence) or DIR_BY_PCT.search(sentence)


def _claims_in_sentence(sentence: str, previous: str, page: int | None) -> Iterator[Claim]:
    for pattern in (PCT_FROM, DIR_PCT_FROM):
        for m in pattern.finditer(sentence):
            if _is_year(m.group("old")):
                continue  # "up 11% from 2023": a year, not the old value
            old = _value(m, "old")
            before = counts(sentence[: m.start()])
            new_match = regex.match(
                r"\s+to\s+(?:£|\$)?" + _N.format(name="new"), sentence[m.end() :]
            )
            if new_match:
                new = _value(new_match, "new")
            elif before:
                new = to_float(before[-1].group("number"))
            else:
                continue
            yield Claim(m.group("pct"), _is_up(m.group("dir")), old, new, sentence, page)
            return
    row = ROW.match(sentence)
    if row and (d := _direction(sentence)) and len(counts(sentence[row.end() :])) == 0:
        yield Claim(
            d.group("pct"),
            _is_up(d.group("dir")),
            to_float(row.group("old")),
            to_float(row.group("new")),
            sentence,
            page,
        )
        return
    span = FROM_TO.search(sentence)
    if span and _is_year(span.group("old")):
        span = None
    if span and (d := _direction(sentence)):
        yield Claim(
            d.group("pct"),
            _is_up(d.group("dir")),
            _value(span, "old"),
            _value(span, "new"),
            sentence,
            page,
        )
        return
    d = _direction(sentence)
    absolute = ABSOLUTE.search(sentence)
    if d and absolute and absolute.start() > d.end():
        prior = counts(sentence[: d.start()])
        if not prior and ANAPHORIC.match(sentence):
            prior = counts(previous)
        if prior:
            total = to_float(prior[-1].group("number"))
            delta = to_float(absolute.group("delta"))
            up = _is_up(d.group("dir"))
            old = total - delta if up else total + delta
            if old > 0:
                yield Claim(d.group("pct"), up, old, total, f"{previous} {sentence}".strip(), page)


def _text_claims(document: DocumentBase) -> Iterator[Claim]:
    for passage in passages(document):
        previous = ""
        for sentence in sentences(passage.text):
            yield from _claims_in_sentence(sentence, previous, passage.page)
            previous = sentence


def _table_claims(document: DocumentBase) -> Iterator[Claim]:
    for table in document.tables:
        if not table.statistics:
            continue
        periods = table.statistics.periods
        for record in table.statistics.records:
            if not record.comment:
                continue
            values = [record.values.get(p) for p in periods if record.values.get(p) is not None]
            if len(values) < 2:
                continue
            for sentence in sentences(record.comment):
                d = _direction(sentence)
                others = [m for m in NUMBER.finditer(sentence) if is_count(m)]
                if d and not others and ANAPHORIC.match(sentence):
                    quote = (
                        f"{record.category} | "
                        + " | ".join(
                            record.raw.get(p, f"{record.values.get(p):g}")
                            for p in periods
                            if record.values.get(p) is not None
                        )
                        + f" | {sentence}"
                    )
                    yield Claim(
                        d.group("pct"),
                        _is_up(d.group("dir")),
                        values[0],
                        values[-1],
                        quote,
                        table.page,
                    )
                    break


def wrong(claim: Claim) -> str | None:
    """Why the claim is wrong, or None when it agrees with its numbers."""
    if claim.old == 0:
        return None
    actual = (claim.new - claim.old) / claim.old * 100
    word = "increase" if actual >= 0 else "decrease"
    stated_word = "increase" if claim.up else "decrease"
    computed = f"{_fmt(claim.old)} → {_fmt(claim.new)} is a {abs(actual):.1f}% {word}"
    if agrees(claim.stated, abs(actual)) and (actual >= 0) == claim.up:
        return None
    if agrees(claim.stated, abs(actual)) and abs(actual) < 0.5:
        return None
    return f"stated {claim.stated}% {stated_word}, but {computed}"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        for claim in [*_table_claims(document), *_text_claims(document)]:
            problem = wrong(claim)
            if problem:
                yield Hit(problem, claim.page, claim.quote, index)
