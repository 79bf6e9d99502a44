"""The agenda: items, page references, presenters, parts and the meeting, checked by hand
against the seed pack and Kent's published front sheets."""

from __future__ import annotations

import datetime as dt

import councildocs

from .conftest import shared_file


def test_seed_agenda_items_titles_pages_and_presenters(seed_pack):
    items = seed_pack.agenda.items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Matters arising"),
        ("4", "Minutes of previous meetings"),
        ("5", "Adults and Safer City Scrutiny - Draft Work Programme"),
        ("6", "Modern Slavery - Update Report"),
        ("7", "Safer Wolverhampton Partnership Performance Update"),
    ]
    assert [(i.pages.start, i.pages.end) if i.pages else None for i in items] == [
        None,
        None,
        None,
        (3, 8),
        (9, 10),
        (11, 16),
        (17, 26),
    ]
    assert [(p.name, p.role) for i in items if (p := i.presenter)] == [
        ("Martin Stevens", "Scrutiny Officer"),
        ("Karen Samuels", "Head of Community Safety"),
        ("Karen Samuels", "Head of Community Safety"),
    ]
    assert all(i.part == 1 for i in items)


def test_seed_documents_in_order_with_their_items(seed_pack):
    docs = seed_pack.documents
    assert [d.kind for d in docs] == ["agenda", "minutes", "work_programme", "report", "report"]
    assert [d.agenda_item for d in docs] == [None, "4", "5", "6", "7"]
    assert [(d.pages.start, d.pages.end) for d in docs] == [
        (1, 2),
        (3, 8),
        (9, 10),
        (11, 16),
        (17, 26),
    ]
    assert seed_pack.source.format == "text"


def test_kent_front_sheet_items_pages_and_decision_numbers():
    path = shared_file(
        "corpus/kent/cabinet-2025-01-30/Agenda frontsheet 30th-Jan-2025 10.00 Cabinet.pdf"
    )
    pack = councildocs.parse(path)
    items = pack.agenda.items
    assert [i.number for i in items] == [str(n) for n in range(1, 10)]
    assert items[2].title == "Minutes of the Meeting held on 9th January 2025"
    assert items[4].title == (
        "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"
    )
    assert items[4].decision_number == "24/00108"
    assert items[5].title == (
        "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 "
        "and Treasury Management Strategy"
    )
    assert [(i.pages.start, i.pages.end) for i in items if i.pages] == [
        (1, 10),
        (11, 84),
        (85, 276),
        (277, 326),
        (327, 460),
        (461, 610),
    ]
    assert pack.meeting.body == "Cabinet"
    assert pack.meeting.date == dt.date(2025, 1, 30)
    assert pack.meeting.time == "10.00 am"


def test_kent_council_summons_reads_the_meeting_not_the_letter_date():
    path = shared_file(
        "corpus/kent/full_council-2025-02-13/Agenda frontsheet 13th-Feb-2025 09.30 County Council.pdf"
    )
    pack = councildocs.parse(path)
    assert pack.meeting.date == dt.date(2025, 2, 13)
    titles = [i.title for i in pack.agenda.items]
    assert titles[1] == (
        "Declarations of Disclosable Pecuniary Interests or Other Significant Interests "
        "in items on the agenda"
    )
    assert [(i.number, i.pages.start, i.pages.end) for i in pack.agenda.items if i.pages] == [
        ("3", 1, 26),
        ("5", 27, 36),
        ("6", 37, 250),
    ]


def test_kent_supplement_pack_splits_on_stamps():
    path = shared_file(
        "corpus/kent/cabinet-2025-01-30/Item 7 - Supplementary - 2400109 - Transfer the 18-25 "
        "section of the Strengthening Independence Ser.pdf"
    )
    pack = councildocs.parse(path)
    assert [i.number for i in pack.agenda.items] == ["7"]
    assert pack.agenda.items[0].pages.start == 1 and pack.agenda.items[0].pages.end == 20
    kinds = [(d.kind, d.agenda_item) for d in pack.documents]
    assert kinds[0] == ("agenda", None)
    assert kinds[1] == ("report", "7")
    assert all(kind == "other" for kind, _ in kinds[2:])
    assert pack.documents[1].pages.start == 1
    assert pack.meeting.date == dt.date(2025, 1, 30)


def test_us_agenda_items_keep_their_descriptions():
    # Mountain View prints, under each item, its recommendation and attachments
    pack = councildocs.parse(shared_file("corpus/us/mountain-view.pdf"))
    item = next(i for i in pack.agenda.items if i.number == "3.1")
    assert item.title == "Environmental Planning Commission Candidate Interviews."
    assert item.notes[0].startswith(
        "Recommendation(s): Reinterview three candidates for the Environmental Planning "
        "Commission vacancy."
    )
    assert "ATT 4 - List of Applicants" in item.notes[0]
