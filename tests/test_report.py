"""Report parsing checked against values read by hand in the seed and the corpus."""

from __future__ import annotations

import datetime as dt

import pytest

import councildocs

from .conftest import FIXTURES, shared_file


def _reports(pack):
    return [d for d in pack.documents if d.kind == "report"]


def _report(relative: str):
    pack = councildocs.parse(shared_file(relative))
    reports = _reports(pack)
    assert reports, f"no report found in {relative}"
    return reports[0]


def test_seed_pack_meeting_comes_from_the_reports_header(seed_pack):
    assert seed_pack.meeting.body == "Adults and Safer City Scrutiny Panel"
    assert seed_pack.meeting.date == dt.date(2018, 6, 12)


def test_seed_first_report_metadata(seed_pack):
    meta = _reports(seed_pack)[0].metadata
    assert meta.title == "Modern Slavery Update"
    assert meta.cabinet_member.name == "Councillor Hazel Malcolm"
    assert meta.cabinet_member.portfolio == "Public Health and Wellbeing"
    assert meta.wards_affected == ["All"]
    assert (meta.accountable_director.name, meta.accountable_director.role) == (
        "John Denley",
        "Director of Public Health",
    )
    assert meta.originating_service == "Community Safety"
    [employee] = meta.accountable_employees
    assert employee.name == "Karen Samuels"
    assert employee.role == "Head of Community Safety"
    assert employee.tel == "01902 551341"
    assert employee.email == "Karen.ssamuels@wolverhampton.gov.uk"  # as printed
    assert [(c.body, c.date) for c in meta.considered_by] == [
        ("People Leadership Team", dt.date(2018, 5, 21)),
        ("Strategic Executive Board", dt.date(2018, 5, 22)),
    ]


def test_seed_second_report_metadata(seed_pack):
    meta = _reports(seed_pack)[1].metadata
    assert meta.title == "Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
    assert meta.cabinet_member.name == "Councillor Paul Sweet"
    assert meta.cabinet_member.portfolio == "Cabinet Member for Public Health and Wellbeing"
    assert meta.wards_affected == ["All"]
    assert meta.accountable_director.name == "Mark Taylor"
    assert meta.accountable_director.role == "Strategic Director, People"
    assert meta.originating_service == "Community Safety, Public Health"
    [employee] = meta.accountable_employees
    assert (employee.name, employee.role, employee.tel, employee.email) == (
        "Karen Samuels",
        "Head of Community Safety",
        "01902 551341",
        "Karen.samuels@wolverhampton.gov.uk",
    )
    assert [(c.body, c.date) for c in meta.considered_by] == [
        ("People Leadership Team", dt.date(2018, 5, 21)),
        ("Strategic Executive Board", dt.date(2018, 5, 22)),
    ]


def test_seed_recommendations(seed_pack):
    first, second = _reports(seed_pack)
    assert [(r.number, r.text) for r in first.recommendations] == [
        (
            "1",
            "Comment on progress to develop and implement proposals to tackle modern slavery "
            "in Wolverhampton",
        )
    ]
    assert len(second.recommendations) == 1
    assert second.recommendations[0].text.startswith("Comment on progress achieved to date")
    assert first.metadata.extra["Recommendation(s) for action or decision"] == (
        "The scrutiny panel is recommended to:"
    )


def test_seed_sections_numbered_as_printed(seed_pack):
    first, second = _reports(seed_pack)
    assert [s.number for s in first.sections] == [f"{n}.0" for n in range(1, 15)]
    assert [s.number for s in second.sections] == [f"{n}.0" for n in range(1, 16)]
    assert first.sections[0].title == "Purpose"
    assert first.sections[13].title == "Schedule of background papers"
    assert second.sections[2].title == (
        "Summary of Progress Against Strategic Priorities – Reducing reoffending"
    )
    background = first.sections[1]
    assert [p.number for p in background.paragraphs][:3] == ["2.1", "2.2", "2.3"]
    assert background.paragraphs[2].bullets == [
        "Sexual exploitation",
        "Forced labour",
        "Domestic servitude",
        "Organ harvesting",
        "Child related crimes such as child sexual exploitation, forced begging, illegal drug "
        "cultivation, organised theft, related benefit frauds etc",
        "Forced marriage and illegal adoption (if other constituent elements are present)",
    ]


@pytest.mark.parametrize(
    ("index", "financial", "legal"),
    [
        (0, ("SB", dt.date(2018, 5, 18), "X"), ("RB", dt.date(2018, 5, 15), "I")),
        (1, ("SB", dt.date(2018, 5, 18), "O"), ("RB", dt.date(2018, 5, 18), "V")),
    ],
)
def test_seed_implications_and_sign_offs(seed_pack, index, financial, legal):
    report = _reports(seed_pack)[index]
    by_kind = {i.kind: i for i in report.implications}
    for kind, expected in (("financial", financial), ("legal", legal)):
        sign_off = by_kind[kind].sign_off
        assert (sign_off.initials, sign_off.date, sign_off.code) == expected
        assert sign_off.reference == f"{expected[0]}/{expected[1]:%d%m%Y}/{expected[2]}"
        assert sign_off.reference not in by_kind[kind].text
    for kind in ("environmental", "human_resources", "corporate_landlord"):
        assert by_kind[kind].none_stated
    assert not by_kind["legal"].none_stated
    assert not by_kind["equalities"].none_stated


def test_seed_background_papers_links_and_nothing_unplaced(seed_pack):
    first, second = _reports(seed_pack)
    assert first.background_papers[0] == (
        "Adults and Safer City Scrutiny Panel – Wolverhampton’s Approach to Tackling Modern "
        "Slavery 19 September 2017."
    )
    assert "http://www.saferwolverhampton.org.uk/documents/Modern-slavery-Guidance.pdf" in (
        first.links
    )
    assert second.background_papers == []  # "There are no background papers."
    assert first.unplaced_text == [] and second.unplaced_text == []


def test_kent_report_header_with_several_authors():
    report = _report(
        "corpus/kent/cabinet-2025-01-30/Item 7 - Supplementary - 2400109 - Transfer the 18-25 "
        "section of the Strengthening Independence Ser.pdf"
    )
    meta = report.metadata
    assert meta.title == (
        "Transfer the 18-25 section of the Strengthening Independence Service from the "
        "Children Young People and Education Directorate to the Adult Social Care and Health "
        "Directorate"
    )
    assert (meta.meeting.body, meta.meeting.date) == ("Cabinet", dt.date(2025, 1, 30))
    assert meta.decision_number == "24/00109"
    assert meta.key_decision.value is True
    assert meta.key_decision.text == "Yes - It affects more than 2 Electoral Divisions"
    assert meta.classification == "Unrestricted" and meta.exempt is False
    assert [(m.name, m.portfolio) for m in meta.cabinet_members] == [
        ("Sue Chandler", "Cabinet Member for Integrated Children’s Services"),
        ("Dan Watkins", "Cabinet Member for Adult Social Care and Public Health"),
    ]
    assert meta.accountable_director.name == "Sarah Hammond"
    assert meta.wards_affected == ["All"]
    assert meta.extra["Is the decision eligible for call-in?"] == "Yes"
    assert [(c.body, c.date) for c in meta.considered_by] == [
        ("Adult Social Care Cabinet Committee", dt.date(2025, 1, 15)),
        ("Children's, Young People and Education Cabinet Committee", dt.date(2025, 1, 16)),
    ]
    assert [r.number for r in report.recommendations] == ["A", "B"]
    assert report.recommendations[1].text.startswith("DELEGATE authority to the Corporate")


def test_kent_report_single_recommendation_and_numbered_sections():
    report = _report(
        "corpus/kent/cabinet-2025-01-30/24-00096 - Commissioning Plan for Education Provision "
        "in Kent 2025-29 - Report.pdf"
    )
    meta = report.metadata
    assert meta.title == "Commissioning Plan for Education Provision in Kent 2025-29"
    assert (meta.meeting.body, meta.meeting.date) == ("Cabinet", dt.date(2025, 1, 30))
    assert meta.cabinet_members[0].name == "Rory Love"
    assert meta.cabinet_members[0].portfolio == "Cabinet Member for Education and Skills"
    assert meta.considered_by[0].body == "CYPE Cabinet Committee"
    assert meta.considered_by[0].date == dt.date(2024, 11, 21)
    assert meta.purpose == (
        "This report provides the Cabinet with the Commissioning Plan for Education Provision "
        "in Kent 2025-29 for approval."
    )
    assert [r.text for r in report.recommendations] == [
        "Cabinet is asked to agree the Commissioning Plan for Education Provision in Kent 2025-29."
    ]
    assert report.sections[0].number == "1" and report.sections[0].title == "Introduction"
    assert [p.number for p in report.sections[0].paragraphs] == ["1.1", "1.2", "1.3"]


def test_bristol_report_header_recommendations_and_advice():
    report = _report(
        "corpus/bristol/src-bcc-0003_committee-report-workplace-parking-levy-2024-09-12.pdf"
    )
    meta = report.metadata
    assert meta.title == "Workplace Parking Levy"
    assert meta.meeting.body == "Transport and Connectivity Committee"
    assert meta.meeting.date == dt.date(2024, 9, 12)
    assert meta.wards_affected == ["All wards"]
    assert meta.key_decision.value is True
    assert meta.accountable_employees[0].name == "Adam Crowther"
    assert meta.accountable_employees[0].role == "Head of City Transport"
    assert (meta.accountable_director.name, meta.accountable_director.role) == (
        "John Smith",
        "Executive Director for Growth & Regeneration",
    )
    assert meta.extra["Committee Chair"] == "Councillor Ed Plowden"
    assert [r.number for r in report.recommendations] == ["1", "2", "3", "4"]
    assert report.recommendations[0].text.startswith("Approve, subject to suitable resource")
    finance = next(i for i in report.implications if i.kind == "financial")
    assert finance.sign_off.date == dt.date(2024, 8, 14)
    assert "Kevin Jay" in finance.sign_off.reference
    hr = next(i for i in report.implications if i.kind == "human_resources")
    assert hr.sign_off.date == dt.date(2024, 8, 13)
    assert "Appendix B – Equality Impact Assessment (EqIA) YES" in report.appendices
    # the costs table printed under "Background Documents:" is not a background document
    assert report.background_papers == [
        "Appendix A: Feasibility Study Report for a WPL Scheme in Bristol-Final Draft"
    ]
    # Background paragraph 5 prints this link over two lines, cut after "...2009112021%2"
    assert report.links == [
        "https://democracy.bristol.gov.uk/documents/s67446/"
        "Minutes%20Public%20Pack%2009112021%20Full%20Council%206pm.pdf"
    ]


def test_bristol_information_report():
    report = _report(
        "corpus/bristol/src-bcc-0008_committee-report-workplace-parking-levy-update-2025-05-15.pdf"
    )
    meta = report.metadata
    assert meta.title == "Workplace Parking Levy Update"
    assert meta.meeting.date == dt.date(2025, 5, 15)
    assert meta.wards_affected == ["Citywide"]
    assert meta.extra["KEY DECISION OR FOR INFORMATION"] == "For Information"
    assert [r.text for r in report.recommendations] == [
        "That the Committee for Transport and Connectivity notes this update report."
    ]
    legal = next(i for i in report.implications if i.kind == "legal")
    assert legal.none_stated


def test_kent_covering_report_role_first_from_and_no_printed_decision_number():
    report = _report(
        "corpus/kent/cabinet-2025-01-30/24-00108 - Revenue and Capital Budget Monitoring Report "
        "November 2024-25.pdf"
    )
    meta = report.metadata
    assert meta.title == "Revenue and Capital Budget Monitoring Report – November 2024-25"
    assert [(m.name, m.portfolio) for m in meta.cabinet_members] == [
        (
            "Peter Oakford",
            "Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services",
        )
    ]
    assert (meta.accountable_director.name, meta.accountable_director.role) == (
        "John Betts",
        "Interim Corporate Director Finance",
    )
    # the covering report prints no "Decision No:" (only its file name says 24-00108)
    assert meta.decision_number is None
    assert [r.number for r in report.recommendations] == ["a", "b", "c", "d", "e", "f"]
    assert report.recommendations[4].text == "AGREE the Capital budget changes."


def test_kent_finance_monitoring_report_cover_without_colons():
    report = _report(
        "corpus/kent/cabinet-2025-01-30/24-00108 - Finance Monitoring Report - Q3 - November "
        "2024-25.pdf"
    )
    meta = report.metadata
    assert meta.title == "Finance Monitoring Report"
    assert (meta.meeting.body, meta.meeting.date) == ("Cabinet", dt.date(2025, 1, 30))
    assert meta.classification == "Unrestricted"
    assert meta.cabinet_members[0].name == "Peter Oakford"
    assert meta.accountable_director.name == "John Betts"
    assert [(c.name, c.role, c.tel, c.email) for c in meta.accountable_employees][1] == (
        "Cath Head",
        "Head of Finance Operations",
        "03000 416 934",
        "cath.head@kent.gov.uk",
    )
    assert len(meta.accountable_employees) == 5
    assert [r.number for r in report.recommendations] == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"]
    assert report.recommendations[2].text.startswith(
        "Note the forecast capital underspend of £111.6m"
    )
    assert [s.number for s in report.sections][:4] == ["1", "2", "3", "3a"]
    assert report.sections[3].title == "Adult Social Care & Health including Public Health"


def test_kent_budget_amendment_covering_report():
    report = _report(
        "corpus/kent/full_council-2025-02-13/1 - Annex 1 - Labour Group Budget - covering report "
        "2025.pdf"
    )
    meta = report.metadata
    assert meta.title == "Kent County Council Labour Group – Alternative Budget"
    assert meta.extra["Proposed by"] == "Mr Alister Brady"
    assert meta.extra["Seconded by"] == "Mrs Jackie Meade"
    assert [r.text[:36] for r in report.recommendations] == [
        "To replace Recommendation (d) by mak",
        "To replace Recommendation (h) with A",
        "To replace Recommendation (o) with T",
    ]
    assert [(s.number, s.title) for s in report.sections][:2] == [
        ("1", "Introduction"),
        ("2", "Budget Principles"),
    ]


def test_no_manifest_file_that_is_not_a_report_opens_with_one():
    from .conftest import CORPUS

    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        pytest.skip("../shared is not here")
    for row in manifest.read_text().splitlines()[1:]:
        path, kind = row.split("\t")[0], row.split("\t")[5]
        if not path.endswith(".pdf") or kind in ("report", "agenda pack"):
            continue
        pack = councildocs.parse(CORPUS / path)
        assert "report" not in [d.kind for d in pack.documents], path


def test_west_of_england_header_labels():
    # our own text export in the West of England layout (tests/fixtures)
    from .conftest import FIXTURES

    pack = councildocs.parse(FIXTURES / "west_of_england_report.txt")
    [report] = _reports(pack)
    meta = report.metadata
    assert meta.title == "Bus Shelter Renewal Programme 2025-26"
    assert (meta.meeting.body, meta.meeting.date) == ("Joint Committee", dt.date(2025, 3, 14))
    [officer] = meta.accountable_employees
    assert (officer.name, officer.role) == ("Priya Natarajan", "Head of Transport Infrastructure")
    assert (meta.key_decision.value, meta.key_decision.text) == (True, "Yes")
    assert meta.purpose == (
        "To ask the Committee to approve the bus shelter renewal programme for 2025-26."
    )
    assert [r.number for r in report.recommendations] == ["1", "2"]
    assert [(s.number, s.title) for s in report.sections] == [
        ("1", "Background"),
        ("2", "Financial implications"),
    ]
    assert [i.kind for i in report.implications] == ["financial"]
    assert report.unplaced_text == []


# --- the closing contact block (Kent) ---------------------------------------------------


def _report_of(path):
    return next(d for d in councildocs.parse(path).documents if d.kind == "report")


def test_kent_contact_block_one_under_another():
    report = _report_of(
        shared_file(
            "corpus/kent/cabinet-2025-01-30/24-00115 - Adoption of Integrated Care Strategy "
            "delivery plan - Report.pdf"
        )
    )
    assert [c.model_dump() for c in report.metadata.accountable_employees] == [
        {
            "name": "Dr Mike Gogarty",
            "role": "Interim Strategic Lead for Public Health",
            "tel": None,
            "email": "Mike.gogarty@kent.gov.uk",
        }
    ]
    assert report.metadata.accountable_director.name == "Dr Anjan Ghosh"
    assert report.metadata.accountable_director.role == "Director of Public Health"


def test_kent_contact_block_with_two_authors():
    report = _report_of(
        shared_file(
            "corpus/kent/cabinet-2025-01-30/Item 7 - Supplementary - 24-00109 - Transfer the "
            "18-25 section of the Strengthening Independence Ser.pdf"
        )
    )
    assert [(c.name, c.tel, c.email) for c in report.metadata.accountable_employees] == [
        ("Sharon Howard", "+443000412070", "sharon.howard@kent.gov.uk"),
        ("Alyson Wagget", "+443000412483", "alyson.wagget@kent.gov.uk"),
    ]
    assert report.metadata.accountable_employees[1].role == (
        "Assistant Director Thanet South Kent Coastal"
    )


def test_kent_fixture_contact_block_in_two_columns():
    report = _report_of(FIXTURES / "kent_cabinet_pack.pdf")
    assert [c.model_dump() for c in report.metadata.accountable_employees] == [
        {
            "name": "Sam Patel",
            "role": "Finance Business Partner",
            "tel": "03000 410002",
            "email": "sam.patel@kent.gov.uk",
        }
    ]
    assert report.metadata.accountable_director.name == "Ruth Hale"
    assert [s.title for s in report.sections][6:9] == [
        "Recommendation(s)",
        "Background Documents",
        "Contact details",
    ]
    assert report.background_papers == []
    # the block's labels ("Report Author:" beside "Relevant Director:") are section 9's text,
    # not a section of their own
    contact = report.sections[-1]
    assert (contact.number, contact.title) == ("9", "Contact details")
    assert [p.text for p in contact.paragraphs] == [
        "Report Author: Relevant Director: Sam Patel Ruth Hale Finance Business Partner "
        "Corporate Director of Growth, 03000 410002 Environment and Transport "
        "sam.patel@kent.gov.uk 03000 410003 ruth.hale@kent.gov.uk"
    ]


@pytest.mark.parametrize(
    ("relative", "number"),
    [
        (
            "corpus/kent/cabinet-2025-01-30/24-00096 - Commissioning Plan for Education "
            "Provision in Kent 2025-29 - Report.pdf",
            "11",
        ),
        (
            "corpus/kent/cabinet-2025-01-30/Item 7 - Supplementary - 24-00109 - Transfer the "
            "18-25 section of the Strengthening Independence Ser.pdf",
            "13",
        ),
    ],
)
def test_kent_contact_block_stays_in_its_contact_details_section(relative, number):
    report = _report(relative)
    contact = report.sections[-1]
    assert (contact.number, contact.title) == (number, "Contact details")
    text = " ".join(p.text for p in contact.paragraphs)
    assert text.startswith("Report Author")
    for person in report.metadata.accountable_employees:
        assert person.name in text and person.email in text
