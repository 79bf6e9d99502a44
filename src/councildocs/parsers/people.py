"""People as councils print them: "Cllr Linda Leach (Chair)", "Mr R C Love, OBE",
"Hannah Pawley - Graduate Management Trainee CWC", "Ryan Warsing (LSRCC)".

``split_names`` cuts a printed list ("Mr A, Mr B, OBE, Mrs C and Dr D") into one entry a
person, never inside brackets and never between a name and its post-nominal letters;
``person`` reads one entry into a :class:`Person` (honorific, name, role, organisation).
"""

from __future__ import annotations

import regex

from ..models import Person
from ..patterns import compiled
from ..vocabulary._phrases import one_of
from ..vocabulary.attendance import OFFICE, OFFICE_MARKS
from ..vocabulary.people import (
    COUNCILLORS_PLURAL,
    HONORIFIC,
    JOB_WORD,
    NAME_LIST_AND_PATTERN,
    ORGANISATION_WORD,
    POST_NOMINAL,
    ROLE_BEFORE_NAME,
)

_GROUP_WORD = compiled(rf"^(?:and\s+)?{one_of(COUNCILLORS_PLURAL)}$", regex.I)
_GROUP_BEFORE_NAMES = compiled(rf"^\s*(?:and\s+)?{one_of(COUNCILLORS_PLURAL)}\s+(?=\p{{Lu}})")
_OFFICE_FIRST = compiled(rf"^(?P<office>{one_of(OFFICE_MARKS)})\s+(?=\p{{Lu}})", regex.I)
_ROLE_IN_BRACKETS = compiled(r"\((?P<text>[^()]*)\)\s*$")
_OFFICE_LAST = compiled(rf"(?<=[),])\s+(?P<office>{one_of(OFFICE_MARKS)})$", regex.I)
_DASH = compiled(r"\s+[-–—]\s+|\s*[–—]\s*")
_ACRONYM = compiled(r"^\p{Lu}{2,}[\p{Lu}&]*$")
_NAME_AFTER_BRACKET = compiled(r"\s+(?=\p{Lu}[\p{Ll}.]*\s+\p{Lu})")
# a colon that ends an office printed before its holder, or the holder before the next office
_OFFICE_LABEL_END = compiled(r":(?=\s)")
# an apostrophe standing alone between names, where a text layer lost its place ("Dorian
# Jenkins ’ Andrew Thomas"): no part of a name
_LONE_MARK = compiled(r"(?<=\s)[’'](?=\s)")


def split_names(text: str) -> list[str]:
    """One entry per person from a printed list, keeping post-nominals with their name."""
    parts: list[str] = []
    depth = 0
    start = 0
    pieces: list[str] = []
    labels: list[bool] = []  # whether each piece ends at a colon: an office before its holder
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
            if depth == 0 and _NAME_AFTER_BRACKET.match(text, index + 1):
                # "D Richardson (Chair) N Cresswell": the bracket closes one entry
                pieces.append(text[start : index + 1])
                labels.append(False)
                start = index + 1
        elif depth == 0 and (
            char in ",;" or _OFFICE_LABEL_END.match(text, index) or _LONE_MARK.match(text, index)
        ):
            pieces.append(text[start:index])
            labels.append(char == ":")
            start = index + 1
    pieces.append(text[start:])
    labels.append(False)
    office = None
    for piece, ends_at_colon in zip(pieces, labels, strict=True):
        bare = piece.strip(" .")
        if _GROUP_WORD.match(bare):
            continue  # "Mrs V Whitehead, Councillors, and Mr R Nolan": the group's name
        if OFFICE.match(bare) and not ends_at_colon and parts and "(" not in parts[-1]:
            # "... and Mr Richard Nolan, Clerk", "Jane Ritchie, Chairman, David Dent": the
            # office of the name before it
            parts[-1] = f"{parts[-1]} ({bare})"
            continue
        if OFFICE.match(bare):
            office = bare  # "Chair: Mrs S Walker": the office, then its holder
            continue
        # "..., Councillors David Dent, Sally Sahin": the group's name before the next names
        piece = _GROUP_BEFORE_NAMES.sub("", piece)
        if office and piece.strip():
            piece, office = f"{piece.strip()} ({office})", None
        for sub in _split_and(piece):
            sub = sub.strip(" .:")
            if not sub:
                continue
            if parts and POST_NOMINAL.match(sub):
                parts[-1] = f"{parts[-1]}, {sub}"
            elif parts and _ACRONYM.match(sub) and "(" not in parts[-1]:
                # "A Armstrong, EDC": the body the person comes from, not a person
                parts[-1] = f"{parts[-1]} ({sub})"
            else:
                parts.append(sub)
    return parts


def _split_and(piece: str) -> list[str]:
    """Split "Mr D Watkins and Mr R J Thomas" but not "Barry and Lynne" inside brackets."""
    out = []
    depth = 0
    last = 0
    for match in NAME_LIST_AND_PATTERN.finditer(piece):
        depth = piece[: match.start()].count("(") - piece[: match.start()].count(")")
        if depth == 0:
            out.append(piece[last : match.start()])
            last = match.end()
    out.append(piece[last:])
    return out


def person(text: str, default_honorific: str | None = None, virtually: bool = False) -> Person:
    """Read one printed entry: honorific, name, post-nominals, and a role or organisation
    given in brackets, after a dash, or in a second column."""
    text = " ".join(text.split()).strip(" ,.;")
    role = organisation = None
    # (a role after a dash is the dash's: "Andrea Wise – (Outgoing) Secretary")
    office_after = None if _DASH.search(text) else _OFFICE_LAST.search(text)
    if office_after and office_after.start() > 0:
        # "Nick Oakhill (NO) CHAIR": the office set after the name, past its initials
        role, text = office_after["office"], text[: office_after.start()].strip(" ,")
    initials = _ROLE_IN_BRACKETS.search(text)
    if initials and _are_initials(initials["text"], text[: initials.start()]):
        text = text[: initials.start()].strip(" ,")  # "Kate Green (KG)": her initials
    bracket = None if role else _ROLE_IN_BRACKETS.search(text)
    if bracket and bracket.start() > 0:
        role = bracket["text"].strip() or None
        text = text[: bracket.start()].strip(" ,")
    elif role is None:
        dash = _DASH.search(text)
        if dash and dash.start() > 0:
            role = text[dash.end() :].strip() or None
            text = text[: dash.start()].strip()
    if role and not office_after:  # an office is a role, whatever its case
        role, organisation = _role_and_organisation(role)
    before_name = ROLE_BEFORE_NAME.match(text)
    if before_name and role is None:
        role, text = before_name["role"], before_name["name"]
    office = _OFFICE_FIRST.match(text)
    if office and role is None:
        # "Clerk J Connelly": the office printed before its holder
        role, text = office["office"], text[office.end() :]
    honorific = default_honorific
    match = HONORIFIC.match(text)
    if match:
        honorific = " ".join(match["honorific"].split())
        text = text[match.end() :].strip()
    post_nominals = []
    while "," in text:
        head, tail = text.rsplit(",", 1)
        if not POST_NOMINAL.match(tail.strip()):
            break
        post_nominals.insert(0, tail.strip())
        text = head.strip()
    return Person(
        name=text,
        honorific=honorific,
        role=role,
        organisation=organisation,
        post_nominals=post_nominals,
        attended_virtually=virtually,
    )


def _are_initials(bracketed: str, name: str) -> bool:
    """Whether "(KG)" after "Kate Green" is her initials, as minutes print them to refer
    to members later, not an organisation."""
    words = [word for word in _NAME_WORD.findall(name) if word[0].isupper()]
    return len(bracketed) >= 2 and bracketed == "".join(word[0] for word in words)


_NAME_WORD = compiled(r"\p{L}[\p{L}'’-]*")


def _role_and_organisation(text: str) -> tuple[str | None, str | None]:
    """ "Head of Youth Offending CWC" is a role at CWC; "LSRCC" and "National Probation
    Service" are organisations; anything else is a role."""
    words = text.split()
    if _ACRONYM.match(text) or (ORGANISATION_WORD.search(text) and not _is_job(text)):
        return None, text
    if len(words) > 1 and _ACRONYM.match(words[-1]):
        return " ".join(words[:-1]).rstrip(","), words[-1]
    if "," in text:
        head, tail = (part.strip() for part in text.rsplit(",", 1))
        if _ACRONYM.match(tail):
            return head, tail
    return text, None


def _is_job(text: str) -> bool:
    return bool(JOB_WORD.search(text))
