"""Nothing lost: every word of five letters or more that the reader gives the parser is
in the output of the document it is in (or in what the pack states for all of them), in
a field or in ``unplaced_text``.

The input is what :func:`councildocs.extract.load` hands on (page furniture, the "Page 3"
stamps and running heads, is dropped there on purpose and is not counted). A word counts as
kept when it is a word of the output's strings or part of one (a word hyphenated across
lines is one word in the output). The few words allowed to go are labels whose meaning
the output keeps in its structure instead of its text; each is listed with why.

Every fixture is checked; of the corpus (skipped without ../shared) a fixed sample by
default, every file with ``COUNCILDOCS_WHOLE_CORPUS=1`` (a few minutes on two cores).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import regex

from councildocs import parse
from councildocs.extract import load

from ..conftest import CORPUS, FIXTURES

WORD = regex.compile(r"\p{L}{5,}")

#: words whose meaning the output holds as structure rather than text
LABELS = {
    # a date is stored typed (2024-06-04): its weekday and month names are not repeated
    **dict.fromkeys(
        "monday tuesday wednesday thursday friday saturday sunday january february march "
        "april june july august september october november december".split(),
        "a date's names, stored as the ISO date",
    ),
    "pages": "an agenda item's '(Pages 3 - 6)', stored as its page span",
    "hours": "'19:00HOURS', stored as the time",
    **dict.fromkeys(
        "present attendance attending apologies absent others members councillors presennol "
        "cynghorwyr".split(),
        "an attendance label: the list a name is in says it",
    ),
    "virtually": "'in attendance virtually', stored as attended_virtually",
    **dict.fromkeys(
        ["intentionally", "blank"], "'This page is intentionally left blank': an empty page"
    ),
    "venue": "the meeting's 'Venue:' label, its value stored as the venue",
    "decision": "'Recommendation(s) for action or decision:', the recommendations' label",
    "recommendations": "the 'RECOMMENDATIONS:' label over the recommendations",
    "closed": "'Closed Session', stored as the items' part 2",
    "unrestricted": "'UNRESTRICTED ITEMS', stored as the items' part 1",
    **dict.fromkeys(
        ["items", "press", "public"],
        "'Part 1 – items open to the press and public', stored as the items' part 1",
    ),
    "title": "the agenda's 'Item No. Title' column heading",
    "employees": "an attendance label ('Employees'): the list a name is in says it",
}

#: drops still open in the corpus, by file, with what is lost: each is a parser's to fix.
#: Marked as expected failures (strict: a fix shows as an unexpected pass, to be taken off)
KNOWN_DROPS = {}

#: one corpus file in this many is read by default
CORPUS_SAMPLE_STEP = 8


def _fixtures() -> list[Path]:
    files = [*FIXTURES.glob("*.pdf"), *FIXTURES.rglob("*.txt")]
    return sorted(f for f in files if not f.name.startswith("bad_"))


def _corpus() -> list:
    if not CORPUS.exists():
        return []
    files = sorted(p for p in CORPUS.rglob("*") if p.suffix.lower() in (".pdf", ".txt"))
    if os.environ.get("COUNCILDOCS_WHOLE_CORPUS") != "1":
        files = files[::CORPUS_SAMPLE_STEP]
    return [
        pytest.param(path, marks=pytest.mark.xfail(reason=f"known drop: {known}", strict=True))
        if (known := KNOWN_DROPS.get(path.relative_to(CORPUS).as_posix()))
        else path
        for path in files
    ]


def _strings(value, text_keys: bool = False) -> list[str]:
    """Every string of the output; a report's ``extra`` fields are keyed by their printed
    labels, so there the keys are text too (elsewhere they are the schema's names)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        keys = list(value) if text_keys else []
        return keys + [s for key, item in value.items() for s in _strings(item, key == "extra")]
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return []


def lost_words(path: Path) -> dict[str, str]:
    """Each word of the input missing from the output, with the line it was on. A line is
    looked for in the documents whose pages hold it and in what the pack states for all
    of them (meeting, agenda, source), so that the same word kept in another document
    does not hide its loss here."""
    source = load(path)
    pack = json.loads(parse(path).model_dump_json(by_alias=True))
    documents = pack.pop("documents")
    shared = "\n".join(_strings(pack))
    lost: dict[str, str] = {}
    for page in source.pages:
        holding = [d for d in documents if _holds_page(d, page.number)] or documents
        output = "\n".join([shared, *(s for d in holding for s in _strings(d))]).casefold()
        kept = set(WORD.findall(output))
        for line in page.lines:
            for word in WORD.findall(line.text):
                word = word.casefold()
                if word not in kept and word not in LABELS and word not in output:
                    lost.setdefault(word, f"p.{page.number}: {line.text}")
    return lost


def _holds_page(document: dict, page: int) -> bool:
    span = document.get("physical_pages") or document.get("pages")
    return bool(span) and span["start"] <= page <= span["end"]


@pytest.mark.parametrize("path", _fixtures(), ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_word_of_a_fixture_is_kept(path):
    assert lost_words(path) == {}


@pytest.mark.parametrize("path", _corpus(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_word_of_a_corpus_file_is_kept(path):
    assert lost_words(path) == {}


def test_the_corpus_is_checked_when_it_is_here():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not here; CI always has it")
    assert len(_corpus()) >= 10


MINUTES_EXCERPT = """\
Minutes of the Meeting of Brookfield Parish Council

held on Tuesday 4 March 2025 at 7.30 pm in the Village Hall

Present: Councillors A Smith (Chair), B Jones and C Patel

11.25.01 Apologies for absence
There were none.

11.25.02 Planning - the following applications had been received and considered:
25/01234/F Mill House, Church Lane. Replacement windows. No objection.

11.25.03 Minutes of the last meeting - accepted

11.25.04 CLOSE OF MEETING.
There being no other business, the meeting closed at approximately 9:30 p.m.
.
Signed as a true record of the meeting
"""


def test_a_minute_keeps_what_its_heading_says_after_the_title(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES_EXCERPT)
    [minutes] = parse(path).documents
    items = {item.number: item for item in minutes.items}
    assert items["11.25.02"].title == "Planning"
    assert items["11.25.02"].text.startswith(
        "the following applications had been received and considered: 25/01234/F"
    )
    assert (items["11.25.03"].title, items["11.25.03"].text) == (
        "Minutes of the last meeting",
        "accepted",
    )
    # a later "." line repeats a piece of the title "CLOSE OF MEETING.": the sentence
    # before it is the item's body, not a heading line
    assert items["11.25.04"].text.startswith("There being no other business")
    assert lost_words(path) == {}


def test_a_front_sheet_sentence_with_a_date_keeps_its_venue(tmp_path):
    path = tmp_path / "agenda.txt"
    path.write_text(
        "BROOKFIELD PARISH COUNCIL\n"
        "Meeting of the Council, Tuesday 4th June 2024 at 7pm, Brookfield Memorial Hall\n"
        "1. To receive apologies for absence\n"
        "2. To consider the planning application for Mill Lane\n"
    )
    pack = parse(path)
    assert pack.meeting.date.isoformat() == "2024-06-04"
    assert [u.text for u in pack.documents[0].unplaced_text] == [
        "Meeting of the Council, Tuesday 4th June 2024 at 7pm, Brookfield Memorial Hall"
    ]


def test_a_report_cover_cell_keeps_the_headings_under_it():
    from councildocs.models import Paragraph, Section
    from councildocs.parsers.report import _cell_text

    cell = Section(
        title="Key to Activity Indicator Graphs",
        paragraphs=[Paragraph(text="Graphs show demand.", bullets=["Quarterly figures"])],
        subsections=[
            Section(
                title="Economic Development",
                paragraphs=[Paragraph(text="The investment in derelict properties rose.")],
                subsections=[
                    Section(title="Libraries", paragraphs=[Paragraph(text="Visits rose.")])
                ],
            )
        ],
    )
    assert _cell_text(cell) == [
        "Graphs show demand.",
        "Quarterly figures",
        "Economic Development",
        "The investment in derelict properties rose.",
        "Libraries",
        "Visits rose.",
    ]


def test_a_sentence_naming_the_public_is_an_items_text_not_attendance(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text(
        MINUTES_EXCERPT.replace(
            "11.25.03 Minutes of the last meeting - accepted",
            "11.25.03 Public participation\n"
            "Members of the public were invited to participate.\n"
            "• A resident asked about the bus shelter.",
        )
    )
    [minutes] = parse(path).documents
    [item] = [item for item in minutes.items if item.number == "11.25.03"]
    assert item.text == (
        "Members of the public were invited to participate.\n"
        "• A resident asked about the bus shelter."
    )


def test_the_kind_of_meeting_over_minutes_is_kept():
    from councildocs.extract.text import read_text
    from councildocs.parsers import minutes

    text = (
        "RIVERTON\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020, 7:00 p.m.\n"
        "1 CALL TO ORDER AND ROLL CALL\nChair Lopez called the meeting to order at 7:02 p.m.\n"
        "2 ADJOURNMENT\nThe meeting was adjourned at 8:15 p.m.\n"
    )
    pages = read_text("minutes.txt", text.encode())
    document = minutes.parse([line for page in pages for line in page.lines])
    assert document.body == "Riverton Planning Commission"
    assert [u.text for u in document.unplaced_text] == ["REGULAR MEETING MINUTES"]
