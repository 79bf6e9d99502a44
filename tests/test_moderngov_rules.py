"""MGV rules: a pack against the council's ModernGov record, on models written here.

The record is the committed excerpt of Gloucester's GetMeeting_7837 (items 2 and 5), with
attachments added in the test where a rule needs them.
"""

from __future__ import annotations

import datetime as dt

from councildocs.linter import lint, validate
from councildocs.models import (
    AgendaItem,
    Declaration,
    Meeting,
    MinutesDocument,
    Pack,
    ReportDocument,
    Source,
)
from councildocs.moderngov.models import Attachment
from councildocs.moderngov.pack import meeting_pack
from councildocs.moderngov.reader import read_meeting_file
from councildocs.rules import get

from .conftest import FIXTURES

RECORD = FIXTURES / "moderngov" / "GetMeeting_7837_excerpt.xml"
DAY = dt.date(2025, 11, 21)


def pack(items=(), documents=(), date=DAY) -> Pack:
    return Pack(
        source=Source(path="pack.pdf", sha256="0" * 64, page_count=10, format="pdf"),
        meeting=Meeting(body="Cabinet", date=date),
        agenda={"items": list(items)},
        documents=list(documents),
    )


def run(code: str, p: Pack, record=None) -> list[str]:
    record = record or read_meeting_file(RECORD)
    return [f.message for f in lint(p, [get(code)], moderngov=record)]


QUESTIONS = "Leader and Cabinet Members' Question Time (15 minutes)"


def test_mgv_rules_do_not_run_without_a_record():
    assert lint(pack([AgendaItem(number="9", title="Anything")]), [get("MGV001")]) == []


def test_mgv001_missing_extra_and_retitled_items():
    items = [
        AgendaItem(number="1", title="Apologies"),
        AgendaItem(number="5", title="Questions to the Leader"),
    ]
    missing, extra, retitled = run("MGV001", pack(items))
    assert missing == (
        "the council's record lists item 2 'Declarations of Interest', but the pack's agenda "
        "does not"
    )
    assert extra == "agenda item 1 'Apologies' is not in the council's record of the meeting"
    # the similarity is rapidfuzz's to compute; the message must carry it, below 80
    assert retitled.startswith(
        f"agenda item 5 is titled 'Questions to the Leader', but the council's record titles "
        f"it '{QUESTIONS}' (similarity "
    )
    assert int(retitled.rsplit("(similarity ", 1)[1].split("/")[0]) < 80
    good = [
        AgendaItem(number="2.", title="Declarations of Interest"),
        AgendaItem(number="5", title="Leader and Cabinet Members' Question Time"),
    ]
    assert run("MGV001", pack(good)) == []


def test_mgv001_a_pack_for_another_day_is_the_wrong_meeting():
    items = [AgendaItem(number="2", title="Declarations of Interest")]
    assert run("MGV001", pack(items, date=dt.date(2025, 11, 12))) == [
        "the pack is for a meeting on 12 November 2025, but the council's record 7837 is of "
        "the meeting on 21 November 2025"
    ]


def _with_appendices():
    record = read_meeting_file(RECORD)
    record.items[1].documents = [
        Attachment(id=1, title="Question Time Responses", url="https://x/mgConvert2PDF.aspx?ID=1"),
        Attachment(id=2, title="Appendix 2 Option 2 - East/West", url="https://x/m?ID=2"),
        Attachment(id=3, title="Appendix 3 Option 3 - Gloucester", url="https://x/m?ID=3"),
        Attachment(id=4, title="Exempt valuation", url="https://x/m?ID=4", restricted=True),
    ]
    return record


def test_mgv002_a_linked_document_missing_from_the_pack():
    items = [AgendaItem(number="5", title=QUESTIONS)]
    documents = [
        ReportDocument(title="Question Time Responses", agenda_item="5"),
        ReportDocument(title="Appendix 3 Option 3 - Gloucester", agenda_item="5"),
    ]
    assert run("MGV002", pack(items, documents), _with_appendices()) == [
        "the council's record links 'Appendix 2 Option 2 - East/West' (https://x/m?ID=2) to "
        "item 5, but no document in the pack is it"
    ]
    bound_in = documents[:1] + [
        ReportDocument(
            title="Appendix 3 Option 3 - Gloucester",
            agenda_item="5",
            unplaced_text=[{"page": 4, "text": "Appendix 2 Option 2 - East/West (attached)"}],
        )
    ]
    assert run("MGV002", pack(items, bound_in), _with_appendices()) == []


def test_mgv003_declarations_against_the_count():
    record = read_meeting_file(RECORD)
    record.items[0].declaration_count = 1
    minutes = MinutesDocument(title="Minutes", date=DAY, declarations=[])
    assert run("MGV003", pack(documents=[minutes]), record) == [
        "the council's record counts 1 declaration of interest at this meeting, but the "
        "minutes record none"
    ]
    declared = minutes.model_copy(
        update={"declarations": [Declaration(member="Cllr Field", item="6", interest="other")]}
    )
    assert run("MGV003", pack(documents=[declared]), record) == []
    earlier = minutes.model_copy(update={"date": dt.date(2025, 11, 12)})
    assert run("MGV003", pack(documents=[earlier]), record) == []  # another meeting's minutes


def test_the_record_as_a_pack_skeleton():
    record = read_meeting_file(RECORD)
    skeleton = meeting_pack(record)
    assert (skeleton.meeting.date, skeleton.meeting.time, skeleton.meeting.venue) == (
        DAY,
        "12.30 pm",
        "Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP",
    )
    assert [(i.number, i.title, i.part) for i in skeleton.agenda.items] == [
        ("2", "Declarations of Interest", 1),
        ("5", QUESTIONS, 1),
    ]
    assert skeleton.source.path == str(RECORD) and skeleton.documents == []
    paper = pack(documents=[ReportDocument(title=None, agenda_item=None)])
    record = _with_appendices()
    attached = meeting_pack(record, {1: paper})
    assert [(d.title, d.agenda_item) for d in attached.documents] == [
        ("Question Time Responses", "5")
    ]


def test_validate_takes_the_record_as_a_file(tmp_path):
    items = [AgendaItem(number="2", title="Declarations of Interest")]
    found = validate(pack(items), select="MGV001", moderngov=RECORD)
    assert [f.code for f in found] == ["MGV001"]  # item 5 is missing
