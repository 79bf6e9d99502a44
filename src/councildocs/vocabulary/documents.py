"""The wording of document kinds: the titles and first-page labels that name a document.

Segment reads these as one signal among several (stamps, bookmarks and the agenda's page
references come first); a council's own title for its minutes or agenda is added here.
Each list of phrases is written as a reader would type it, and the compiled pattern
beside it says how a line is matched: from its start, at its end, or anywhere in it.
Words in a phrase match across any run of spaces, and case is ignored throughout.
"""

from __future__ import annotations

import regex

from ..patterns import compiled


def _words(phrase: str) -> str:
    """A phrase as a pattern whose words may be split by any whitespace."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


def _any_of(phrases: tuple[str, ...]) -> str:
    return "(?:" + "|".join(_words(p) for p in phrases) + ")"


# --- minutes -----------------------------------------------------------------------------

# A line opening with one of these titles minutes when the title ends the line or a dash,
# a colon or a joining word follows it ("Minutes of the meeting of ...", "Minutes - 10
# April 2018", "Minutes from the Parish Council meeting", "Minutes for the Community Council
# Meeting"); "Cofnodion" is Welsh.
MINUTES_TITLES = ("Minutes", "Printed Minutes", "Cofnodion")
MINUTES_TITLE_JOINERS = ("of", "from", "for")
# A record's standing, which may lead its title: "DRAFT Minutes for the ...", "AGREED Minutes".
MINUTES_STATUSES = ("Draft", "Agreed", "Approved", "Unconfirmed", "Confirmed", "Unapproved")
# Openings that name minutes whatever follows: Scottish councils keep the singular ("Minute
# of Meeting of the Community Council"), Welsh titles run on without a joining word
# ("Cofnodion y Cyfarfod", "Cofnodion cyfarfod Cyngor Cymuned").
MINUTES_TITLE_OPENINGS = ("Minute of", "Cofnodion y", "Cofnodion cyfarfod")
# A line ending with one of these: "Souldern Parish Council Meeting Minutes".
MINUTES_CLOSING_TITLES = ("Meeting Minutes",)

MINUTES_TITLE = compiled(
    rf"^(?:(?:{_any_of(MINUTES_STATUSES)}\s+)?{_any_of(MINUTES_TITLES)}"
    rf"(?:\s*[-–:]|\s+{_any_of(MINUTES_TITLE_JOINERS)}\b|$)"
    rf"|{_any_of(MINUTES_TITLE_OPENINGS)}\b"
    rf"|(?:[\w ]+\s)?{_any_of(MINUTES_CLOSING_TITLES)}\s*$)",
    regex.I,
)

# An agenda item whose title holds one of these words is for minutes ("Minutes of previous
# meetings", "Cofnodion y cyfarfod diwethaf").
MINUTES_ITEM_WORDS = ("minutes", "cofnodion")
MINUTES_ITEM = compiled(rf"\b{_any_of(MINUTES_ITEM_WORDS)}\b", regex.I)


# --- agendas -----------------------------------------------------------------------------

# A line opening with one of these is an agenda's title ("Agenda", "Agenda and Notice",
# "Summons to and Agenda for a meeting"); "Rhaglen" is Welsh.
AGENDA_TITLES = ("Agenda", "Summons to and", "Notice and Agenda", "Rhaglen")
# A line ending with one of these: "CITY COUNCIL AGENDA AND NOTICE", "Parish Council Agenda".
AGENDA_CLOSING_TITLES = ("Agenda", "Agenda and Notice")

# the letter-spaced "A G E N D A" some front sheets print as their banner
AGENDA_BANNER = r"A\s?G\s?E\s?N\s?D\s?A"

AGENDA_TITLE = compiled(
    rf"^(?:{AGENDA_BANNER}|{_any_of(AGENDA_TITLES)}"
    rf"|(?:[\w ]+\s)?{_any_of(AGENDA_CLOSING_TITLES)}\s*$)\b",
    regex.I,
)

# The agenda's own heading, the whole of its line ("AGENDA", "A G E N D A"), and the banner
# alone (over the committee's name on Kent's front sheet): the agenda parser's.
AGENDA_HEADING = compiled(rf"^(?:{AGENDA_BANNER}|Agenda)$", regex.I)
AGENDA_BANNER_LINE = compiled(rf"^{AGENDA_BANNER}$", regex.I)

# The agenda's reference to an item's pages: "(Pages 3 - 8)", "(Page 9)"; the agenda parser
# reads the numbers with PAGE_WORD.
PAGE_WORD = r"Pages?"
PAGE_REFERENCE = compiled(rf"\({PAGE_WORD}\s+\d+(?:\s*[-–]\s*\d+)?\)?", regex.I)


# --- work programmes ---------------------------------------------------------------------

# Found anywhere in a title line or an agenda item's title; "Rhaglen Waith" is Welsh for a
# work programme, "Blaenraglen" for a forward programme.
WORK_PROGRAMME_TITLES = (
    "Work Programme",
    "Forward Plan",
    "Work Plan",
    "Rhaglen Waith",
    "Blaenraglen",
)
WORK_PROGRAMME_TITLE = compiled(rf"\b{_any_of(WORK_PROGRAMME_TITLES)}\b", regex.I)
# The same phrases capitalised as a title prints them ("Work Programme", "WORK PROGRAMME"),
# for text without typography, where prose ("presented the work programme") looks the same.
WORK_PROGRAMME_TITLE_CASED = compiled(
    rf"\b{_any_of(WORK_PROGRAMME_TITLES + tuple(p.upper() for p in WORK_PROGRAMME_TITLES))}\b"
)


# --- reports -----------------------------------------------------------------------------

# The labels of a report's cover sheet; a line opening with one counts, and two near the top
# of a page make it a report's first page. They are read as the start of the line, so
# "Wards affected" also matches "Wards affected: All".
REPORT_LABELS = (
    "Report title",
    "Cabinet member with lead",
    "Ward affected",
    "Wards affected",
    "Ward(s):",
    "Accountable director",
    "From:",
    "To:",
    "Subject:",
    "Decision No",
    "Classification:",
    "Electoral Division",
    "COMMITTEE:",
    "TITLE:",
    "REPORT TO:",
    "REPORT TITLE:",
    "RESPONSIBLE OFFICER:",
    "Key Decision",
    "Committee Report",
    "Report author",
    "PURPOSE:",
)
# Labels that must end on a word: "Report of the Director", not "Report offers"; a group's
# budget amendment report prints "Proposed by" and "Seconded by" without colons.
REPORT_LABEL_WORDS = ("Report of", "Proposed by", "Seconded by")
# Labels that lead a report's header: a text export's report starts at one of them.
REPORT_FIRST_LABELS = ("Report title", "From:", "REPORT TO:", "COMMITTEE:")

REPORT_LABEL = compiled(
    rf"^(?:{_any_of(REPORT_LABELS)}|{_any_of(REPORT_LABEL_WORDS)}\b"
    # A finance monitoring cover prints its addressee and author without colons: "To
    # Cabinet – 30 January 2025", "By Deputy Leader and Cabinet Member for Finance".
    r"|To\s+\p{Lu}[\p{L} ]{2,60}\s[–—-]\s+\d{1,2}\s+\p{L}+\s+\d{4}$"
    r"|By\s+(?:the\s+)?(?:Deputy\s+Leader|Leader|Cabinet\s+Member|(?:Interim\s+)?Corporate\s+Director))",
    regex.I,
)
REPORT_FIRST_LABEL = compiled(rf"^{_any_of(REPORT_FIRST_LABELS)}", regex.I)


# --- appendices --------------------------------------------------------------------------

# A page whose first line is one of these and a letter or number ("Appendix B", "Annex 1")
# is an appendix's title page; "Atodiad" is Welsh.
APPENDIX_TITLES = ("Appendix", "Annex", "Schedule", "Atodiad")
APPENDIX_TITLE = compiled(rf"^{_any_of(APPENDIX_TITLES)}\s+[A-Z0-9]+\b", regex.I)


# --- records of a decision ---------------------------------------------------------------

# A form recording a decision is not minutes, though it prints the members present and what
# was decided; its title says what it is: "Decision Recording Form", "PROPOSED RECORD OF
# DECISION", "Decision Notice". It is no officer report either, though it prints a report's
# labels: it is kind "other", its labelled fields and headings kept.
DECISION_RECORD_TITLES = ("Record of Decision", "Decision Recording Form", "Decision Notice")
DECISION_RECORD_TITLE = compiled(rf"\b{_any_of(DECISION_RECORD_TITLES)}\b", regex.I)


# --- evidence of a kind, where no title names it -----------------------------------------

# A document with no title a reader would go by is known by what its first page does:
# minutes record who was present and what was decided, an agenda summons members to business
# to come, a report is titled or signed as one or speaks in its author's voice.

# An agenda's summons, found anywhere in a line: "You are hereby summoned to attend",
# "for the purposes of transacting the following business"; Welsh "fe'ch gwysir" (you are
# summoned).
AGENDA_SUMMONS_PHRASES = (
    "summoned to attend",
    "hereby summoned",
    "summons to attend",
    "notice is hereby given",
    "the following business",
    "fe'ch gwysir",
    "fe’ch gwysir",
)
AGENDA_SUMMONS = compiled(_any_of(AGENDA_SUMMONS_PHRASES), regex.I)
# An agenda item says what the meeting is to do: "3. To consider the budget", "To receive
# reports"; Welsh items open with the verb alone ("Ystyried", to consider; "Derbyn", to
# receive; "Cymeradwyo", to approve).
AGENDA_ITEM_VERBS = (
    "To consider",
    "To receive",
    "To approve",
    "To note",
    "To agree",
    "To resolve",
    "To confirm",
    "To discuss",
    "Ystyried",
    "Derbyn",
    "Cymeradwyo",
)
AGENDA_ITEM_VERB = compiled(rf"^(?:[\w.()]{{1,6}}\s+)?{_any_of(AGENDA_ITEM_VERBS)}\b", regex.I)

# What only a record of a meeting held says: a motion moved and seconded, apologies taken,
# a decision made; Welsh "Cynigiwyd gan" (proposed by), "eiliwyd gan" (seconded by),
# "Derbyniwyd ymddiheuriadau" (apologies were received), "Penderfynwyd" (resolved),
# "Cytunwyd" (agreed).
MEETING_RECORD_PHRASES = (
    "proposed by",
    "seconded by",
    "it was resolved",
    "it was agreed",
    "it was proposed",
    "apologies received",
    "apologies were received",
    "cynigiwyd gan",
    "eiliwyd gan",
    "derbyniwyd ymddiheuriadau",
    "penderfynwyd",
    "cytunwyd",
)
MEETING_RECORD = compiled(rf"\b{_any_of(MEETING_RECORD_PHRASES)}\b", regex.I)

# A report names itself in its title lines ("TIM BRETT'S REPORT", "Chair's Report", "Response
# from the Parish Council"); Welsh "Adroddiad" (report), "Ymateb" (response).
REPORT_TITLE_WORDS = ("Report", "Response", "Adroddiad", "Ymateb")
REPORT_TITLE_WORD = compiled(rf"\b{_any_of(REPORT_TITLE_WORDS)}\b", regex.I)
# A councillor's report speaks in the first person: "I asked", "I have reported", "I'd welcome"
# (the roman numeral "I." that numbers a section is not a pronoun).
FIRST_PERSON = compiled(r"(?<![\p{L}.])I(?:['’](?:d|ve|m|ll))?\s+\p{Ll}")
# Prose titled as a statement, policy or order is neither a report nor a record: "STATEMENT
# OF REASONS", "PAY POLICY STATEMENT 2021/22", "(20 MPH SPEED LIMIT) ORDER".
STATEMENT_TITLE_WORDS = ("Statement", "Policy", "Order", "Notice")
STATEMENT_TITLE_WORD = compiled(rf"\b{_any_of(STATEMENT_TITLE_WORDS)}\b", regex.I)
