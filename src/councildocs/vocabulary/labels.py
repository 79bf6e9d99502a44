"""The labels of a report's header block and contact block, synonyms grouped by the fact
they label; and the contact labels an agenda's front sheet and a covering letter print.

Each tuple lists one fact's labels as councils print them; ``HEADER_LABELS`` says which
field each tuple fills and whether its labels need a colon after them ("Subject:" is a
label, "Subject to ..." is not). The interpreter tries them in this order.
"""

from __future__ import annotations

import regex

from ..patterns import compiled
from ._phrases import one_of

REPORT_TITLE = ("Report title", "REPORT TITLE", "Subject Matter\\s*/\\s*Title of Decision")
REPORT_TITLE_WITH_COLON = ("Subject", "TITLE")
CABINET_MEMBER = ("Cabinet member with lead responsibility",)
WARDS = ("Wards? affected", "Ward\\(s\\)", "Electoral Divisions?(?: affected)?")
DIRECTOR = ("Accountable director", "(?:Executive|Strategic|Corporate) Director lead")
SERVICE = ("Originating service",)
EMPLOYEES = ("Accountable employee(?:\\(s\\)|s)?", "RESPONSIBLE OFFICER")
EMPLOYEES_WITH_COLON = (
    "Officer presenting the report",
    "Report author",
    "Contact officer",
    "Lead officer",
)
# printed beside the contact it describes: "Officer presenting the report: ... Job title: ..."
JOB_TITLE = ("Job title", "Role")
CONSIDERED_BY = ("Report to be\\s*/\\s*has been considered by",)
CONSIDERED_BY_WITH_COLON = ("Past Pathway of report",)
FROM = ("From", "By")
TO = ("REPORT TO", "To", "DECISION TO BE TAKEN BY")
# without a colon (Kent's finance monitoring cover): "By Deputy Leader and ...",
# "To Cabinet – 30 January 2025"
FROM_WITHOUT_COLON = ("By(?= (?:the )?(?:Deputy Leader|Leader|Cabinet Member|Corporate))",)
TO_WITHOUT_COLON = ("To(?= \\p{Lu}[\\p{L}\\x20]{2,60}\\s[–—-] \\d{1,2} \\p{L}+ \\d{4}$)",)
CONTACTS = ("Contact Details",)
PROPOSER = ("Proposed by", "Seconded by")
COMMITTEE = ("COMMITTEE", "MEETING")
DATE = ("DATE",)
KEY_DECISION = ("KEY OR NON-KEY DECISION", "Key decision")
DECISION_NUMBER = ("Decision (?:No\\.?|number)",)
CLASSIFICATION = ("Classification",)
PURPOSE = ("Purpose of (?:the )?Report", "Summary", "Purpose")
CALL_IN = ("Is the decision eligible for call-in\\?",)

# (field, its labels, whether a label needs a colon after it)
HEADER_LABELS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("title", REPORT_TITLE, False),
    ("title", REPORT_TITLE_WITH_COLON, True),
    ("cabinet_member", CABINET_MEMBER, False),
    ("wards", WARDS, False),
    ("director", DIRECTOR, False),
    ("service", SERVICE, False),
    ("employees", EMPLOYEES, False),
    ("employees", EMPLOYEES_WITH_COLON, True),
    ("job_title", JOB_TITLE, True),
    ("considered", CONSIDERED_BY, False),
    ("considered", CONSIDERED_BY_WITH_COLON, True),
    ("from", FROM, True),
    ("to", TO, True),
    ("from", FROM_WITHOUT_COLON, False),
    ("to", TO_WITHOUT_COLON, False),
    ("contacts", CONTACTS, False),
    ("proposer", PROPOSER, False),
    ("committee", COMMITTEE, True),
    ("date", DATE, True),
    ("key_decision", KEY_DECISION, True),
    ("decision_number", DECISION_NUMBER, True),
    ("classification", CLASSIFICATION, True),
    ("purpose", PURPOSE, True),
    ("call_in", CALL_IN, False),
)
_COLON = {True: r"\s*:", False: r"\s*:?"}
HEADER_LABEL_PATTERNS: tuple[tuple[str, regex.Pattern], ...] = tuple(
    (field, compiled(rf"^(?P<label>{one_of(labels)}){_COLON[colon]}(?:\s+|$)", regex.I))
    for field, labels, colon in HEADER_LABELS
)

# the labels before a telephone number and an e-mail address: inside a contact's value
# ("Tel: ...", "Email: ..."), and beside the meeting's date and venue on Kent's front sheet
# ("Telephone: 03000 414043", "Email:"); a covering letter's head prints "e-mail"
TELEPHONE_LABELS = ("Telephone", "Tel")
HYPHENATED_EMAIL_LABEL = "e-mail"
EMAIL_LABELS = ("Email", HYPHENATED_EMAIL_LABEL)
# the officer to ask about a meeting, beside its date ("Ask for: Georgina Little") and in a
# covering letter's head, and the letter's direct line. Their space is one space ("\x20"),
# not any run of white space as in other phrases: what the agenda parser has always read.
ASK_FOR_LABELS = ("Ask\\x20for",)
DIRECT_DIAL_LABELS = ("Direct\\x20Dial",)

# inside a contact's value: "Tel: ...", "Email: ...", "Job title: ..."
CONTACT_SUB_LABEL = compiled(
    rf"^({one_of(TELEPHONE_LABELS + EMAIL_LABELS)}|Job\s+title)\b\s*:?\s*", regex.I
)
JOB_TITLE_INLINE = compiled(r"\s+Job\s+title\s*:\s*", regex.I)
KEY_DECISION_CRITERIA = compiled(
    r"^(?P<label>Key\s+decision\s+criteria)\s*[.:]\s*(?P<rest>.*)$", regex.I
)
KEY_DECISION_YES = compiled(r"(?:yes|key\s+decision)\b")
KEY_DECISION_NO = compiled(r"(?:no|non[-\s]key)\b")
# a classification's words (lower-cased) saying whether the report is exempt from publication
CLASSIFICATION_OPEN = compiled(r"^unrestricted|not exempt")
CLASSIFICATION_EXEMPT = compiled(r"exempt|restricted")

# a letter opening a summons: "Dear Member", "Dear Councillor"
LETTER_SALUTATION = compiled(r"^Dear\s+(Member|Councillor|Sir)")
# the fields of a covering letter's head, not the meeting's: its own date (when it was sent),
# its direct line, the writer's e-mail (of EMAIL_LABELS only the hyphenated one, as letters
# print it) and the officer to ask for
LETTER_FIELDS = ("Date", *DIRECT_DIAL_LABELS, HYPHENATED_EMAIL_LABEL, *ASK_FOR_LABELS)
LETTER_FIELD = compiled(rf"^({one_of(LETTER_FIELDS)})\b", regex.I)

# --- the contact block at a report's end ----------------------------------------------------

# a label stands alone or ends in a colon: "Director of Strategy" is a job title, not one
# the bodies a report asks to decide, as its requests name them: "That Cabinet:", "That the
# Panel agrees to:", "That Planning Committee is recommended to:"
DECIDING_BODIES = (
    "Sub-Committee",
    "Committee",
    "Cabinet",
    "Panel",
    "Council",
    "Board",
    "Executive",
    "Commission",
    "Forum",
)
# a request's lead-in with no recommendations heading above it: the list under it holds the
# recommendations, the lead-in itself is none of them
RECOMMENDATION_LEAD_IN = compiled(
    rf"^That\s+(?:the\s+)?(?:(?:\p{{Lu}}[\w’'&-]*|and|of|for|&)\s+){{0,6}}?{one_of(DECIDING_BODIES)}\b"
    r"[^:.;]{0,80}:$"
)
# the same request put as a sentence, anywhere in the report: "Cabinet is asked to:", "The
# Committee is recommended to:", "Members are invited to:"
ASKED_LEAD_IN = compiled(
    rf"\b(?:{one_of(DECIDING_BODIES)}|Members)\s+(?:is|are)\s+"
    r"(?:recommended|asked|invited|requested)\s+to\b[^.;]{0,60}:$"
)

CONTACT_LABELS = (
    "(?:Report )?Author",
    "Contact Officer",
    "Lead Officer",
    "(?:Relevant|Lead) Director",
    "Director",
    "Report Contact",
)
CONTACT_LABEL = compiled(
    rf"^(?P<label>{one_of(CONTACT_LABELS)})s?\s*(?::\s*(?P<rest>.*)|$)", regex.I
)
CONTACT_FIELD_WORDS = compiled(
    r"\b(?:Telephone(?:\s+number)?|Tel|E-?mail(?:\s+address)?)\b\s*:?", regex.I
)
CONTACT_HEADING = compiled(r"^(?:\d+\.?\s+)?Contact\s+(?:details|officers?)\s*:?$", regex.I)
# a contact label naming the director who answers for the report
DIRECTOR_LABEL = compiled(r"director", regex.I)

# --- what the validate rules look for when no field was parsed ----------------------------

# REP001: a report title labelled somewhere in the text
REPORT_TITLE_MENTION = (
    r"(?:^|\s)(?:report\s+title|title\s+of\s+report)\s+\S|\b(?:title|subject)\s*:\s*\S"
)
# REP003: a report states recommendations, or asks its readers to decide
RECOMMENDATIONS_MENTION = (
    r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?recommendations?\b|recommendation\(s\)"
    r"|\bis\s+(?:asked|recommended|requested|invited)\s+to\b"
    r"|\bseeks?\s+(?:approval|agreement|endorsement)\b"
)
