"""A scheme, fund or body keeps one name through a document.

"Community Safety Fund" on one page and "Community Safety Grant Fund" on another read as
two funds, or one of them is a slip. A name is a run of capitalised words ending in a noun
that names a thing (Fund, Grant, Scheme, Programme, Committee, Board, Partnership, ...);
two names are reported when they differ by one inner word, put in or left out (first
and last words the same, three words at least in the shorter, the word not an "and"
or "of"), with both spellings and their pages. A council's own name is not compared
("Northshire County Council" is not "Northshire Youth County Council"), nor names in lines
of figures (a table run together into text), nor two spellings in one paragraph.

**Anti-pattern**

    p.3   ... the Community Safety Fund will be allocated to ...
    p.9   ... bids to the Community Safety Grant Fund closed in March.

**Best practice**

    p.3   ... the Community Safety Fund will be allocated to ...
    p.9   ... bids to the Community Safety Fund closed in March.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..models import Pack
from ..patterns import compiled
from ..vocabulary.bodies import COUNCIL_NOUNS
from ..vocabulary.names import NAME_JOINERS, NAME_OPENER, NAMED_THING
from ._support import Hit, Passage, passages

CODE = "CON005"
NAME = "near-identical-names"
SEVERITY = "warning"
READS = "pack"
PREVIEW = True

#: the shorter of two names compared has at least this many words
MIN_WORDS = 3
#: a passage with this share of figures among its words is a table run together
FIGURES_SHARE = 0.2
_FIGURE = compiled(r"^[-+(£$]*\d[\d,.%)]*$")
_OF = compiled(r"\s+of\s+(?:the\s+)?")
_JOINERS = frozenset(NAME_JOINERS) | {"and"}
_COUNCIL_NOUNS = frozenset(noun.lower() for noun in COUNCIL_NOUNS)


@dataclass
class Spelling:
    printed: str
    pages: list[int] = field(default_factory=list)
    passages: set[int] = field(default_factory=set)


def _words(name: str) -> tuple[str, ...]:
    name = NAME_OPENER.sub("", name).replace("&", " and ").replace("’", "'")
    return tuple(word.lower() for word in name.split())


def _is_figures(passage: Passage) -> bool:
    words = passage.text.split()
    return bool(words) and sum(bool(_FIGURE.match(w)) for w in words) / len(words) >= FIGURES_SHARE


def _one_word_more(shorter: tuple[str, ...], longer: tuple[str, ...]) -> str | None:
    """The inner word ``longer`` adds to ``shorter``, if that is all that differs."""
    if len(longer) != len(shorter) + 1 or shorter[0] != longer[0] or shorter[-1] != longer[-1]:
        return None
    for position in range(1, len(longer) - 1):
        if longer[:position] + longer[position + 1 :] == shorter:
            word = longer[position]
            return None if word in _JOINERS else word
    return None


def _spellings(document) -> dict[tuple[str, ...], Spelling]:
    found: dict[tuple[str, ...], Spelling] = {}
    for number, passage in enumerate(passages(document)):
        if _is_figures(passage):
            continue
        for match in NAMED_THING.finditer(passage.text):
            for printed in _names_in(match.group()):
                words = _words(printed)
                if len(words) < MIN_WORDS or words[-1].rstrip("s") in _COUNCIL_NOUNS:
                    continue
                spelling = found.setdefault(words, Spelling(printed))
                if passage.page is not None and passage.page not in spelling.pages:
                    spelling.pages.append(passage.page)
                spelling.passages.add(number)
    return found


def _names_in(printed: str) -> list[str]:
    """The name as matched, and what follows an "of (the)" in it: "Chair of the Transport
    and Connectivity Committee" holds the committee's name as well."""
    names = [NAME_OPENER.sub("", printed)]
    inner = _OF.split(printed, maxsplit=1)
    if len(inner) == 2:
        names.append(NAME_OPENER.sub("", inner[1].strip()))
    return names


def _rarity(spelling: Spelling) -> tuple[int, int]:
    return len(spelling.pages), -min(spelling.pages, default=0)


def _pages(spelling: Spelling) -> str:
    if not spelling.pages:
        return ""
    label = "page" if len(spelling.pages) == 1 else "pages"
    return f" ({label} {', '.join(map(str, sorted(spelling.pages)))})"


def _candidates(document) -> Iterator[tuple[tuple[str, ...], Spelling, tuple[str, ...], Spelling]]:
    """Pairs of spellings that could differ by an inner word: same first and last words."""
    by_ends: dict[tuple[str, str], list[tuple[tuple[str, ...], Spelling]]] = {}
    for words, spelling in _spellings(document).items():
        by_ends.setdefault((words[0], words[-1]), []).append((words, spelling))
    for names in by_ends.values():
        for shorter, short in names:
            for longer, long in names:
                yield shorter, short, longer, long


def check(pack: Pack, _pack: Pack) -> Iterator[Hit]:
    for index, document in enumerate(pack.documents):
        for shorter, short, longer, long in _candidates(document):
            if _one_word_more(shorter, longer) is None:
                continue
            if short.passages == long.passages and len(short.passages) == 1:
                continue  # one paragraph naming a thing and a part of it
            # reported where the spelling on fewer pages is (the likelier slip); of two as
            # common, where the later one starts
            odd, usual = sorted((short, long), key=_rarity)
            yield Hit(
                f"named '{odd.printed}'{_pages(odd)} and '{usual.printed}'{_pages(usual)}: "
                "one name, or two things?",
                min(odd.pages) if odd.pages else None,
                odd.printed,
                index,
            )
