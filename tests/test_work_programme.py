"""The seed's work programme, checked against the table as printed (pack pages 9-10)."""

from __future__ import annotations

import datetime as dt


def _programme(pack):
    return next(d for d in pack.documents if d.kind == "work_programme")


def test_seed_programme_meetings_items_and_leads(seed_pack):
    programme = _programme(seed_pack)
    assert programme.cabinet_member == "Cllr Sandra Samuels"
    assert [m.date for m in programme.meetings] == [
        dt.date(2018, 6, 12),
        dt.date(2018, 9, 25),
        dt.date(2018, 11, 27),
        dt.date(2019, 1, 29),
        dt.date(2019, 3, 26),
    ]
    june, september, *later = programme.meetings
    assert [(i.title, i.lead) for i in june.items] == [
        ("Safer Wolverhampton Partnership Annual Report", None),
        ("Modern Slavery - update report", "Karen Samuels"),
    ]
    assert [i.lead for i in september.items] == [
        "Joanne Keatley, Head of Service",
        "Earl Piggott-Smith",
        "David Jamieson, West Midlands Police and Crime Commissioner",
    ]
    assert september.items[2].title == "The West Midlands Police and Crime Plan 2016-20"
    assert all([i.title for i in m.items] == ["TBC"] for m in later)


def test_seed_programme_keeps_its_remit_text(seed_pack):
    texts = " ".join(u.text for u in _programme(seed_pack).unplaced_text)
    assert "The Panel will have responsibility for scrutiny functions" in texts


def test_bristol_forward_plan_is_one_programme_read_by_columns():
    import councildocs

    from .conftest import shared_file

    pack = councildocs.parse(
        shared_file(
            "corpus/bristol/src-bcc-0016_transport-connectivity-policy-committee-forward-plan-"
            "2026-01-21.pdf"
        )
    )
    [programme] = pack.documents  # the cover (page 1) and the plan (pages 2-14) are one
    assert (programme.physical_pages.start, programme.physical_pages.end) == (1, 14)
    assert programme.header["Published"] == "20 January 2026"
    assert [m.date for m in programme.meetings] == [
        dt.date(2026, 2, 5),
        dt.date(2026, 3, 19),
        dt.date(2026, 5, 14),
        dt.date(2026, 7, 9),
        dt.date(2026, 9, 17),
        dt.date(2026, 10, 22),
    ]
    assert sum(len(m.items) for m in programme.meetings) == 31
    first = programme.meetings[0].items[0]
    assert first.title == "Streetspace 2: Denmark St and Rosemary Lane"
    assert first.lead == "Adam Crowther, Head of City Transport"
    assert first.extra["Lead e-mail"] == "adam.crowther@bristol.gov.uk"  # wrapped as "u" / "k"
    assert first.extra["Summary"].startswith("1. To seek approval to submit Full Business case")
    assert first.extra["Key decision"] == "yes"
    assert first.extra["Access"] == "Part exempt 3"
    assert first.extra["Decision taker"] == "Transport & Connectivity Policy Committee"
    assert first.extra["Report Type"] == "Decision Report"
    performance = programme.meetings[0].items[4]
    assert performance.title == "Performance management report – Q2 2025/26"
    assert performance.lead == "Rebecca Baldwin-Cantello, Head of Equality, Data & Performance"
    assert performance.extra["Lead e-mail"] == "rebecca.baldwin-cantello@bristol.gov.uk"
    assert (performance.extra["Key decision"], performance.extra["Access"]) == ("no", "Open")
    assert performance.extra["Report Type"] == "For Information"
    # a row broken over pages 12-13 keeps its status printed on the next page
    hub = programme.meetings[3].items[4]
    assert hub.title == "Bristol Cycling Hub, Lawrence Weston"
    assert hub.extra["Access"] == "Part exempt 3"
    assert programme.meetings[3].items[5].extra["Report Type"] == "Policy Options Report"
