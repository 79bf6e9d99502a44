"""Minutes parsed from the seed and from printed minutes in the corpus, checked against
values read by hand from the source documents."""

from __future__ import annotations

import pytest

import councildocs
from councildocs.parsers.people import person, split_names

from .conftest import shared_file


def _minutes(pack):
    return next(d for d in pack.documents if d.kind == "minutes")


def _names(people):
    return [p.name for p in people]


@pytest.fixture(scope="module")
def seed_minutes(seed_pack):
    return _minutes(seed_pack)


@pytest.fixture(scope="module")
def kent_cabinet():
    return _minutes(
        councildocs.parse(
            shared_file(
                "corpus/kent/cabinet-2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"
            )
        )
    )


@pytest.fixture(scope="module")
def kent_council():
    return _minutes(
        councildocs.parse(
            shared_file(
                "corpus/kent/full_council-2025-01-09/Printed minutes 09th-Jan-2025 10.00 County Council.pdf"
            )
        )
    )


def _bristol(name):
    folder = shared_file("corpus/bristol")
    return _minutes(councildocs.parse(next(folder.glob(f"{name}*"))))


# --- the seed: Adults and Safer City Scrutiny Panel, 10 April 2018 --------------------


def test_seed_meeting_and_members(seed_minutes):
    assert seed_minutes.body == "Adults and Safer City Scrutiny Panel"
    assert seed_minutes.date.isoformat() == "2018-04-10"
    members = seed_minutes.attendance.members
    assert _names(members) == [
        "Barry Findlay",
        "Michael Hardacre",
        "Linda Leach",
        "Lynne Moran",
        "Anwen Muston",
        "Rita Potter",
        "Tersaim Singh",
    ]
    assert [p.name for p in members if p.role == "Chair"] == ["Linda Leach"]
    assert members[1].honorific == "Cllr Dr"


def test_seed_witnesses_and_employees_with_roles(seed_minutes):
    present = {p.name: p for p in seed_minutes.attendance.in_attendance}
    assert len(present) == 7
    assert present["Hannah Pawley"].role == "Graduate Management Trainee"
    assert present["Hannah Pawley"].organisation == "CWC"
    assert present["Rachel King"].role == "Head of Youth Offending"
    assert present["Carla Jordan"].organisation == "National Probation Service"
    assert present["Julia Cleary"].role == "Systems and Scrutiny Manager"
    assert present["Lynsey Kelly"].role == "Community Safety Manager"
    assert present["David Watts"].role == "Director of Adult Services"
    assert present["Earl Piggott-Smith"].role == "Scrutiny Officer"


def test_seed_apologies_and_declarations(seed_minutes):
    assert [(p.honorific, p.name) for p in seed_minutes.attendance.apologies] == [
        ("Cllr", "Pat Patten")
    ]
    assert seed_minutes.declarations == []
    assert seed_minutes.declarations_stated is True


def test_seed_items_resolutions_and_actions(seed_minutes):
    items = seed_minutes.items
    assert [(i.number, i.title) for i in items] == [
        ("1", "Apologies"),
        ("2", "Declarations of Interest"),
        ("3", "Minutes of previous meetings"),
        ("4", "Matters arising"),
        ("5", "Adults and Safer City Scrutiny Panel - work programme"),
        ("6", "Black Country Reducing Reoffending Strategy"),
    ]
    assert (
        items[2]
        .resolutions[0]
        .text.startswith("That the minutes of the meeting be approved as a correct record")
    )
    six = items[5].resolutions
    assert [r.number for r in six] == ["1", "2", "3", "4", "5"]
    assert six[4].text.startswith("The panel agreed to receive a final draft of the Black Country")
    assert six[4].text.endswith("report at the panel meeting on 27 September 2018.")
    assert "The panel thanked the witnesses for their evidence." in items[5].text
    five = items[4].actions
    assert [(a.owner, a.text[:40]) for a in five] == [
        ("Scrutiny Officer", "The Scrutiny Officer agreed to discuss t")
    ]
    owners = {a.owner for a in items[5].actions}
    assert owners == {"Community Safety Manager", "Director of Adult Services"}
    director = next(a for a in items[5].actions if a.owner == "Director of Adult Services")
    assert "make enquiries" in director.text
    assert "report the findings to the panel" in director.text
    # resolutions are not repeated as actions
    assert not any("final draft" in a.text for a in items[5].actions)


# --- Kent --------------------------------------------------------------------------------


def test_kent_cabinet_attendance(kent_cabinet):
    assert kent_cabinet.body == "Cabinet"
    assert kent_cabinet.date.isoformat() == "2025-01-30"
    assert kent_cabinet.venue == "Council Chamber, Sessions House, County Hall, Maidstone"
    members = kent_cabinet.attendance.members
    assert len(members) == 9
    assert (members[0].honorific, members[0].name, members[0].role) == (
        "Mr",
        "R W Gough",
        "Chairman",
    )
    love = next(p for p in members if p.name == "R C Love")
    assert (love.honorific, love.post_nominals) == ("Mr", ["OBE"])
    assert members[-1].name == "R J Thomas"
    present = kent_cabinet.attendance.in_attendance
    ghosh = present[0]
    assert (ghosh.honorific, ghosh.name, ghosh.role) == (
        "Dr",
        "A Ghosh",
        "Director of Public Health",
    )
    virtual = [p.name for p in present if p.attended_virtually]
    assert virtual == ["S Jones", "M Albiston", "M Gogarty", "L Gannon"]
    assert [p.name for p in kent_cabinet.attendance.apologies] == ["C Bell"]


def test_kent_cabinet_items(kent_cabinet):
    items = kent_cabinet.items
    assert [(i.number, i.agenda_item) for i in items] == [
        (str(n), str(n - 83)) for n in range(84, 93)
    ]
    assert items[0].title == "Apologies"
    assert (
        items[4].title
        == "24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25"
    )
    assert kent_cabinet.declarations_stated is True
    assert (
        items[2]
        .resolutions[0]
        .text.startswith("that the minutes of the meeting on 9 January 2025 were a correct record")
    )
    budget = items[4].resolutions
    assert len(budget) == 1
    assert "Note the forecast capital underspend of £111.6m." in budget[0].text
    assert items[8].resolutions[0].text == (
        "that Cabinet agree the Commissioning Plan for Education Provision in Kent 2025-29"
    )
    # prose such as "carried 18 million passengers" is not a vote
    assert items[3].resolutions == []


def test_kent_council_recorded_votes(kent_council):
    attendance = kent_council.attendance
    assert len(attendance.members) == 67
    carter = next(p for p in attendance.members if p.name == "Paul Carter")
    assert (carter.honorific, carter.post_nominals) == ("Sir", ["CBE"])
    assert "Rich Lehmann" in _names(attendance.members)
    assert len(attendance.apologies) == 13
    assert _names(attendance.apologies)[:2] == ["Beaney", "Campkin"]
    devolution = next(i for i in kent_council.items if i.number == "285")
    assert (devolution.number, devolution.agenda_item, devolution.title) == (
        "285",
        "3",
        "English Devolution White Paper",
    )
    # amendments carried and agreed without a count, four put and lost on a count, then
    # the motion carried: one decision
    amendments = [
        (r.text, r.votes and (r.votes.for_, r.votes.against, r.votes.abstained))
        for r in devolution.procedural_votes
    ]
    assert amendments == [
        ("Amendment carried.", None),
        (
            "Following the debate, the Chairman put the amendment set out at paragraph 15 to "
            "the vote and it was agreed.",
            None,
        ),
        ("Amendment lost.", (14, 45, 4)),
        ("Amendment lost.", (17, 43, 3)),
        ("Amendment lost.", (13, 45, 4)),
        ("Amendment lost.", (14, 40, 7)),
    ]
    [final] = devolution.resolutions
    assert final.text.startswith("that the County Council: (1) Endorses the ongoing joint work")
    assert (final.votes.for_, final.votes.against, final.votes.abstained) == (39, 19, 1)


# --- Bristol -----------------------------------------------------------------------------


def test_bristol_september_2024():
    minutes = _bristol("src-bcc-0022")
    assert minutes.body == "Transport and Connectivity Policy Committee"
    assert (minutes.date.isoformat(), minutes.time) == ("2024-09-12", "5.00 pm")
    members = minutes.attendance.members
    assert len(members) == 9
    assert [(p.name, p.role) for p in members[:2]] == [
        ("Ed Plowden", "Chair"),
        ("Graham Morris", "Vice-Chair"),
    ]
    assert all(p.honorific == "Councillor" for p in members)
    assert _names(minutes.attendance.apologies) == ["Coombes"]
    assert _names(minutes.attendance.substitutes) == ["Jos Clark"]
    assert minutes.declarations_stated is True
    assert [i.number for i in minutes.items] == [str(n) for n in range(1, 13)]
    assert minutes.items[6].title == (
        "Opportunities to promote sustainable transport through a review of parking policies and charges"
    )
    assert (
        minutes.items[3].resolutions[0].text
        == "The minutes of the previous meeting were agreed as accurate."
    )
    parking = minutes.items[6].resolutions
    first_permit = next(r for r in parking if r.number == "2a")
    assert (first_permit.votes.for_, first_permit.votes.abstained) == (6, 3)
    lost = [r for r in parking if "LOST" in r.text]
    assert [(r.votes.for_, r.votes.against) for r in lost] == [(4, 5), (4, 5)]
    # the amendment to recommendation 5, lost 2 to 7, is a vote on the way
    amendments = minutes.items[6].procedural_votes
    assert [(r.votes.for_, r.votes.against) for r in amendments if "LOST" in r.text] == [(2, 7)]
    assert [r.number for r in minutes.items[7].resolutions] == ["1", "2", "3"]


def test_bristol_october_2025():
    minutes = _bristol("src-bcc-0024")
    assert minutes.date.isoformat() == "2025-10-23"
    members = minutes.attendance.members
    assert (members[0].name, members[0].role) == ("Ed Plowden", "Chair")
    assert "Jonathan Hucker" in _names(members)
    assert _names(minutes.attendance.apologies) == ["Morris"]
    assert _names(minutes.attendance.substitutes) == ["Hucker"]
    assert len(minutes.items) == 16
    assert minutes.items[9].title == "Bristol Resident Parking Scheme Expansion Programme"
    # "It was APPROVED that;" over entries 1-4 (page 10): one decision, its parts numbered
    # as printed, the vote above it (5 for, 4 against) its own
    rps = minutes.items[9].resolutions
    assert len(rps) == 1
    assert [p.label for p in rps[0].parts] == ["1", "2", "3", "4"]
    assert rps[0].parts[2].text.startswith("Authorised the Executive Director Growth")
    assert (rps[0].votes.for_, rps[0].votes.against) == (5, 4)
    # "It was APPROVED that;" then "That the Committee for Transport and Connectivity:" and
    # entries 1-2 (item 13, page 13): the lead-in opens the decision, the entries its parts
    centre_line = minutes.items[12].resolutions
    assert len(centre_line) == 1
    assert centre_line[0].text.startswith("That the Committee for Transport and Connectivity:")
    assert [p.label for p in centre_line[0].parts] == ["1", "2"]
    caz = minutes.items[10].resolutions
    assert len(caz) == 1 and "Approved the preferred option" in caz[0].text


# --- US, and nothing lost ------------------------------------------------------------------


def test_east_palo_alto_roll_call_and_motions():
    minutes = _minutes(
        councildocs.parse(shared_file("corpus/us/eastpaloalto_ca_minutes_2020-01-27.pdf"))
    )
    assert len(minutes.attendance.members) == 7
    assert _names(minutes.attendance.absent) == ["Uriel Hernandez"]
    failed = minutes.items[4].resolutions[0]
    assert failed.text.startswith("RESULT: FAILED")
    assert (failed.votes.for_, failed.votes.against, failed.votes.abstained) == (4, 2, 1)


def test_ssa21_attendance():
    minutes = _minutes(councildocs.parse(shared_file("corpus/us/SSA21_MeetingMinutes_1.29.18.pdf")))
    assert _names(minutes.attendance.members)[0] == "Anthony Qaiyum"
    assert len(minutes.attendance.members) == 6
    assert _names(minutes.attendance.absent) == ["Shelley Young", "Pat Bader"]
    assert minutes.attendance.in_attendance[0].organisation == "LSRCC"


def test_nothing_lost_in_seed(seed_minutes):
    """Every line of the minutes is in a field: item text, attendance or unplaced_text."""
    placed = " ".join(
        [i.title + " " + i.text for i in seed_minutes.items]
        + [u.text for u in seed_minutes.unplaced_text]
    )
    for phrase in ("Part 1", "There were no matters arising", "Resolved:"):
        assert phrase in placed
    # the heading "Minutes - 10 April 2018" is held by body and date, not repeated
    assert (seed_minutes.body, seed_minutes.date.isoformat()) == (
        "Adults and Safer City Scrutiny Panel",
        "2018-04-10",
    )
    assert not any("10 April 2018" in u.text for u in seed_minutes.unplaced_text)


# --- names -----------------------------------------------------------------------------------


def test_split_names_keeps_post_nominals_and_brackets():
    text = "Mr R W Gough (Chairman), Mr N Baker, Mr R C Love, OBE, Mr D Watkins and Mr R J Thomas"
    assert split_names(text) == [
        "Mr R W Gough (Chairman)",
        "Mr N Baker",
        "Mr R C Love, OBE",
        "Mr D Watkins",
        "Mr R J Thomas",
    ]
    assert split_names(
        "Mrs S Hammond (Corporate Director Children, Young People and Education)"
    ) == ["Mrs S Hammond (Corporate Director Children, Young People and Education)"]


def test_person_reads_honorific_role_and_post_nominals():
    love = person("Mr R C Love, OBE")
    assert (love.honorific, love.name, love.post_nominals) == ("Mr", "R C Love", ["OBE"])
    leach = person("Cllr Linda Leach (Chair)")
    assert (leach.honorific, leach.name, leach.role) == ("Cllr", "Linda Leach", "Chair")


@pytest.mark.parametrize(
    ("printed", "name", "role", "organisation"),
    [
        ("Kate Green (KG)", "Kate Green", None, None),  # her initials, no organisation
        ("Nick Oakley (NO) CHAIR", "Nick Oakley", "CHAIR", None),  # the office after them
        ("Mr Richard Nolan, Clerk", "Richard Nolan", "Clerk", None),
        ("Andrea Wise – (Outgoing) Secretary", "Andrea Wise", "(Outgoing) Secretary", None),
        ("C Lyne - Acting Chairperson", "C Lyne", "Acting Chairperson", None),
        ("J Smith (LSRCC)", "J Smith", None, "LSRCC"),  # a body's letters are not hers
    ],
)
def test_person_initials_and_an_office_after_the_name(printed, name, role, organisation):
    someone = person(printed)
    assert (someone.name, someone.role, someone.organisation) == (name, role, organisation)


# --- round two: outline minutes, preamble business, parts, owners, fixture packs ----------


def test_ssa21_outline_items_and_motions():
    minutes = _minutes(councildocs.parse(shared_file("corpus/us/SSA21_MeetingMinutes_1.29.18.pdf")))
    assert [i.title for i in minutes.items] == [
        "Perfunctory Business",
        "Updates",
        "New Business",
        "Announcements",
    ]
    assert minutes.venue == "Carbon Arc Bar & Board"
    perfunctory = [r.text for r in minutes.items[0].resolutions]
    assert (
        "Minutes from 11/30/17 meeting approved – Z. Maiorca (motion), T. Feinberg (second)"
        in perfunctory
    )
    assert "2017/18 Financials approved – B. Munro (motion), C. Dallas (second)" in perfunctory
    assert minutes.items[2].resolutions[0].text == "APPROVED – 2018 Meetings Calendar"
    # the attendance lists opening the first item are attendance, not discussion
    assert "Commissioners Present" not in minutes.items[0].text
    assert "Next meeting – 9:00am Thursday, February 15th at Bistro Campagne" in (
        minutes.items[3].text
    )
    assert minutes.unplaced_text == []


def test_kent_council_election_of_chair_is_an_item(kent_council):
    election = kent_council.items[0]
    assert (election.number, election.title) == (None, "Election of Chair")
    assert [r.text for r in election.resolutions] == [
        "that Mr Cooke be elected to Chair the meeting."
    ]
    assert not any("Cooke" in u.text for u in kent_council.unplaced_text)
    assert [u.text for u in kent_council.unplaced_text] == [
        "KENT COUNTY COUNCIL",
        "UNRESTRICTED ITEMS",
    ]


def test_resolution_parts(kent_cabinet):
    plan = next(i for i in kent_cabinet.items if i.number == "91").resolutions[0]
    assert plan.text.startswith("that Cabinet agree to: (a) Adopt the Integrated Care Strategy")
    assert [p.label for p in plan.parts] == ["a", "b", "c"]
    assert plan.parts[0].text == (
        "Adopt the Integrated Care Strategy Delivery Plan on behalf of Kent County Council"
    )
    assert plan.parts[1].text.startswith("Delegate authority to the Director of Public Health")
    budget = next(i for i in kent_cabinet.items if i.number == "88").resolutions[0]
    assert [p.label for p in budget.parts] == ["A", "b", "c", "d", "e", "f"]
    assert budget.parts[2].text == "Note the forecast capital underspend of £111.6m."


def test_heading_lines_not_repeated_in_unplaced():
    minutes = _bristol("src-bcc-0022")
    assert [u.text for u in minutes.unplaced_text] == ["Bristol City Council"]


def test_committee_decisions_are_not_officer_actions():
    october = _bristol("src-bcc-0024")
    wpl = next(i for i in october.items if i.title == "Workplace Parking Levy Update report")
    assert wpl.actions == []
    assert wpl.resolutions[0].text == (
        "The Committee agreed to receive a further update in February following completion "
        "of the modelling forecasts and impact assessment."
    )
    plowden = [a for i in october.items for a in i.actions]
    assert [a.owner for a in plowden] == ["Councillor Plowden"]


def _fixture_minutes(name):
    from .conftest import FIXTURES

    return _minutes(councildocs.parse(FIXTURES / name))


def test_wolverhampton_fixture_gives_the_seed_facts(seed_minutes):
    minutes = _fixture_minutes("wolverhampton_pack.pdf")
    assert minutes.physical_pages.start == 3
    assert (minutes.body, minutes.date) == (seed_minutes.body, seed_minutes.date)
    for category in ("members", "in_attendance", "apologies"):
        got = [(p.name, p.role, p.organisation) for p in getattr(minutes.attendance, category)]
        want = [
            (p.name, p.role, p.organisation) for p in getattr(seed_minutes.attendance, category)
        ]
        assert got == want, category
    assert (minutes.declarations, minutes.declarations_stated) == ([], True)
    assert [(i.number, i.title) for i in minutes.items] == [
        (i.number, i.title) for i in seed_minutes.items
    ]
    assert [r.number for r in minutes.items[5].resolutions] == ["1", "2", "3", "4", "5"]
    assert minutes.items[2].resolutions[0].text == (
        "That the minutes of the meeting be approved as a correct record and signed by the Chair."
    )
    owners = [[a.owner for a in i.actions] for i in minutes.items]
    assert owners == [[a.owner for a in i.actions] for i in seed_minutes.items]
    assert owners[4] == ["Scrutiny Officer"]
    assert [u.text for u in minutes.unplaced_text] == [
        "Part 1 – items open to the press and public Item No. Title"
    ]


def test_kent_fixture_minutes():
    minutes = _fixture_minutes("kent_cabinet_pack.pdf")
    assert (minutes.body, minutes.date.isoformat()) == ("Cabinet", "2025-01-09")
    members = minutes.attendance.members
    assert [(p.honorific, p.name) for p in members] == [
        ("Mr", "R W Gough"),
        ("Mr", "N Baker"),
        ("Mrs", "S Chandler"),
        ("Mr", "R C Love"),
        ("Mr", "R J Thomas"),
    ]
    assert members[0].role == "Chairman" and members[3].post_nominals == ["OBE"]
    present = minutes.attendance.in_attendance
    assert [(p.name, p.role, p.attended_virtually) for p in present] == [
        ("R Hale", "Corporate Director of Growth, Environment and Transport", False),
        ("M Ellis", "Director of Highways and Transportation", False),
        ("K Osei", "Head of Finance Operations", False),
        ("P Lund", "Democratic Services Officer", True),
    ]
    assert [p.name for p in minutes.attendance.apologies] == ["P J Oakford"]
    assert (minutes.declarations, minutes.declarations_stated) == ([], True)
    assert [(i.number, i.agenda_item) for i in minutes.items] == [
        (str(n), str(n - 83)) for n in range(84, 92)
    ]
    ltp = minutes.items[6]
    assert [r.text for r in ltp.resolutions] == [
        "that the consultation response be agreed and submitted."
    ]
    assert [(a.owner, a.text) for a in ltp.actions] == [
        ("Cabinet Member", "the Cabinet Member agreed to reflect this in the covering letter.")
    ]
    winter = minutes.items[4]
    assert [(a.owner, a.text) for a in winter.actions] == [
        ("officers", "officers undertook to review the wording before the next cold spell.")
    ]
    assert [u.text for u in minutes.unplaced_text] == [
        "KENT COUNTY COUNCIL",
        "UNRESTRICTED ITEMS",
        "EXEMPT ITEMS (Open access to minutes)",
    ]


# --- round three: restated decisions, paragraph numbers, hyphenated names ------------------


def test_bristol_parking_decisions_once_each_with_their_votes():
    """Item 7 takes recommendations 1-8 one by one ("It was APPROVED" after each vote) and
    lists the approved ones again under "SUMMARY OF APPROVED RECOMMENDATIONS"."""
    parking = _bristol("src-bcc-0022").items[6].resolutions
    approved = [r for r in parking if r.number]
    assert [r.number for r in approved] == [
        "1", "2a", "2b", "2c", "3a", "3b", "4a", "4b", "6", "7", "8"
    ]  # fmt: skip
    assert approved[0].text.startswith("that a Task and Finish Group be initiated to be chaired")
    assert approved[3].text.startswith(
        "Residents Parking - Approve and implement price alignment for all Easton (ES) RPS"
    )
    counted = {
        r.number: (r.votes.for_, r.votes.against, r.votes.abstained)
        for r in approved
        if r.votes and not r.votes.unanimous
    }
    # "6 members voting in favour, none against with 3 abstentions"; "8 ..., 0 against with 1"
    assert counted == {"2a": (6, 0, 3), "4b": (8, 0, 1)}
    # the other nine: "On being put to the vote the recommendation was CARRIED unanimously."
    unanimous = [r.number for r in approved if r.votes and r.votes.unanimous]
    assert unanimous == ["1", "2b", "2c", "3a", "3b", "4a", "6", "7", "8"]
    assert all(r.votes.for_ is None for r in approved if r.votes.unanimous)
    votes_only = [
        (r.votes.for_, r.votes.against, r.votes.abstained) for r in parking if not r.number
    ]
    # recommendations 4c and 5, put and lost
    assert votes_only == [(4, 5, None), (4, 5, None)]
    # the amendments to 2C (carried), to 5 (lost) and to 7 (carried) are votes on the way
    amendments = [
        (r.votes.for_, r.votes.against, r.votes.abstained)
        for r in _bristol("src-bcc-0022").items[6].procedural_votes
    ]
    assert amendments == [(5, 1, 3), (2, 7, None), (7, 0, 2)]
    assert not any(r.text.startswith("Initiated a Task and Finish Group") for r in parking)
    assert len(parking) == 13


def test_bristol_wpl_list_runs_over_its_subheading():
    wpl = _bristol("src-bcc-0022").items[9].resolutions
    assert [r.number for r in wpl] == ["3", "4", "5", "6"]
    assert [(r.votes.for_, r.votes.against) for r in wpl] == [(8, 1)] * 4
    assert wpl[2].text.startswith("Contractual: Authorised the Executive Director Growth")


@pytest.fixture(scope="module")
def kent_budget_council():
    return _minutes(
        councildocs.parse(
            shared_file(
                "corpus/kent/full_council-2025-02-13/Printed minutes 13th-Feb-2025 09.30 County Council.pdf"
            )
        )
    )


def test_kent_apologies_names_joined_at_the_hyphen(kent_budget_council):
    apologies = kent_budget_council.attendance.apologies
    assert [p.name for p in apologies][:5] == [
        "Paul Barrington-King",
        "Conrad Broadley",
        "Tom Cannon",
        "Nigel Collor",
        "Derek Crow-Brown",
    ]
    assert len(apologies) == 15
    assert (apologies[5].name, apologies[5].post_nominals) == ("Trudy Dean", ["MBE"])


def test_kent_paragraph_numbers_are_not_resolution_numbers(kent_budget_council, kent_cabinet):
    section25 = next(i for i in kent_budget_council.items if i.number == "290").resolutions
    assert [(r.number, r.votes.for_, r.votes.against, r.votes.abstained) for r in section25] == [
        (None, 57, 0, 2)
    ]
    budget_item = next(i for i in kent_budget_council.items if i.number == "291")
    # six amendments voted on, then the budget resolved
    assert [r.votes.for_ for r in budget_item.procedural_votes] == [12, 16, 9, 8, 13, 15]
    budget = budget_item.resolutions
    assert [r.votes.for_ for r in budget] == [41]
    final = budget[-1]
    assert final.number is None  # "(27) RESOLVED that:"
    assert [p.label for p in final.parts] == list("abcdefghijklmnopqrstuv")
    assert final.parts[2].text == "The net revenue budget requirement of £1,530.9m for 2025-26."
    assert "2025-26 Council Tax" in final.text
    # "3. RESOLVED that Cabinet agree to:" after paragraphs 1 and 2
    assert next(i for i in kent_cabinet.items if i.number == "88").resolutions[0].number is None
