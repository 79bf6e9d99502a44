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
