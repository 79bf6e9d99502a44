"""The contact block at the end of a report: who wrote it and which director answers for it.

Kent closes its reports with "Contact details", then "Report Author:" and "Relevant
Director:" blocks, side by side in two columns or one under the other, each a name, a job
title over one or two lines, a telephone number and an e-mail address:

    Report Author:               Relevant Director:
    Sam Patel                    Ruth Hale
    Finance Business Partner     Corporate Director of Growth,
    03000 410002                 Environment and Transport
    sam.patel@kent.gov.uk        03000 410003
"""

from __future__ import annotations

from ..extract import Line
from ..models import Contact
from ..vocabulary.grammar import EMAIL_WITH_APOSTROPHE, PHONE_LINE
from ..vocabulary.labels import CONTACT_FIELD_WORDS, CONTACT_HEADING, CONTACT_LABEL
from .common import clean


def is_contact_heading(text: str) -> bool:
    """Whether a heading ("9 Contact details", "Contact officers") opens a contact block."""
    return bool(CONTACT_HEADING.match(text.strip()))


def contact_blocks(lines: list[Line]) -> list[tuple[str, Contact]]:
    """(label, contact) for each labelled block after a "Contact details" heading."""
    start = next((i for i, ln in enumerate(lines) if is_contact_heading(ln.text)), None)
    if start is None:
        return []
    columns: list[tuple[float, list[str]]] = []  # (x0 of the column's label, its texts)
    for line in lines[start + 1 :]:
        for span in line.spans or ():
            text = span.text.strip()
            if CONTACT_LABEL.match(text) and not EMAIL_WITH_APOSTROPHE.search(text):
                columns.append((span.x0, [text]))
            elif columns:
                # the latest label at this column's x holds what follows it (blocks stacked
                # one under another share an x; side by side they do not)
                near = [c for c in columns if abs(c[0] - span.x0) < 60 or not line.has_geometry]
                if near:
                    near[-1][1].append(text)
    return [block for texts in (c[1] for c in columns) for block in _contacts(texts)]


def _contacts(texts: list[str]) -> list[tuple[str, Contact]]:
    """One block may name several people, each closing with an e-mail address."""
    label = CONTACT_LABEL.match(texts[0])
    people: list[list[str]] = [[label["rest"]] if label["rest"] else []]
    for text in texts[1:]:
        if people[-1] and EMAIL_WITH_APOSTROPHE.search(people[-1][-1]):
            people.append([])
        people[-1].append(text)
    return [(clean(label["label"]), contact) for part in people if (contact := _contact(part))]


def _contact(parts: list[str]) -> Contact | None:
    email = tel = None
    words: list[str] = []
    for part in parts:
        part = CONTACT_FIELD_WORDS.sub(" ", part).strip()
        if found := EMAIL_WITH_APOSTROPHE.search(part):
            email = found.group()
        elif found := PHONE_LINE.match(part):
            tel = " ".join(found.group(1).split())
        elif part:
            words.append(part)
    if not words:
        return None
    role = clean(" ".join(words[1:])) or None
    return Contact(name=clean(words[0]), role=role, tel=tel, email=email)
