"""A named sum stated twice in one document is the same sum both times.

A report gives "the Community Safety Fund of £50,000" in a paragraph and again in its
appendix: when the two figures differ, one of them is out of date. The quantity is the
noun phrase printed just before the sum and joined to it by "of", "is", "totalling",
"amounting to" and the like; only a phrase that names something (two capitalised words
past the sentence's first, such as "Dedicated Schools' Grant" or "Community Safety Fund")
is compared, and a period printed just after the sum ("£10.2m for 2025-26") is part of
it. Sums are read with their units and compared at the precision printed: "£1.6m" and
"£1,620,000" are the same sum. A phrase stated with three or more different sums names
more than one thing and is not compared; nor are two sums in one sentence.

**Anti-pattern**

    p.3   ... the Community Safety Fund of £50,000 will be allocated to ...
    p.12  Appendix A: the Community Safety Fund of £55,000 is made up of ...

**Best practice**

    p.3   ... the Community Safety Fund of £50,000 will be allocated to ...
    p.12  Appendix A: the Community Safety Fund of £50,000 is made up of ...
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..models import Pack
from ..parsers.numbers import PERIOD, Money, find_money
from ..patterns import compiled
from ..vocabulary.money import AMOUNT_LEAD_IN, FUNCTION_WORDS
from ._support import Hit, passages, sentences

CODE = "FIG005"
NAME = "quantity-stated-twice"
SEVERITY = "warning"
READS = "pack"
PREVIEW = True

#: the most words of the phrase before a sum that name what it is
PHRASE_WORDS = 6
_WORD = compiled(r"[\p{L}\d][\p{L}\d'’&-]*")
_CAPITALISED = compiled(r"^\p{Lu}[\p{Ll}'’-]")
#: a period just after the sum ("£9.9m for 2026-27") tells which of a series it is
_PERIOD_AFTER = compiled(r"^\s*(?:for|in|during|by)?\s*(?:the\s+)?(?:year\s+)?", regex.I)


@dataclass(frozen=True)
class Statement:
    money: Money
    page: int | None
    sentence: str


def _quantity(sentence: str, money: Money) -> str | None:
    """The named quantity a sum is stated for, as a key, or None if it names nothing."""
    lead_in = AMOUNT_LEAD_IN.search(sentence[: money.start])
    if not lead_in:
        return None
    words = [m.group() for m in _WORD.finditer(sentence[: lead_in.start()])]
    start = max(0, len(words) - PHRASE_WORDS)
    # the phrase starts after the function words that join it to the sentence
    while start < len(words) and words[start].lower() in FUNCTION_WORDS:
        start += 1
    phrase = words[start:]
    # a capital on the sentence's first word says nothing of a name
    named = [w for at, w in enumerate(phrase, start) if at > 0 and _CAPITALISED.match(w)]
    if len(named) < 2:
        return None
    key = [w.lower().replace("’", "'") for w in phrase if w.lower() not in FUNCTION_WORDS]
    after = sentence[money.end :]
    period = PERIOD.match(after[_PERIOD_AFTER.match(after).end() :])
    if period:
        key.append(period.group().replace(" ", ""))
    return " ".join(key)


def _disagreeing(statements: list[Statement]) -> tuple[Statement, Statement] | None:
    distinct: list[Statement] = []
    for statement in statements:
        if not any(statement.money.agrees(seen.money) for seen in distinct):
            distinct.append(statement)
    if len(distinct) != 2:  # one sum, or a phrase that names several things
        return None
    first, second = distinct
    if first.sentence == second.sentence:
        return None
    return first, second


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        stated: dict[str, list[Statement]] = defaultdict(list)
        for passage in passages(document):
            for sentence in sentences(passage.text):
                for money in find_money(sentence):
                    key = _quantity(sentence, money)
                    if key:
                        stated[key].append(Statement(money, passage.page, sentence))
        for statements in stated.values():
            pair = _disagreeing(statements)
            if pair is None:
                continue
            first, second = pair
            where = f"page {first.page}" if first.page is not None else "earlier"
            yield Hit(
                f"stated as {second.money.printed} here but as {first.money.printed} on "
                f"{where}: {first.sentence}",
                second.page,
                second.sentence,
                index,
            )
