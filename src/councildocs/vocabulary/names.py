"""The nouns that end the name of a scheme, fund or body ("Community Safety Fund",
"Transport and Connectivity Policy Committee", "Safer Neighbourhoods Partnership"), and the
small words a name may hold inside it ("Health and Wellbeing Board", "Friends of the
Park Trust")."""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

NAMED_THING_NOUNS = (
    # money
    "Fund",
    "Grant",
    "Reserve",
    "Account",
    "Budget",
    "Levy",
    "Scheme",
    "Programme",
    "Program",
    "Project",
    "Initiative",
    "Strategy",
    "Plan",
    "Policy",
    "Framework",
    "Charter",
    # bodies
    "Council",
    "Committee",
    "Sub-Committee",
    "Panel",
    "Board",
    "Cabinet",
    "Commission",
    "Partnership",
    "Forum",
    "Group",
    "Network",
    "Trust",
    "Association",
    "Service",
    "Team",
    "Authority",
    "Agency",
    "Office",
    "Unit",
    "Directorate",
    "Department",
    "Centre",
)
NAMED_THING_NOUN = one_of(NAMED_THING_NOUNS)
#: the small words inside a name, lower case between its capitalised words
NAME_JOINERS = ("and", "&", "of", "for", "the", "on", "in", "to")
NAME_JOINER = one_of(NAME_JOINERS)
#: a capitalised name ending in one of the nouns: up to seven words before it
NAMED_THING = compiled(
    rf"(?<![\p{{L}}\d'’-])(?:\p{{Lu}}[\p{{L}}'’-]*\s+(?:{NAME_JOINER}\s+){{0,2}}){{1,7}}"
    rf"{NAMED_THING_NOUN}s?(?![\p{{L}}'’-])"
)
#: an opening word of a sentence or heading that is not part of the name after it
NAME_OPENERS = ("The", "A", "An", "This", "That", "Our", "Their", "Its")
NAME_OPENER = compiled(rf"^(?:{one_of(NAME_OPENERS)}\s+)+", regex.I)
