"""The shared vocabulary: Welsh and Scots wording is read by the interpreters, and the
interpreters and rules keep no council wording of their own."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import regex

import councildocs
from councildocs.extract.text import read_text
from councildocs.parsers import minutes
from councildocs.parsers.people import person, split_names

SOURCE = Path(councildocs.__file__).parent

# Our own prose, in the shape of the Welsh community council minutes in the corpus
# (manordeilo-salem-cc/*_cy.pdf): a "PRESENNOL" label, numbered items in capitals,
# apologies and a declaration in sentences.
WELSH_MINUTES = """\
CYNGOR CYMUNED ENGHRAIFFT
CYFARFOD 9fed HYDREF 2019

PRESENNOL: Cynghorwyr Siân Pritchard, Dafydd Morgan ac Elin Rhys.

1. CROESO AC YMDDIHEURIADAU
Derbyniwyd ymddiheuriadau gan y Cynghorwyr Rhodri Bowen ac Aled Price.

2. DATGANIADAU O DDIDDORDEB
Cynghorydd Dafydd Morgan declared an interest in Agenda Item 5.

3. CYLLID
PENDERFYNWYD bod y cyfrifon yn cael eu cymeradwyo.
"""

# In the shape of a Scots community council minute: "Sederunt" for those present.
SCOTS_MINUTES = """\
Minute of the meeting of Example Community Council held on 4 November 2017 at 7pm

Sederunt: Morag Laing (Chair), Callum Reid, Isla Fraser
In attendance: Cllr Tom Baird

1. Apologies
Apologies were received from Fiona Grant.
"""


def _parse(text: str):
    pages = read_text("excerpt.txt", text.encode())
    return minutes.parse([line for page in pages for line in page.lines])


def _names(people):
    return [p.name for p in people]


def test_welsh_attendance_apologies_and_decision():
    document = _parse(WELSH_MINUTES)
    assert _names(document.attendance.members) == ["Siân Pritchard", "Dafydd Morgan", "Elin Rhys"]
    assert _names(document.attendance.apologies) == ["Rhodri Bowen", "Aled Price"]
    assert [d.member for d in document.declarations] == ["Cynghorydd Dafydd Morgan"]
    finance = document.items[-1]
    assert [r.text for r in finance.resolutions] == ["bod y cyfrifon yn cael eu cymeradwyo."]


def test_scots_sederunt_is_the_members_present():
    document = _parse(SCOTS_MINUTES)
    assert _names(document.attendance.members) == ["Morag Laing", "Callum Reid", "Isla Fraser"]
    assert document.attendance.members[0].role == "Chair"
    assert _names(document.attendance.in_attendance) == ["Tom Baird"]
    assert _names(document.attendance.apologies) == ["Fiona Grant"]


def test_welsh_honorifics_and_conjunctions():
    assert split_names("Alun Davies, Kim Davies ac Owen Williams") == [
        "Alun Davies",
        "Kim Davies",
        "Owen Williams",
    ]
    assert person("Cyng. O. Williams").honorific == "Cyng."
    assert person("Cyng. O. Williams").name == "O. Williams"


# A space between two words as a parser might spell it: white space, or a pattern's "\s+"
# or "\x20"; and the start of a word, which in a pattern may follow its "\b".
_GAP = r"(?:\s+|\\s[+*?]?|\\x20)"
_START = r"(?:\b|(?<=\\b))"

# Words that are council wording for attendance, decisions and people, and for how a front
# sheet states the meeting (vocabulary.meetings, and the contact labels in labels): only the
# vocabulary may spell them out.
_RESTATED = regex.compile(
    r"\b(?:Apolog\w*|RESOLVED|Resolved|AGREED|APPROVED|CARRIED|Councillors?|Cllrs?|Present"
    r"|PRESENT|In\s+attendance|Substitutes?|Sederunt|Presennol|Ymddiheuriadau|PENDERFYNWYD"
    r"|Mrs|Miss)\b"
    rf"|{_START}(?:will{_GAP}be{_GAP}held|Ask{_GAP}for|Direct{_GAP}Dial|Telephone|Venue"
    rf"|CLOSED{_GAP}SESSION|open{_GAP}to{_GAP}the{_GAP}press|Chamber|introduce)\b"
    # the venue's sentence as a pattern spells it, and the letter-spaced "A G E N D A"
    rf"|{_START}held{_GAP}\(\?:in\|at\)"
    r"|\bA(?:\s|\\s\??)G(?:\s|\\s\??)E(?:\s|\\s\??)N(?:\s|\\s\??)D(?:\s|\\s\??)A\b"
)


def _string_literals(path: Path):
    """The string constants of a module that are code, not its docstrings or comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
        ):
            yield node.lineno, node.value


def test_parsers_and_rules_restate_no_vocabulary():
    found = []
    for folder in ("parsers", "rules"):
        for path in sorted((SOURCE / folder).glob("*.py")):
            for line, text in _string_literals(path):
                if _RESTATED.search(text):
                    found.append(f"{folder}/{path.name}:{line}: {text!r}")
    assert found == [], "council wording belongs in councildocs.vocabulary:\n" + "\n".join(found)


def test_restated_wording_is_found_as_text_and_as_a_pattern():
    for text in (
        "will be held",
        r"\bwill\s+be\s+held",
        "Ask for:",
        r"^(Ask\x20for)\b",
        r"(?:Telephone|Tel)",
        r"Items?\s+not\s+open\s+to\s+the\s+press",
        r"held\s+(?:in|at)\s+(?:the\s+)?",
        "A G E N D A",
        r"^A\s?G\s?E\s?N\s?D\s?A$",
    ):
        assert _RESTATED.search(text), text
    for text in ("Chambers", "reintroduced", "Telephoned", "ask forms", "held in", "AGENDA"):
        assert not _RESTATED.search(text), text


def test_vocabulary_imports_nothing_of_ours():
    # but the store of compiled patterns, which imports only regex
    for path in (SOURCE / "vocabulary").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level > 0:
                if node.level == 2 and node.module == "patterns":
                    assert [alias.name for alias in node.names] == ["compiled"], path.name
                    continue
                assert node.module and node.module.startswith("_"), (path.name, node.module)
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                assert not node.module.startswith("councildocs"), (path.name, node.module)


def test_prose_decision_phrases_each_need_a_hint():
    # find_prose_decision reads a paragraph for the phrases only if it holds a hint word:
    # a phrase that needed none would be passed over
    from councildocs.vocabulary import decisions

    for phrase in decisions.PROSE_DECISION_PHRASES:
        assert any(hint in phrase for hint in decisions.PROSE_DECISION_HINTS), phrase


def test_quick_tests_before_slow_patterns_agree_with_the_patterns():
    from councildocs.vocabulary import attendance, decisions

    texts = [
        "It was RESOLVED that the minutes be approved.",
        "Minutes of the last meeting were agreed and signed.",
        "That the report be noted and approved",
        "Bank Reconciliation: approved",
        "Proposed by Cllr A Smith, seconded by Cllr B Jones, all in favour.",
        "Cynigiwyd gan y Cyng. Rhys ac eiliwyd gan y Cyng. Bowen.",
        "Cllr Smith proposed, and Cllr Jones seconded",
        "Roedd pawb yn gytûn. Cytunwyd yn unfrydol.",
        "There were 3 members of the public present.",
        "Members of the Public: 2",
        "aelodau o'r cyhoedd 4",
        "The chair thanked everyone for attending.",
        "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), B. Lee (second)",
    ]
    for text in texts:
        for quick, pattern in (
            (decisions.find_prose_decision, decisions.PROSE_DECISION.search),
            (decisions.find_mover_seconder, decisions.MOVER_SECONDER.search),
            (decisions.match_that_decision, decisions.THAT_DECISION.match),
            (attendance.find_public_count, attendance.PUBLIC_COUNT.search),
        ):
            found, expected = quick(text), pattern(text)
            assert (found and found.span()) == (expected and expected.span()), text


def test_quick_hints_hold_only_letters_that_lower_case_soundly():
    # holds_any lower-cases the text: sound only for letters the regex module matches,
    # ignoring case, to their own two cases (not i, k or s)
    from councildocs.vocabulary import attendance, decisions

    every_character = "".join(map(chr, range(sys.maxunicode + 1)))
    for hint in (*attendance._PUBLIC_HINTS, *decisions._SECONDED_HINTS):
        assert hint.isascii() and hint.islower() and not set(hint) & set("iks"), hint
        for letter in hint:
            found = regex.findall(f"(?i){letter}", every_character)
            assert set(found) == {letter, letter.upper()}, letter
    assert set(regex.findall("(?i)s", every_character)) == {"s", "S", "ſ"}  # why not s


# --- how a front sheet states the meeting (vocabulary.meetings) ---------------------------


def test_meeting_labels():
    from councildocs.vocabulary.meetings import MEETING_LABEL

    label = MEETING_LABEL.match("Venue : Council Chamber, Civic Centre")
    assert (label["label"], label["value"]) == ("Venue", "Council Chamber, Civic Centre")
    assert MEETING_LABEL.match("DATE: Tuesday, 12 June 2018")["label"] == "DATE"
    for text in ("Venue Council Chamber", "Dates: 12 June", "Time:", "Meeting room: 3"):
        assert not MEETING_LABEL.match(text), text


def test_sentences_stating_the_meeting():
    from councildocs.vocabulary.meetings import BODY_IN_SENTENCE, MEETING_SENTENCE

    sentence = "A meeting of the Licensing Sub-Committee will be held on Monday, 3 March 2025"
    assert MEETING_SENTENCE.search(sentence)
    assert BODY_IN_SENTENCE.search(sentence)["body"] == "Licensing Sub-Committee"
    assert MEETING_SENTENCE.search("Notes of the meeting held on 2 May")
    assert MEETING_SENTENCE.search("the MEETING ON 12 MAY AT")
    for text in ("Published on 1 March 2025", "The meeting closed at 9pm"):
        assert not MEETING_SENTENCE.search(text), text
    # the body is named with a capital, and the meeting is to come
    assert not BODY_IN_SENTENCE.search("a meeting of the panel will be held")
    assert not BODY_IN_SENTENCE.search("A meeting of the Cabinet was held on 3 March")


def test_where_the_meeting_is_held():
    from councildocs.vocabulary.meetings import HELD_AT_ON_A_DAY, MINUTES_OF_BODY_HELD_AT

    found = HELD_AT_ON_A_DAY.search(
        "The Board will be held in the Darwin Room, Shire Hall on Wednesday, 5 March"
    )
    assert found["venue"] == "Darwin Room, Shire Hall"
    assert HELD_AT_ON_A_DAY.search("held at the Guildhall on Friday")["venue"] == "Guildhall"
    for text in ("held on Friday in the Guildhall", "held in the Guildhall on 5 March"):
        assert not HELD_AT_ON_A_DAY.search(text), text

    minutes = MINUTES_OF_BODY_HELD_AT.search(
        "MINUTES of a meeting of the Scrutiny Committee held in Room 2, County Hall on "
        "Tuesday, 4 February 2025"
    )
    assert (minutes["body"], minutes["venue"]) == ("Scrutiny Committee", "Room 2, County Hall")
    assert not MINUTES_OF_BODY_HELD_AT.search("Minutes of the meeting held on 9 January 2025")


def test_venue_words_and_what_follows_the_venue():
    from councildocs.vocabulary.meetings import AFTER_VENUE_WORDS, VENUE_WORD

    for text in ("Council Chamber,", "Brockington, 35 Hafod Road", "Civic Centre"):
        assert VENUE_WORD.search(text), text
    for text in ("Hallway Lane", "council chamber", "Maidstone"):
        assert not VENUE_WORD.search(text), text
    assert AFTER_VENUE_WORDS == ("UNRESTRICTED", "Note")


def test_headings_over_the_business():
    from councildocs.vocabulary.meetings import (
        ITEMS_TABLE_HEADER,
        PART_ONE_HEADING,
        PART_TWO_HEADING,
    )

    for text in ("Item No. Title", "item no title", "Agenda Item No."):
        assert ITEMS_TABLE_HEADER.match(text), text
    for text in ("Item No. Title of report", "Agenda Item 4"):
        assert not ITEMS_TABLE_HEADER.match(text), text
    for text in ("Part 1", "PART ONE - items in public", "Part I", "UNRESTRICTED ITEMS"):
        assert PART_ONE_HEADING.match(text), text
        assert not PART_TWO_HEADING.match(text), text
    for text in (
        "Part 2",
        "PART II",
        "EXEMPT ITEMS",
        "Closed Session",
        "Items not open to the press",
    ):
        assert PART_TWO_HEADING.match(text), text
        assert not PART_ONE_HEADING.match(text), text
    for text in ("Partnership update", "Part 12 of the plan", "Exempt information"):
        assert not PART_ONE_HEADING.match(text) and not PART_TWO_HEADING.match(text), text


def test_presenter_leads_and_weekdays():
    from councildocs.vocabulary.grammar import WEEKDAY
    from councildocs.vocabulary.meetings import PRESENTER_LEAD

    for text in ("to present report", "to  introduce the item", "to give an update"):
        assert regex.match(PRESENTER_LEAD, text), text
    for text in ("to reporter", "to attend", "presenting"):
        assert not regex.match(PRESENTER_LEAD, text), text
    assert regex.fullmatch(WEEKDAY, "Wednesday") and regex.fullmatch(WEEKDAY, "THURSDAY", regex.I)
    assert not regex.fullmatch(WEEKDAY, "Funday", regex.I)


# --- the agenda's banner and page references (vocabulary.documents) -------------------------


def test_agenda_heading_and_page_word():
    from councildocs.vocabulary.documents import AGENDA_BANNER_LINE, AGENDA_HEADING, PAGE_WORD

    for text in ("AGENDA", "A G E N D A", "Agenda"):
        assert AGENDA_HEADING.match(text) and AGENDA_BANNER_LINE.match(text), text
    for text in ("Agenda item 4", "AGENDA AND NOTICE", "A G E N"):
        assert not AGENDA_HEADING.match(text) and not AGENDA_BANNER_LINE.match(text), text
    assert regex.fullmatch(PAGE_WORD, "Page") and regex.fullmatch(PAGE_WORD, "Pages")
    assert not regex.fullmatch(PAGE_WORD, "Paged")


# --- a front sheet's and a covering letter's contact labels (vocabulary.labels) ------------


def test_letter_fields_and_contact_labels():
    from councildocs.vocabulary.labels import CONTACT_SUB_LABEL, LETTER_FIELD

    for text in (
        "Date: 1 June 2018",
        "Direct Dial: 01902 555046",
        "e-mail: a@b.gov.uk",
        "Ask for: J",
    ):
        assert LETTER_FIELD.match(text), text
    for text in ("Dated 1 June", "Email: a@b.gov.uk", "Asked for more"):
        assert not LETTER_FIELD.match(text), text
    assert CONTACT_SUB_LABEL.sub("", "Telephone: 01902 555046") == "01902 555046"
    assert CONTACT_SUB_LABEL.sub("", "E-mail: a@b.gov.uk") == "a@b.gov.uk"
    assert CONTACT_SUB_LABEL.sub("", "Telex 12") == "Telex 12"


# Our own front sheet, in the shape of Kent's (kent/*/Agenda frontsheet*.pdf): the banner,
# the body under it, the date, the venue up to the officer's telephone, and open and
# exempt items.
FRONT_SHEET = """AGENDA
PLANNING COMMITTEE
Wednesday, 5th March, 2025, at 2.00 pm
Darwin Room, Shire Hall,
Castle Street, Wellbridge
Telephone: 01234 567890
UNRESTRICTED ITEMS
1. Apologies
2. Minutes of the meeting held on 5 February 2025 (Pages 1 - 6)
3. Local Plan Review (Pages 7 - 30)
[Sam Porter, Planning Policy Manager, to introduce the report]
EXEMPT ITEMS
4. Land at Mill Lane
"""


def test_front_sheet_read_with_the_vocabulary():
    from councildocs.parsers.agenda import parse_agenda

    pages = read_text("frontsheet.txt", FRONT_SHEET.encode())
    items, meeting, _ = parse_agenda([line for page in pages for line in page.lines])
    assert meeting.body == "Planning Committee"
    assert meeting.venue == "Darwin Room, Shire Hall, Castle Street, Wellbridge"
    assert str(meeting.date) == "2025-03-05"
    assert [(i.number, i.part) for i in items] == [("1", 1), ("2", 1), ("3", 1), ("4", 2)]
    assert (items[1].pages.start, items[1].pages.end) == (1, 6)
    assert items[2].title == "Local Plan Review"
    assert (items[2].presenter.name, items[2].presenter.role) == (
        "Sam Porter",
        "Planning Policy Manager",
    )
