"""A stated share agrees with the part and the whole it is stated beside.

"651 high risk cases ..., 234 of which were repeat cases (equates to 36%)" is recomputed as
234 / 651 = 35.9%, and reported only when it is off by more than the rounding (or cutting)
of its printed precision, with both values. Read: "W ..., P of which ... S%" and
"P of (the) W ... (S%)". A percentage with no part and whole beside it ("equating to 37%")
is not checked.

**Anti-pattern**

    651 high risk cases were discussed ..., 234 of which were repeat cases (equates to 39%)
    (234 / 651 is 35.9%)

**Best practice**

    651 high risk cases were discussed ..., 234 of which were repeat cases (equates to 36%)
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import Pack
from ..patterns import compiled
from ._support import Hit, agrees, counts, passages, sentences, to_float

CODE = "FIG002"
NAME = "percentage-share"
SEVERITY = "error"
READS = "pack"

_N = r"(?<![\w.,£$-])(?P<{name}>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?![\w%]|[.,]\d)"
_PCT = r"(?P<pct>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)(?!\s+(?:increase|decrease|rise|fall|reduction|drop|upturn|growth|of\b))"
#: "234 of which were repeat cases (equates to 36%"
OF_WHICH = compiled(
    _N.format(name="part") + r"\s+of\s+(?:which|whom|these|them)\b(?P<rest>[^%]{0,120}?)\b" + _PCT,
    regex.I,
)
#: "12 of the 40 schools (30%)", "12 out of 40 (30%)"
PART_OF_WHOLE = compiled(
    _N.format(name="part")
    + r"\s+(?:out\s+)?of\s+(?:the\s+|all\s+)?"
    + _N.format(name="whole")
    + r"(?P<rest>[^%.;]{0,80}?)\(\s*(?:equat\w*\s+to\s+|or\s+)?"
    + _PCT,
    regex.I,
)


def _claims(sentence: str) -> Iterator[tuple[str, float, float]]:
    for m in OF_WHICH.finditer(sentence):
        if counts(m.group("rest")):
            continue
        whole = counts(sentence[: m.start("part")])
        if whole:
            yield m.group("pct"), to_float(m.group("part")), to_float(whole[-1].group("number"))
    for m in PART_OF_WHOLE.finditer(sentence):
        if not counts(m.group("rest")):
            yield m.group("pct"), to_float(m.group("part")), to_float(m.group("whole"))


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        for passage in passages(document):
            for sentence in sentences(passage.text):
                for stated, part, whole in _claims(sentence):
                    if whole <= 0 or part > whole:
                        continue
                    actual = part / whole * 100
                    if not agrees(stated, actual):
                        yield Hit(
                            f"stated {stated}%, but {part:,.0f} of {whole:,.0f} is {actual:.1f}%",
                            passage.page,
                            sentence,
                            index,
                        )
