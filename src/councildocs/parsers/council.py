"""The council's own name, read from the lines where a council prints it: a letterhead, a
running head, the title of its agenda or minutes.

A name is a place, a kind and the noun ("Kent County Council", "Burton-cum-Walden Parish
Council", "City of Wolverhampton Council"), or in Welsh the noun, a kind and a place
("Cyngor Cymuned Manordeilo a Salem"). The place is the run of capitalised words (with
the small words place names hold) just before the kind; the words of the shared
vocabulary that are capitalised but never a place ("Full Council", "Clerk to the
Council") end it. So no council's name is listed anywhere: a council never seen before
is read the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..patterns import compiled
from ..vocabulary.bodies import (
    COUNCIL_KIND_JOINERS,
    COUNCIL_KINDS,
    COUNCIL_NAME_LEAD_IN_WORDS,
    COUNCIL_NAME_PREPOSITIONS,
    COUNCIL_NOUNS,
    NOT_PLACE_NAMES,
    PLACE_NAME_JOINERS,
    WELSH_COUNCIL_KINDS,
    WELSH_COUNCIL_NOUN,
    WELSH_COUNCIL_NOUNS,
    WELSH_PLACE_NAME_JOINERS,
)

_NOUNS = {word.casefold() for word in COUNCIL_NOUNS}
_KINDS = {word.casefold() for word in COUNCIL_KINDS}
_KIND_JOINERS = {word.casefold() for word in COUNCIL_KIND_JOINERS}
_JOINERS = {word.casefold() for word in PLACE_NAME_JOINERS}
_LEAD_IN_WORDS = {word.casefold() for word in COUNCIL_NAME_LEAD_IN_WORDS}
_PREPOSITIONS = {word.casefold() for word in COUNCIL_NAME_PREPOSITIONS}
_NOT_PLACES = {word.casefold() for word in NOT_PLACE_NAMES} | _LEAD_IN_WORDS
_WELSH_NOUNS = {word.casefold() for word in WELSH_COUNCIL_NOUNS}
_WELSH_KINDS = {word.casefold() for word in WELSH_COUNCIL_KINDS}
_WELSH_JOINERS = {word.casefold() for word in WELSH_PLACE_NAME_JOINERS}
# a word of a place name: letters, with the apostrophes, hyphens and full stops of
# "King's Lynn", "Stratford-upon-Avon", "St. Albans"
_NAME_WORD = compiled(r"^\p{L}[\p{L}'’.\-]*$")
_EDGE_PUNCTUATION = '()[]"“”‘’,;:–—|'


def council_name(lines: Sequence[str]) -> str | None:
    """The first council name that one of ``lines`` prints as a heading, letterhead,
    running head or title does: opening the line (after an optional "The"), or after a
    title's lead-in ("Minutes of the Meeting of ..."). A name printed in capitals is given
    in title case. A place on one line and its kind on the next (a narrow letterhead) are
    read as one name, and so are a title's lead-in and the name on the line below it."""
    for index, line in enumerate(lines):
        words = line.split()
        name = _english_name(words) or _welsh_name(words)
        above = lines[index - 1].split() if index > 0 else []
        if name is None and above and (_only_kind_and_noun(words) or _title_lead_in(above)):
            name = _english_name(above + words)
        if name is not None:
            return name
    return None


def _english_name(words: list[str]) -> str | None:
    for noun_at, word in enumerate(words):
        if _bare(word).casefold() not in _NOUNS:
            continue
        if word[0] in _EDGE_PUNCTUATION:
            continue  # "(Council)": not a name
        start = _place_start(words, noun_at, _shouting(" ".join(words)))
        if start is None:
            return None  # the first "Council" of the line decides
        led_in = _title_lead_in(words[:start])
        opens = start == 0 or (start == 1 and words[0].casefold() == "the")
        rest = words[noun_at + 1 :]
        in_prose = bool(rest) and rest[0][:1].islower()
        # a name that opens a line and runs on in lower case is a wrapped sentence's
        # tail ("... a meeting of Wroxton and / Balscote Parish Council for the ...")
        if led_in or (opens and not in_prose):
            return _as_printed(words[start : noun_at + 1])
        return None
    return None


def _title_lead_in(words: list[str]) -> bool:
    """Whether ``words`` are a title's words leading into a name: "Minutes of the
    Meeting of", "MINUTES OF THE", "Response from"."""
    if len(words) < 2 or words[-1].casefold() not in _PREPOSITIONS:
        return False
    return all(w.casefold() in _LEAD_IN_WORDS or w.casefold() in _PREPOSITIONS for w in words)


def _place_start(words: list[str], noun_at: int, shouting: bool) -> int | None:
    """Where the place before the kind and noun at ``noun_at`` starts, or None when no
    place stands there."""
    at = noun_at - 1
    while at >= 0 and (
        words[at].casefold() in _KINDS
        or (words[at].casefold() in _KIND_JOINERS and at > 0 and words[at - 1].casefold() in _KINDS)
    ):
        at -= 1
    start = None
    while at >= 0:
        word = words[at]
        if _place_word(word, shouting):
            start = at
        elif not (word.casefold() in _JOINERS and start is not None):
            break
        at -= 1
    return start


def _only_kind_and_noun(words: list[str]) -> bool:
    """A line that is the end of a name wrapped above it: "Parish Council", "Council"."""
    if not words or _bare(words[-1]).casefold() not in _NOUNS:
        return False
    return all(w.casefold() in _KINDS or w.casefold() in _KIND_JOINERS for w in words[:-1])


def _place_word(word: str, shouting: bool) -> bool:
    """A capitalised word that can be (part of) a place's name; in a line that does not
    shout (see ``_shouting``), a word in capitals is an acronym ("EPA", "PM"), not a place."""
    if not _NAME_WORD.match(word) or not word[0].isupper():
        return False
    if word.casefold() in _NOT_PLACES or word.casefold() in _JOINERS:
        return False
    letters = [c for c in word if c.isalpha()]
    return shouting or len(letters) < 2 or not all(c.isupper() for c in letters)


def _shouting(line: str) -> bool:
    """A line printed in capitals, but for the small words of a place name
    ("CYNGOR CYMUNED MANORDEILO a SALEM")."""
    small = _JOINERS | _WELSH_JOINERS
    return not any(c.islower() for w in line.split() if w.casefold() not in small for c in w)


def _welsh_name(words: list[str]) -> str | None:
    if not words or _bare(words[0]).casefold() not in _WELSH_NOUNS:
        return None
    shouting = _shouting(" ".join(words))
    kept, at = [_bare(words[0])], 1
    while at < len(words) and words[at].casefold() in _WELSH_KINDS:
        kept.append(words[at])
        at += 1
    places = 0
    while at < len(words):
        word = words[at].rstrip(",.:;")
        if _place_word(word, shouting):
            places += 1
        elif not (
            word.casefold() in _WELSH_JOINERS
            and at + 1 < len(words)
            and _place_word(words[at + 1].rstrip(",.:;"), shouting)
        ):
            break
        kept.append(word)
        if word != words[at]:
            break  # punctuation ends the name
        at += 1
    if places == 0:
        return None
    _, *rest = _as_printed(kept, joiners=_WELSH_JOINERS).split()
    return " ".join(
        [WELSH_COUNCIL_NOUN, *rest]
    )  # the name's own form, not as a sentence mutates it


def _as_printed(name: list[str], joiners: set[str] = _JOINERS) -> str:
    text = " ".join(_bare(word) for word in name)
    if not _shouting(text):
        return text
    return " ".join(
        _title_case(word, first=i == 0, joiners=joiners) for i, word in enumerate(text.split())
    )


def _title_case(word: str, *, first: bool, joiners: set[str]) -> str:
    """A word in capitals as a place name prints it: "FERRYPORT-ON-CRAIG" is
    "Ferryport-on-Craig", "KING'S" is "King's", "OF" is "of"."""
    parts = word.split("-")
    cased = []
    for i, part in enumerate(parts):
        lower = part.lower()
        if lower in joiners and not (first and i == 0):
            cased.append(lower)
        else:
            cased.append(lower[:1].upper() + lower[1:])
    return "-".join(cased)


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION)
