"""What the VOT rules share: the votes a minutes document records, with their names.

A recorded vote as Kent prints it, each heading on a line of its own, the names under it::

    For (14)
    Mr Baldock, Mr Brady, Ms Constantine, ...
    Against (45)
    Mr Baker, Mr Barrington-King, ...
    Abstain (4)
    Mrs Bruneau, Mr Chittenden, Mrs Dean, Mr Webb
    Amendment lost.

is read from the minute's text as printed (lines kept); the wording is the vocabulary's
(``COUNT_LIST``, ``OUTCOME_LINE``). A count-only vote ("CARRIED (5 members voting in
favour and 1 against ...)") is the resolution's parsed ``votes`` with its text's outcome.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from ..models import MinutesDocument, Person
from ..patterns import compiled
from ..vocabulary import decisions as decision_words
from ..vocabulary.people import MEMBER_TITLE, POST_NOMINAL

SIDES = ("for", "against", "abstained")

#: titles a voter's name may carry besides a councillor's: "Sir Paul Carter, CBE"
_TITLE = compiled(rf"^(?:{MEMBER_TITLE}|Sir|Dame|Lord|Lady|Prof(?:essor)?)\.?\s+", regex.I)
#: a part of a list of names: a capital, then at most five words ("Mr Barrington-King")
_NAME = compiled(r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,5}$")
_CARRIED = compiled(r"(?i)\b(?:carried|agreed|approved|adopted|passed)\b")
_LOST = compiled(r"(?i)\b(?:lost|fell|defeated|failed|rejected|not\s+carried)\b")
#: a vote that needs more than a simple majority of those voting, so that a lost vote may
#: have more for than against: "failed to gather a majority vote", "two-thirds"
_SPECIAL_MAJORITY = compiled(
    r"(?i)\b(?:majority\s+of|a\s+majority\s+vote|two[\s-]thirds|quorum|casting\s+vote)\b"
)


@dataclass
class RecordedVote:
    """One vote: each side's printed count and, where listed, the names under it."""

    counts: dict[str, int] = field(default_factory=dict)
    names: dict[str, list[str]] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)  # "For (14)" as printed
    outcome: str | None = None  # "carried" or "lost"
    outcome_text: str | None = None
    unanimous: bool = False
    special_majority: bool = False
    page: int | None = None
    item: str | None = None

    @property
    def listed(self) -> bool:
        return any(self.names.get(side) for side in SIDES)

    def quote(self, side: str | None = None) -> str:
        """The heading and its names as printed, or the outcome, for a finding to show."""
        if side is not None and side in self.headings:
            names = ", ".join(self.names.get(side, []))
            return f"{self.headings[side]} {names}".strip()
        return self.outcome_text or "; ".join(self.headings.values())


def outcome_of(text: str) -> str | None:
    """``carried``, ``lost`` or None, as a vote's outcome line says."""
    lost, carried = _LOST.search(text), _CARRIED.search(text)
    if lost and not (carried and carried.start() < lost.start()):
        return "lost"
    return "carried" if carried else None


def split_names(line: str) -> list[str] | None:
    """The names of a comma-separated list, post-nominals kept with their name ("Mr Love,
    OBE" is one voter); None when a part is not a name (the list has ended)."""
    names: list[str] = []
    for part in (p.strip() for p in line.split(",")):
        if not part:
            continue
        if POST_NOMINAL.match(part) and names:
            continue  # "OBE" after "Mr Love": a letter of the name before
        if not _NAME.match(part):
            return None
        names.append(part)
    return names or None


def surname(name: str) -> str:
    """The last word of a name without its title, in lower case: who a voter is."""
    words = _TITLE.sub("", name.strip()).split()
    return words[-1].casefold() if words else ""


def printed_voter(name: str) -> str:
    """A voter as printed, spacing and case folded: "Mr R Lehmann" twice is one person."""
    return " ".join(name.split()).casefold()


def recorded_votes(document: MinutesDocument) -> Iterator[RecordedVote]:
    """Every vote the document records with counts: listed votes from each minute's text,
    then the counts the parser read into its resolutions and its votes on amendments and
    the meeting's conduct."""
    for item in document.items:
        page = item.provenance.page if item.provenance else None
        listed = list(_listed_votes(item.text, page, item.number))
        yield from listed
        for resolution in [*item.resolutions, *item.procedural_votes]:
            votes = resolution.votes
            if votes is None:
                continue
            counts = {
                side: value
                for side, value in (
                    ("for", votes.for_),
                    ("against", votes.against),
                    ("abstained", votes.abstained),
                )
                if value is not None
            }
            if not counts and not votes.unanimous:
                continue
            if any(vote.counts == counts for vote in listed):
                continue  # the listed vote read above, which the parser gave its decision
            yield RecordedVote(
                counts=counts,
                outcome=outcome_of(resolution.text),
                outcome_text=" ".join(resolution.text.split()),
                unanimous=votes.unanimous,
                special_majority=bool(_SPECIAL_MAJORITY.search(f"{item.text}\n{resolution.text}")),
                page=resolution.provenance.page if resolution.provenance else page,
                item=item.number,
            )


def _listed_votes(text: str, page: int | None, item: str | None) -> Iterator[RecordedVote]:
    vote: RecordedVote | None = None
    side: str | None = None
    before: list[str] = []  # the lines before the vote: what it says of the majority
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        heading = decision_words.COUNT_LIST.match(line)
        if heading:
            label = heading["label"]
            side = decision_words.count_list_side(label)
            if vote is None or side in vote.counts:
                if vote is not None:
                    yield vote
                vote = RecordedVote(
                    page=page,
                    item=item,
                    special_majority=bool(_SPECIAL_MAJORITY.search(" ".join(before[-3:]))),
                )
            vote.counts[side] = int(heading["n"])
            vote.headings[side] = heading.group().strip()
            vote.names.setdefault(side, [])
            rest = line[heading.end() :].strip()
            if rest:
                vote.names[side] += split_names(rest) or []
            continue
        if vote is not None and side is not None:
            names = split_names(line) if not line.endswith(".") else None
            if names is not None:
                vote.names[side] += names
                continue
            if decision_words.OUTCOME_LINE.match(line) or (len(line) < 80 and outcome_of(line)):
                vote.outcome = outcome_of(line)
                vote.outcome_text = line
                vote.unanimous = bool(decision_words.UNANIMOUS.search(line))
            yield vote
            vote, side = None, None
        before.append(line)
    if vote is not None:
        yield vote


def attendance_surnames(document: MinutesDocument) -> dict[str, list[Person]]:
    """Members and substitutes present, by surname: who may vote."""
    present: dict[str, list[Person]] = {}
    for person in [*document.attendance.members, *document.attendance.substitutes]:
        present.setdefault(surname(person.name), []).append(person)
    return present
