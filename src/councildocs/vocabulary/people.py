"""How councils print people: honorifics, post-nominal letters, and the words that tell a
job title from an organisation."""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

# Welsh papers write "y Cyng. O. Williams" and "Cynghorydd Sir" (county councillor)
HONORIFICS = (
    "Cllr",
    "Councillor",
    "Councilor",
    "Mr",
    "Mrs",
    "Ms",
    "Miss",
    "Messrs",
    "Mx",
    "Dr",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Prof(?:essor)?",
    "Rev(?:d|erend)?",
    "Commissioner",
    "Alderman",
    "Mayor",
    "Hon",
    "Cyng",
    "Cynghorydd",
)
# one or more honorifics opening an entry ("Cllr Dr ..."), each with or without a full stop
HONORIFIC = compiled(rf"^(?P<honorific>(?:{one_of(HONORIFICS)}\.?\s+)+)")

# the titles minutes put before a member's name in a sentence ("Mr Hood declared ...")
MEMBER_TITLES = ("Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Dr", "Cynghorydd", "Cyng\\.?")
MEMBER_TITLE = one_of(MEMBER_TITLES)

# the plural that heads a list of councillors ("Councillors: Ed Plowden (Chair), ..."),
# lending each name the honorific COUNCILLOR; Welsh "Cynghorwyr Alun Davies, ..." has no colon
COUNCILLORS_PLURAL = ("Councillors", "Cllrs")
COUNCILLORS_PLURAL_WITHOUT_COLON = ("(?:Y )?Cynghorwyr",)  # "Y Cynghorwyr": the councillors
COUNCILLORS_LIST = compiled(
    rf"^(?P<label>{one_of(COUNCILLORS_PLURAL)}\s*:|{one_of(COUNCILLORS_PLURAL_WITHOUT_COLON)}\s"
    # "Councillors Alun Davies, ...": the plural before a name, without its colon
    rf"|{one_of(COUNCILLORS_PLURAL)}\s+(?=\p{{Lu}}\p{{Ll}}*\.?\s+\p{{Lu}}))\s*",
    regex.I,
)
COUNCILLOR = "Councillor"
# a work programme's "Cabinet Member for Finance – Cllr ...": the portfolio, then its holder
CABINET_MEMBER_AND_NAME = compiled(
    r"^(?P<label>Cabinet\s+Member[^–—:-]*?)\s*[–—:-]\s*(?P<name>(?:Cllr|Councillor)\b.+)$", regex.I
)

POST_NOMINALS = (
    "OBE", "MBE", "CBE", "KBE", "DBE", "CB", "CMG", "DL", "JP", "QC", "KC", "MP", "MEP",
    "BEM", "QPM", "FRS", "PhD", "FCA", "KStJ", "OStJ",
)  # fmt: skip
POST_NOMINAL = compiled(rf"^{one_of(POST_NOMINALS)}$")

# words joining the last two names of a list; Welsh "ac" (and) and "a’r" (and the), also
# printed with its apostrophe lost ("a r")
NAME_LIST_AND = ("and", "&", "ac", "a’r", "a'r", "a r")
NAME_LIST_AND_PATTERN = compiled(rf"\s+{one_of(NAME_LIST_AND)}\s+")

# Words that make a trailing phrase an organisation rather than a job title.
ORGANISATION_WORDS = (
    "Service", "Council", "Police", "Trust", "Company", "Board", "Partnership", "NHS",
    "Probation", "Consulting", "Limited", "Ltd", "Group", "Association", "Authority",
    "Commission", "Agency", "University", "College",
)  # fmt: skip
ORGANISATION_WORD = compiled(rf"\b{one_of(ORGANISATION_WORDS)}\b")

# Words that make a phrase a job title even when it names an organisation.
JOB_WORDS = (
    "Head", "Director", "Manager", "Officer", "Chair", "Chairman", "Member", "Leader",
    "Executive", "Lead", "Counsel", "Analyst", "Accountant", "Trainee", "Adviser", "Advisor",
    "Clerk", "Secretary", "Cabinet",
)  # fmt: skip
JOB_WORD = compiled(rf"\b{one_of(JOB_WORDS)}\b")

# the roles a header block's "From:" names, and the words that end a role before a name
CABINET_ROLE = compiled(r"\bCabinet\s+Member\b|\bLeader\b", regex.I)
DIRECTOR_ROLE = compiled(r"\bDirector\b", regex.I)
ROLE_WORDS = ("Leader", "Member", "Director", "Officer", "Head", "Manager")
ROLE_WORD = compiled(rf"\b{one_of(ROLE_WORDS)}\b")
# "Cabinet Member for Education" and "Portfolio Holder for Education" name one portfolio
PORTFOLIO_TITLE = compiled(r"^(?:the\s+)?(?:cabinet\s+member|portfolio\s+holder)\s+for\s+", regex.I)

# a role printed before its holder's name in a list: "Madras Representative Nicole Walker",
# "Youth Delegate Sam Hill"
ROLE_BEFORE_NAME_WORDS = ("Representative", "Rep", "Delegate", "Liaison Officer", "Observer")
ROLE_BEFORE_NAME = compiled(
    rf"^(?P<role>(?:\p{{Lu}}[\w'’&-]*\s+){{0,3}}{one_of(ROLE_BEFORE_NAME_WORDS)})\s+"
    r"(?P<name>\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){1,2})$"
)
