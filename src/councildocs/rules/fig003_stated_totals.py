"""A stated total equals the sum of its parts where the parts are printed beside it.

"Business crime and vehicle crime accounted for 7,403 offences, compared with 6,146" in a
table whose Business Crime and Vehicle Crime rows read 4,256 → 4,954 and 1,890 → 2,449 is
re-added per period: 4,954 + 2,449 = 7,403 and 4,256 + 1,890 = 6,146. A stated number is
reported only when it equals no period's sum of the named rows; the finding gives the sums.
In running text, "N ..., comprising/made up of A ... and B ..." is re-added the same way,
sums of money with their units ("£1.6m, comprising £1.2m and £400k").

**Anti-pattern**

    Business Crime | 4,256 | 4,954
    Vehicle Crime  | 1,890 | 2,449 | Business crime and vehicle crime accounted for 7,304 offences

**Best practice**

    Business Crime | 4,256 | 4,954
    Vehicle Crime  | 1,890 | 2,449 | Business crime and vehicle crime accounted for 7,403 offences
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..models import DocumentBase, Pack
from ..parsers.numbers import Money, find_money
from ..patterns import compiled
from ._support import Hit, Passage, counts, passages, sentences, to_float

CODE = "FIG003"
NAME = "stated-totals"
SEVERITY = "error"
READS = "pack"

TOTAL_WORDS = compiled(
    r"\b(?:accounted\s+for|account\s+for|totall?(?:ed|ing)?|in\s+total|combined|together)\b",
    regex.I,
)
COMPRISING = compiled(
    r"\b(?:comprising|made\s+up\s+of|consisting\s+of|broken\s+down\s+into)\b", regex.I
)
#: "Business Crime 4,256 4,954": a statistics row flattened into text
_ROW = compiled(
    r"^(?P<label>\p{L}[\p{L} '&-]{2,60}?)\s+(?P<values>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:\d{1,3}(?:,\d{3})+|\d+))+)$"
)


def _rows(
    document: DocumentBase,
) -> list[tuple[list[dict[str, list[float]]], int | None, list[str]]]:
    """Groups of rows (label → values by period) each with the comments printed beside them."""
    groups = []
    for table in document.tables:
        if table.statistics:
            rows = {
                r.category.lower(): [
                    r.values[p] for p in table.statistics.periods if r.values.get(p) is not None
                ]
                for r in table.statistics.records
            }
            comments = [r.comment for r in table.statistics.records if r.comment]
            groups.append((rows, table.page, comments))
    # text exports flatten a table: rows "Label n n" followed by the comment passage
    found: list[Passage] = passages(document)
    for i, passage in enumerate(found):
        if not TOTAL_WORDS.search(passage.text):
            continue
        rows = {}
        for earlier in reversed(found[max(0, i - 8) : i]):
            m = _ROW.match(earlier.text)
            if m:
                rows[m.group("label").lower()] = [to_float(v) for v in m.group("values").split()]
        if rows:
            groups.append((rows, passage.page, [passage.text]))
    return groups


def _table_hits(document: DocumentBase) -> Iterator[tuple[str, str, int | None]]:
    for rows, page, comments in _rows(document):
        for comment in comments:
            for sentence in sentences(comment):
                if not TOTAL_WORDS.search(sentence):
                    continue
                named = [label for label in rows if label in sentence.lower()]
                widths = {len(rows[label]) for label in named}
                if len(named) < 2 or len(widths) != 1:
                    continue
                sums = [sum(rows[label][k] for label in named) for k in range(widths.pop())]
                for stated in counts(sentence):
                    value = to_float(stated.group("number"))
                    if value in sums or value < max(min(rows[label]) for label in named):
                        continue
                    parts = " and ".join(named)
                    yield (
                        f"stated total {stated.group('number')} for {parts} matches no period's sum "
                        f"of those rows ({', '.join(f'{s:,.0f}' for s in sums)})",
                        sentence,
                        page,
                    )


def _text_hits(document: DocumentBase) -> Iterator[tuple[str, str, int | None]]:
    for passage in passages(document):
        for sentence in sentences(passage.text):
            m = COMPRISING.search(sentence)
            if not m:
                continue
            money_before = find_money(sentence[: m.start()])
            money_after = find_money(sentence[m.end() :])
            if money_before and len(money_after) >= 2:
                yield from _money_hit(money_before[-1], money_after, sentence, passage.page)
                continue
            before, after = counts(sentence[: m.start()]), counts(sentence[m.end() :])
            if not before or len(after) < 2:
                continue
            total = to_float(before[-1].group("number"))
            parts = [to_float(a.group("number")) for a in after]
            if abs(sum(parts) - total) > 1e-9:
                yield (
                    f"stated total {before[-1].group('number')} is not the sum of its parts "
                    f"({' + '.join(a.group('number') for a in after)} = {sum(parts):,.0f})",
                    sentence,
                    passage.page,
                )


def _money_hit(
    total: Money, parts: list[Money], sentence: str, page: int | None
) -> Iterator[tuple[str, str, int | None]]:
    """A sum of money and its parts, each read with its units ("£1.6m, comprising £1.2m
    and £400k"); the parts may miss by their rounding, as rounded figures do."""
    added = sum(part.amount for part in parts)
    slack = max(total.rounding, *(part.rounding for part in parts)) / 2 * len(parts)
    if abs(added - total.amount) > slack + 1e-6:
        yield (
            f"stated total {total.printed} is not the sum of its parts "
            f"({' + '.join(part.printed for part in parts)} = {total.currency}{added:,.0f})",
            sentence,
            page,
        )


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        for message, quote, page in [*_table_hits(document), *_text_hits(document)]:
            yield Hit(message, page, quote, index)
