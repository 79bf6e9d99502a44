"""Who attended: the labels over attendance lists, the words minutes use for apologies,
absence, substitutes and declarations of interest, and the chair's marks.

Minutes print a label then names ("PRESENT: ...", "Sederunt:", Welsh "PRESENNOL") or write
a sentence ("Apologies were received from ...", Welsh "Derbyniwyd ymddiheuriadau gan ...").
Each tuple lists one label's synonyms; its pattern, built beside it, matches at the start
of a line, case ignored.
"""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import holds_any, one_of

VIRTUAL_ATTENDANCE_LABELS = ("IN ATTENDANCE VIRTUALLY", "Attending virtually", "Virtual attendance")
IN_ATTENDANCE_LABELS = (
    "IN ATTENDANCE",
    "Also (?:present|in attendance)",
    "Others? present",
    "Officers(?: (?:present|in attendance))?",
    "Witnesses",
    "Employees",
    "Staff(?: present)?",
    "Hefyd yn bresennol",  # Welsh: also present
    "Attending",
    "Guests",
)
APOLOGIES_LABELS = ("Apologies(?: for absence)?", "Ymddiheuriadau")
ABSENT_LABELS = (
    "(?:(?:Members|Councillors|Commissioners) )?Absent(?: without (?:apologies|apology|explanation))?",
    "Not present",
    "Absennol",
)
SUBSTITUTES_LABELS = ("Substitutes?",)
# The labels that say the people named were there, which only a record of a meeting held
# prints: "Sederunt" is the Scots record's word for those present; Welsh "Presennol", "Yn
# bresennol".
PRESENCE_LABELS = (
    "PRESENT",
    "(?:Members|Councillors|Commissioners|Board Members) Present",
    "Sederunt",
    "Presennol",
    "Yn bresennol",
)
# Labels that head attendance in minutes but also a committee's membership on an agenda's
# front sheet, so they do not of themselves show a meeting was held.
# ("Members of the Council present were: Councillors A, B": the label runs to its colon,
# the names after it; "Members of the Panel" alone on its line heads a list under it)
MEMBERS_LABELS = PRESENCE_LABELS + ("Members of the\\b[^:]{0,80}?(?=:|$)", "Members", "Attendance")
# "Members of the Panel" heads a list one person a line, with no colon after it
MEMBERS_OF_THE = compiled(r"^Members\s+of\s+the\b", regex.I)

VIRTUAL_ATTENDANCE_LABEL = compiled(rf"^{one_of(VIRTUAL_ATTENDANCE_LABELS)}\b", regex.I)
IN_ATTENDANCE_LABEL = compiled(rf"^{one_of(IN_ATTENDANCE_LABELS)}\b", regex.I)
# an apologies label needs its colon or dash: "Apologies" alone is an item's title
APOLOGIES_LABEL = compiled(rf"^{one_of(APOLOGIES_LABELS)}\s*[:\-]", regex.I)
# an item titled only "Apologies" (or "Apologies for absence"), whose text lists the names
APOLOGIES_TITLE = compiled(rf"^{one_of(APOLOGIES_LABELS)}\s*[:.]?$", regex.I)
# a text that records no apologies
NO_APOLOGIES = compiled(r"(?i)^(?:none|nil|no\s+apologies\b.*|there\s+were\s+no(?:ne)?\b.*)$")
ABSENT_LABEL = compiled(rf"^{one_of(ABSENT_LABELS)}\b", regex.I)
SUBSTITUTES_LABEL = compiled(rf"^{one_of(SUBSTITUTES_LABELS)}\b", regex.I)
MEMBERS_LABEL = compiled(rf"^{one_of(MEMBERS_LABELS)}\b", regex.I)
# a presence label after the item letter or number some minutes put before it ("a. Present"),
# and what follows it on its line
PRESENCE_LABEL = compiled(
    rf"^(?:[\w]{{1,3}}[.)]\s+)?{one_of(PRESENCE_LABELS)}\b\s*[:\-–]?\s*(?P<rest>.*)$", regex.I
)

# --- in the minutes' prose ----------------------------------------------------------------

# an item whose title is one of these records attendance in its text
ATTENDANCE_ITEM_WORDS = ("apolog", "substitut", "attendance", "roll call", "ymddiheuriad")
ATTENDANCE_ITEM = compiled(one_of(ATTENDANCE_ITEM_WORDS), regex.I)
# the words before the names in "Apologies for absence were received from Mr A and Mr B."
APOLOGIES_FROM = (
    "apologies(?: for absence)? (?:were |was |had been |have been |has been )?"
    "(?:received |reported |submitted |given |sent )?from "
    "(?:the following\\s*:\\s*)?(?:(?:Cllrs|Councillors)\\.?\\s+)?",
    # Welsh: "Derbyniwyd ymddiheuriadau gan y Cynghorwyr A, B ac C." (received apologies from)
    "derbyniwyd ymddiheuriadau gan (?:y )?(?:Cynghorwyr |Cyng\\.? )?",
)
APOLOGIES_SENTENCE = compiled(rf"(?i)\b{one_of(APOLOGIES_FROM)}(?P<names>.+?)(?:\.(?=\s|$)|$)")
SUBSTITUTE_PHRASE = r"attended\s+as\s+(?:a\s+)?substitute"
ABSENT_PHRASE = r"(?:was|were)\s+absent\b"
# a roll call's status column ("Present", "Absent", "Late"); absent and excused are away
ROLL_CALL_STATUSES = ("Present", "Absent", "Late", "Excused", "Remote")
ROLL_CALL_STATUS = compiled(rf"(?i)^{one_of(ROLL_CALL_STATUSES)}$")
ROLL_CALL_AWAY = ("absent", "excused")

# members of the public, counted, not named: "3 members of the public", "Members of the
# Public: 2", "Members of the Public 2 plus Cllr C Brant"; Welsh "aelodau o'r cyhoedd"
PUBLIC_WORDS = ("members? of (?:the )?public", "aelod(?:au)? o[’']r cyhoedd")
PUBLIC_NUMBERS = {
    "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip
_PUBLIC_NUMBER = rf"(?P<n>\d{{1,3}}|{'|'.join(PUBLIC_NUMBERS)})"
PUBLIC_COUNT = compiled(
    rf"(?i)\b{_PUBLIC_NUMBER}\s+{one_of(PUBLIC_WORDS)}\b"
    rf"|\b{one_of(PUBLIC_WORDS)}\s*(?:present|attending)?\s*[:\-–]?\s*{_PUBLIC_NUMBER}\b"
)
# both ways of counting name the public (PUBLIC_WORDS): a text that does not is passed
# over, after a quick look for pieces of the words, since the count is slow to fail
_PUBLIC_HINTS = ("publ", "cyhoedd")
_PUBLIC = compiled(one_of(PUBLIC_WORDS), regex.I)


def find_public_count(text: str) -> regex.Match | None:
    """The first count of the public (PUBLIC_COUNT) in the text."""
    if not holds_any(text, _PUBLIC_HINTS) or not _PUBLIC.search(text):
        return None
    return PUBLIC_COUNT.search(text)


# a line of its own that counts the public: a label, not a person
PUBLIC_LINE = compiled(rf"(?i)^(?:\d{{1,3}}\s+)?{one_of(PUBLIC_WORDS)}\b")

# --- declarations of interest -------------------------------------------------------------

DECLARATIONS_ITEM_WORDS = ("declaration", "interests?\\b", "datganiad", "diddordeb")
DECLARATIONS_ITEM = compiled(one_of(DECLARATIONS_ITEM_WORDS), regex.I)
NO_DECLARATIONS = compiled(
    r"(?i)\b(?:no|none)\b.{0,40}\bdeclar|\bthere\s+were\s+none\b|\bno\s+(?:declarations|interests)\b"
    r"|\bnone\s+(?:were\s+)?(?:declared|received|made)\b"
)
DECLARED = r"declared"
# a declaration made anywhere in the minutes names an interest: "Later in the meeting Mr X
# declared an interest in ..."
INTEREST_WORD = compiled(r"(?i)\binterests?\b")
# kinds of interest, as the Localism Act's regulations name them
PECUNIARY = compiled(r"(?i)\bpecuniary\b")
NON_REGISTRABLE = compiled(r"(?i)non[- ]registrable")
OTHER_INTEREST = compiled(r"(?i)\bother\b")

# --- the chair and the clerk --------------------------------------------------------------

CHAIR_MARKS = ("Chair", "Chairman", "Chairperson", "Chairwoman", "Convener", "Cadeirydd")
VICE_CHAIR_MARKS = ("Vice[- ]Chair(?:man|person)?", "Vice[- ]Convener", "Is-gadeirydd")
CLERK_MARKS = ("Clerk", "Clerc")
# an office printed as a label before its holder ("Chair: Mrs S Walker: Secretary: ...")
OFFICE_MARKS = VICE_CHAIR_MARKS + CHAIR_MARKS + CLERK_MARKS + ("Secretary", "Treasurer")
OFFICE = compiled(rf"^{one_of(OFFICE_MARKS)}$", regex.I)
# an office label opening an entry ("Clerk: Gail Williams")
OFFICE_LABEL = compiled(rf"^{one_of(OFFICE_MARKS)}\s*:\s", regex.I)
# the clerk serves the council and is not one of its members
CLERK = compiled(rf"^(?:the\s+)?{one_of(CLERK_MARKS)}\b", regex.I)

# --- what the validate rules look for when no list was parsed ---------------------------

# MIN001: the minutes say who was present somewhere, in words the parser did not take
ATTENDANCE_MENTION = (
    r"\bpresent\s*:|\b(?:members|councillors|commissioners|directors|others|officers)\s+present\b"
    r"|\battendance\b|\battendees?\b|\broll\s+call\b|^\s*members\s*:"
    r"|\bsederunt\b|\b(?:yn\s+)?bresennol\b|\bpresennol\b"
)
# a US meeting record (roll calls, ayes and noes, a state and ZIP code), where UK duties
# such as declaring interests do not apply
US_RECORD_MENTION = (
    r"\broll\s+call\b|\bAYES\b|\bNOES\b|\b(?:CA|IL|NY|TX|WA|OR|MA)\s+\d{5}\b"
    r"|\bCommissioners?\s+Present\b"
)
# MIN002: apologies or absence are mentioned
APOLOGIES_MENTION = r"\bapolog|\babsen(?:t|ce)\b|\bymddiheuriad|\babsennol\b"
# MIN003: declarations of interest are mentioned
DECLARATIONS_MENTION = (
    r"declarations?\s+of\s+(?:\w+\s+)?interests?|interests?\s+(?:were\s+|was\s+)?declared"
    r"|declared\s+(?:an?\s+|no\s+)?(?:\w+\s+)?interest|conflicts?\s+of\s+interest"
    r"|disclosures?\s+of\s+interest"
    r"|datganiad(?:au)?\s+o\s+(?:dd|f)iddordeb|datgan\s+(?:dd|f)iddordeb"
)
