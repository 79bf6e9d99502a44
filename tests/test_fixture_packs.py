"""The generated fixture packs read as the documents they render.

``wolverhampton_pack.pdf`` prints the seed's facts in PDF form (a two-column metadata grid,
ruled work programme): its reports and programme must give what the seed text gives.
``kent_cabinet_pack.pdf`` prints a Kent report header; its values are those in
``fixtures/generate.py`` (``k_report``).
"""

from __future__ import annotations

import datetime as dt

import pytest

import councildocs

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def wolverhampton_pdf():
    return councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")


def _of_kind(pack, kind):
    return [d for d in pack.documents if d.kind == kind]


@pytest.mark.parametrize("index", [0, 1])
def test_pdf_reports_give_the_seed_texts_facts(seed_pack, wolverhampton_pdf, index):
    pdf_report = _of_kind(wolverhampton_pdf, "report")[index]
    seed_report = _of_kind(seed_pack, "report")[index]
    # the typed facts are the same; the pairs as printed have the same labels, and the same
    # values where a value is one cell (a cell holding a grid of its own, names beside
    # dates, is read row by row in the PDF and column by column in the text export)
    typed = {"fields"}
    assert pdf_report.metadata.model_dump(exclude=typed) == seed_report.metadata.model_dump(
        exclude=typed
    )
    pdf_pairs = [(f.label, f.value) for f in pdf_report.metadata.fields]
    seed_pairs = [(f.label, f.value) for f in seed_report.metadata.fields]
    assert [label for label, _ in pdf_pairs] == [label for label, _ in seed_pairs]
    grids = ("Accountable employee(s)", "Report to be/has been considered by")
    assert [p for p in pdf_pairs if p[0] not in grids] == [
        p for p in seed_pairs if p[0] not in grids
    ]
    assert [(r.number, r.text) for r in pdf_report.recommendations] == [
        (r.number, r.text) for r in seed_report.recommendations
    ]
    assert [(s.number, s.title) for s in pdf_report.sections] == [
        (s.number, s.title) for s in seed_report.sections
    ]
    # the prose is reworded; which implications exist, whether any is stated, and their
    # sign-offs are the same
    assert [(i.kind, i.none_stated, i.sign_off) for i in pdf_report.implications] == [
        (i.kind, i.none_stated, i.sign_off) for i in seed_report.implications
    ]
    assert pdf_report.unplaced_text == []


def test_pdf_report_metadata_as_printed(wolverhampton_pdf):
    first = _of_kind(wolverhampton_pdf, "report")[0].metadata
    assert first.title == "Modern Slavery Update"
    assert first.cabinet_member.name == "Councillor Hazel Malcolm"
    [employee] = first.accountable_employees
    # the address wraps after "gov." in its cell and keeps the seed's doubled "s"
    assert employee.email == "Karen.ssamuels@wolverhampton.gov.uk"
    assert [(c.body, c.date) for c in first.considered_by] == [
        ("People Leadership Team", dt.date(2018, 5, 21)),
        ("Strategic Executive Board", dt.date(2018, 5, 22)),
    ]


def test_pdf_work_programme_gives_the_seed_texts_meetings(seed_pack, wolverhampton_pdf):
    [pdf_programme] = _of_kind(wolverhampton_pdf, "work_programme")
    [seed_programme] = _of_kind(seed_pack, "work_programme")
    assert pdf_programme.cabinet_member == seed_programme.cabinet_member == "Cllr Sandra Samuels"
    assert [m.date for m in pdf_programme.meetings] == [m.date for m in seed_programme.meetings]
    assert [[i.title for i in m.items] for m in pdf_programme.meetings] == [
        [i.title for i in m.items] for m in seed_programme.meetings
    ]
    # 25.09.2018 onwards the leads agree; on 12.06.2018 the PDF's lead cell "Karen Samuels"
    # is merged over both rows and prints beside the first item, where the flattened seed
    # has it after the second
    assert [[i.lead for i in m.items] for m in pdf_programme.meetings[1:]] == [
        [i.lead for i in m.items] for m in seed_programme.meetings[1:]
    ]
    assert pdf_programme.meetings[0].items[0].lead == "Karen Samuels"
    assert pdf_programme.header["columns"] == (
        "Date of Meeting | Item Description | Lead Report Author | "
        "Specific Questions for Scrutiny to consider"
    )


def test_kent_fixture_report_header():
    pack = councildocs.parse(FIXTURES / "kent_cabinet_pack.pdf")
    [report] = _of_kind(pack, "report")
    meta = report.metadata
    assert meta.title == "Highways Asset Management Budget Monitoring – Quarter 3 2024-25"
    assert (meta.meeting.body, meta.meeting.date) == ("Cabinet", dt.date(2025, 1, 30))
    assert meta.decision_number == "24/00108"
    assert meta.key_decision.value is True
    assert [(m.name, m.portfolio) for m in meta.cabinet_members] == [
        ("Mark Ellis", "Cabinet Member for Highways and Transport")
    ]
    assert (meta.accountable_director.name, meta.accountable_director.role) == (
        "Ruth Hale",
        "Corporate Director of Growth, Environment and Transport",
    )
    assert [(c.body, c.date) for c in meta.considered_by] == [
        ("Environment and Transport Cabinet Committee", dt.date(2025, 1, 14))
    ]
    assert meta.extra["Future Pathway of report"] == "Cabinet decision"
    assert meta.wards_affected == ["All"]
    assert [r.number for r in report.recommendations] == ["a", "b"]
    assert report.recommendations[1].text == (
        "AGREE the transfer of £1.2m from the street lighting energy budget to planned highways "
        "maintenance."
    )
    assert [s.number for s in report.sections][:6] == ["1", "2", "3", "4", "5", "6"]
