"""Minutes in the forms small councils print, each read from a small PDF built here with
prose of our own (see test_minutes_blocks for the builder): unnumbered labelled items,
attendance lists that are lists within lists, and the words that record decisions.
"""

from __future__ import annotations

import pytest

from tests.test_minutes_blocks import _BODY, _items, _Minutes, _names

pytest.importorskip("fpdf")


def _labelled_minutes() -> _Minutes:
    """A community council's minutes with no item numbers: every item a label with a colon
    (one set bold), numbered lists under some of them that restart from 1."""
    doc = _Minutes()
    doc.columns("Present:", "Chair: Mrs A Stone: Secretary: Mr B Gale: Treasurer: Miss C Hill")
    doc.columns("", "Mrs D Reed, Messrs E Lowe, F Marsh , G Nash.")
    doc.gap()
    doc.columns("In Attendance:", "Councillor H Quinn")
    doc.gap()
    doc.columns("Apologies:", "Mr J Wood")
    doc.gap()
    doc.write("Declarations of Interest: None")
    doc.gap()
    doc.columns("Minutes::", "The Minutes of the meeting held on 4th December were agreed.")
    doc.gap()
    doc.write("Matters Arising from Previous Minutes:")
    doc.write("1.   The car park surface is poor and needs repair.")
    doc.write("2.   Potholes in Nelson Street are to be reported again.")
    doc.gap()
    doc.write("Police Matters:")
    doc.write("A report was provided to all members.", indent=20)
    doc.gap()
    doc.write("Planning:", bold=True)
    doc.write("1.   Tree works at Pond Lane: no objections from the garden group.")
    doc.gap()
    doc.write("Questions for the County Council:")
    doc.write("1.   Speed humps in the drive are in poor condition.")
    doc.write("2.   The spare ground in Cross Street is overgrown.")
    doc.write("3.   The harbour sign has washed up on the shore.")
    return doc


def test_unnumbered_labelled_items_over_restarting_lists(tmp_path):
    minutes = _labelled_minutes().parse(tmp_path)
    # attendance labels are not items; the numbered lists stay inside their items
    assert _items(minutes) == [
        (None, "Declarations of Interest"),
        (None, "Minutes"),
        (None, "Matters Arising from Previous Minutes"),
        (None, "Police Matters"),
        (None, "Planning"),
        (None, "Questions for the County Council"),
    ]
    minutes_item = minutes.items[1]
    # the text after the label is the item's
    assert minutes_item.text.startswith("The Minutes of the meeting held on 4th December")
    assert [r.text for r in minutes_item.resolutions] == [
        "The Minutes of the meeting held on 4th December were agreed."
    ]
    assert "3. The harbour sign" in minutes.items[-1].text.replace("  ", " ")


def test_office_labels_and_comma_lists_in_a_names_column(tmp_path):
    attendance = _labelled_minutes().parse(tmp_path).attendance
    # "Chair: Mrs A Stone: Secretary: ..." names each office's holder; the line under it is
    # a comma list of its own; the list ends at the gap, not at the next label's text
    assert [(p.name, p.role) for p in attendance.members] == [
        ("A Stone", "Chair"),
        ("B Gale", "Secretary"),
        ("C Hill", "Treasurer"),
        ("D Reed", None),
        ("E Lowe", None),
        ("F Marsh", None),
        ("G Nash", None),
    ]
    assert _names(attendance.in_attendance) == ["H Quinn"]
    assert _names(attendance.apologies) == ["J Wood"]


def test_a_comma_list_ends_at_an_outdent_to_a_label(tmp_path):
    doc = _Minutes()
    doc.columns("Apologies:", "Mrs H Lowe , Mr C Veitch")
    doc.write("Declarations of Interest: None")
    doc.gap()
    doc.write("Minutes of the last meeting:")
    doc.write("The minutes were approved as a true record.", indent=20)
    doc.gap()
    doc.write("Planning:")
    doc.write("1.   No objections to the extension at 2 Bank Avenue.")
    doc.gap()
    doc.write("Correspondence:")
    doc.write("1.   A letter from the bus company was noted.")
    minutes = doc.parse(tmp_path)
    assert _names(minutes.attendance.apologies) == ["H Lowe", "C Veitch"]
    assert [title for _, title in _items(minutes)] == [
        "Declarations of Interest",
        "Minutes of the last meeting",
        "Planning",
        "Correspondence",
    ]


def test_one_name_a_line_under_a_label_with_the_clerk_beside_it(tmp_path):
    doc = _Minutes()
    doc.columns("Present:", "Clerk: Gail Winter", bold_first=True, at=120)
    doc.write("Cllr Harold Marsh (Chair)")
    doc.write("Cllr Duncan Cole")
    doc.write("Cllr Sarah Colby")
    doc.gap()
    doc.write("12/25 Apologies: Cllr Walsh; Cllr Webber", bold=True)
    doc.write("13/25 Minutes of Meeting on 1st September - accepted", bold=True)
    doc.item("14/25 Finance")
    minutes = doc.parse(tmp_path)
    attendance = minutes.attendance
    assert [(p.name, p.role) for p in attendance.members] == [
        ("Harold Marsh", "Chair"),
        ("Duncan Cole", None),
        ("Sarah Colby", None),
    ]
    # the clerk serves the council: in attendance, not a member
    assert [(p.name, p.role) for p in attendance.in_attendance] == [("Gail Winter", "Clerk")]
    # the heading's line after its title is the item's text: the names, the outcome
    assert _names(attendance.apologies) == ["Walsh", "Webber"]
    assert [r.text for r in minutes.items[1].resolutions] == ["accepted"]


def test_compound_numbers_in_body_text_above_the_first_bold_heading(tmp_path):
    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.write("12/25 Apologies: Cllr Walsh")
    doc.write("13/25 Welcome to two members of the public")
    doc.item("14/25 Declarations of Interest - none")
    doc.item("15/25 Finance")
    minutes = doc.parse(tmp_path)
    assert [n for n, _ in _items(minutes)] == ["12/25", "13/25", "14/25", "15/25"]


def test_a_bold_title_before_body_text_on_a_numbered_line(tmp_path):
    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    for number, (title, text) in enumerate(
        [
            ("APOLOGIES", "A Horne - Community Councillor."),
            ("MINUTES", "The minutes were approved."),
            ("PLANNING", "No applications were received."),
        ],
        start=1,
    ):
        doc.pdf.set_font("Helvetica", "B", 11)
        doc.pdf.cell(10, 6, f"{number}.")
        doc.pdf.cell(45, 6, title)
        doc.pdf.set_font("Helvetica", "", 11)
        doc.pdf.cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
        doc.gap()
    minutes = doc.parse(tmp_path)
    assert _items(minutes) == [("1", "APOLOGIES"), ("2", "MINUTES"), ("3", "PLANNING")]
    assert [(p.name, p.role) for p in minutes.attendance.apologies] == [
        ("A Horne", "Community Councillor")
    ]


def test_second_column_label_beside_present(tmp_path):
    doc = _Minutes()
    doc.columns("Present:", "Members of the Public:", bold_first=True, at=100)
    doc.write("Nick Oakley (NO) Chair")
    doc.write("Kate Green (KG)")
    doc.write("Rob Large (RL)")
    doc.gap()
    doc.item("11.25.01 Apologies for absence", "Apologies had been received from Cllr Dan Rowe")
    doc.item("11.25.02 Declarations of Interests", "There were no declarations of interest")
    minutes = doc.parse(tmp_path)
    # "Members of the Public:" heads the other column: it is no member's name
    assert "Members of the Public" not in _names(minutes.attendance.members)
    assert _names(minutes.attendance.apologies) == ["Dan Rowe"]


def test_two_labelled_columns_each_keep_their_names(tmp_path):
    """ "Present:" and, across the page, "Members of the Public:", the names of each under
    its label on the same lines: members are the left column's; the public's names are
    in attendance under their label; initials in brackets are no organisation, and an
    office after them is the person's role (the clerk's too, who is no member)."""
    doc = _Minutes()
    doc.columns("Present:", "Members of the Public:", bold_first=True, at=250)
    doc.columns("Nick Oakley (NO) CHAIR", "Alan Smyth", at=250)
    doc.columns("Kate Green (KG)", "Katy Drake", at=250)
    doc.write("Rob Large (RL)")
    doc.write("Cathy Fleet (CF) CLERK")
    doc.gap()
    doc.item("11.25.01 Apologies for absence", "Apologies had been received from Cllr Dan Rowe")
    doc.item("11.25.02 Declarations of Interests", "There were no declarations of interest")
    attendance = doc.parse(tmp_path).attendance
    assert [(p.name, p.role, p.organisation) for p in attendance.members] == [
        ("Nick Oakley", "CHAIR", None),
        ("Kate Green", None, None),
        ("Rob Large", None, None),
    ]
    assert [(p.name, p.role) for p in attendance.in_attendance] == [
        ("Cathy Fleet", "CLERK"),
        ("Alan Smyth", "Members of the Public"),
        ("Katy Drake", "Members of the Public"),
    ]


def _with_present(doc: _Minutes) -> _Minutes:
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.write("Members of the Public 2 plus Cllr C Brant")
    doc.gap()
    return doc


def test_members_of_the_public_are_a_count_not_people(tmp_path):
    doc = _with_present(_Minutes())
    doc.item("1. Apologies", "None.")
    doc.item("2. Finance")
    minutes = doc.parse(tmp_path)
    assert minutes.public_attendance == 2
    assert "Members of the Public 2 plus Cllr C Brant" not in _names(minutes.attendance.members)
    assert _names(minutes.attendance.members) == ["A Brook", "C Dale", "E Fenn"]

    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.item("1. Public participation", "Three members of the public attended to hear item 4.")
    doc.item("2. Finance")
    assert doc.parse(tmp_path).public_attendance == 3


def test_a_declaration_made_later_in_the_meeting(tmp_path):
    doc = _with_present(_Minutes())
    doc.item("1. Declarations of Interest", "None.")
    doc.item(
        "2. Planning",
        "Application 24/0012 for an extension at 2 Mill Lane was considered.",
        "Later in the meeting Cllr Ann Hart declared a pecuniary interest in the application "
        "as a neighbour and left the room.",
    )
    minutes = doc.parse(tmp_path)
    assert [(d.member, d.item, d.kind) for d in minutes.declarations] == [
        ("Cllr Ann Hart", "2", "pecuniary")
    ]


def test_mover_seconder_and_all_in_favour(tmp_path):
    doc = _with_present(_Minutes())
    doc.item(
        "1. Annual accounts",
        "The annual accounts were presented and explained.",
        "Approval proposed by Cllr Dale, seconded by Cllr Fenn, all in favour.",
    )
    doc.item(
        "2. Budget",
        "Proposed by Cllr A Brook, seconded by Cllr C Dale.",
        "RESOLVED that the budget for 2026-27 be approved.",
    )
    minutes = doc.parse(tmp_path)
    accounts = minutes.items[0].resolutions
    assert [(r.votes.mover, r.votes.seconder, r.votes.unanimous) for r in accounts] == [
        ("Cllr Dale", "Cllr Fenn", True)
    ]
    budget = minutes.items[1].resolutions
    assert [r.text for r in budget] == ["that the budget for 2026-27 be approved."]
    assert (budget[0].votes.mover, budget[0].votes.seconder) == ("Cllr A Brook", "Cllr C Dale")


def test_procedural_votes_and_a_motion_that_fell(tmp_path):
    doc = _with_present(_Minutes())
    doc.write("1. Village green", bold=True)
    for paragraph in (
        "Members discussed the mowing contract at length. " + " ".join([_BODY] * 4),
        "It was proposed that the meeting be extended beyond 9.30pm. Motion carried.",
        "A motion to end the contract early was put. The motion fell for want of a seconder.",
        "RESOLVED that the contract continue until March.",
    ):
        doc.write(paragraph, indent=10)
        doc.gap()
    doc.item("2. Any other business")
    minutes = doc.parse(tmp_path)
    item = minutes.items[0]
    assert [v.text for v in item.procedural_votes] == [
        "It was proposed that the meeting be extended beyond 9.30pm. Motion carried."
    ]  # a vote on the conduct of the meeting, not a decision on the green
    assert [(r.text, r.outcome) for r in item.resolutions] == [
        ("The motion fell for want of a seconder.", "fell"),
        ("that the contract continue until March.", None),
    ]


def test_votes_on_amendments_are_votes_not_decisions(tmp_path):
    """An amendment put to the vote is a step on the way to the item's decision: its vote
    is kept with its counts, the decision is the motion finally carried. A resolution that
    merely names an amendment (to a plan, to the standing orders) is a decision."""
    doc = _with_present(_Minutes())
    doc.write("1. Skate park", bold=True)
    for paragraph in (
        "Cllr Jones moved an amendment that the park open at 9am rather than 8am.",
        "On being put to the vote the amendment was LOST (3 in favour, 5 against).",
        "RESOLVED that the skate park open daily from 8am.",
    ):
        doc.write(paragraph, indent=10)
        doc.gap()
    doc.item("2. Standing orders", "RESOLVED that the amendment to standing order 4 be adopted.")
    minutes = doc.parse(tmp_path)
    park, orders = minutes.items
    assert [(v.votes.for_, v.votes.against) for v in park.procedural_votes] == [(3, 5)]
    assert [r.text for r in park.resolutions] == ["that the skate park open daily from 8am."]
    assert [r.text for r in orders.resolutions] == [
        "that the amendment to standing order 4 be adopted."
    ]
    assert orders.procedural_votes == []


def test_decisions_without_a_lead_word(tmp_path):
    doc = _with_present(_Minutes())
    doc.item(
        "1. Finance",
        "- Bank reconciliation: approved",
        "- Agreed payment for the Christmas tree from the hall allocation.",
        "- Recommendations 4 and 5 were not approved.",
    )
    doc.item(
        "2. Grants",
        "The list of grants was read out. The Councillors resolved to pay all of the above.",
    )
    minutes = doc.parse(tmp_path)
    assert [r.text for r in minutes.items[0].resolutions] == [
        "Bank reconciliation: approved",
        "Agreed payment for the Christmas tree from the hall allocation.",
    ]
    assert [r.text for r in minutes.items[1].resolutions] == [
        "The Councillors resolved to pay all of the above."
    ]


def test_a_decision_ending_a_long_paragraph_before_its_mover(tmp_path):
    doc = _with_present(_Minutes())
    doc.item(
        "1. Village greens",
        "The Chairman explained the value of the greens and the damage done by parking on "
        "them over the summer. It was resolved that by the May AGM the council will have a "
        "detailed implementation policy and will have assessed all the current contraventions "
        "of the policy and what options there are to address those. Proposed by the Chairman "
        "and seconded by Cllr Dale.",
    )
    doc.item("2. Planning", "Agreed to comment that the proposal is out of scale with the lane.")
    minutes = doc.parse(tmp_path)
    greens = minutes.items[0].resolutions
    assert [r.text[:40] for r in greens] == ["It was resolved that by the May AGM the "]
    assert (greens[0].votes.mover, greens[0].votes.seconder) == ("the Chairman", "Cllr Dale")
    assert [r.text for r in minutes.items[1].resolutions] == [
        "Agreed to comment that the proposal is out of scale with the lane."
    ]


def test_a_decision_word_in_capitals_opening_a_long_paragraph(tmp_path):
    doc = _with_present(_Minutes())
    doc.item(
        "1. Petition: Save the Library",
        "The Committee considered a petition signed by 1,870 people.",
        "It was AGREED that the Committee debated and noted the petition. The topic of the "
        "debate, the petitioner's views and the Committee's views as per the debate were "
        "referred to the Committee Chair, who would send a formal response to the petitioner "
        "after the meeting, with a copy to every member of the Committee.",
    )
    doc.item("2. Any other business")
    minutes = doc.parse(tmp_path)
    assert [r.text[:50] for r in minutes.items[0].resolutions] == [
        "It was AGREED that the Committee debated and noted"
    ]


def test_welsh_decisions_and_names(tmp_path):
    doc = _Minutes()
    doc.write(
        "PRESENNOL: Y Cynghorwyr Alun Price, Kim Rees, Dorian Jenkins a r Cynghorydd Sir Jo Bevan"
    )
    doc.gap()
    doc.item(
        "1. CADARNHAU COFNODION Y CYFARFOD DIWETHAF",
        "Cynigiwyd gan y Cyng. K. Rees, eiliwyd gan y Cyng. A. Price ac roedd pawb yn gytun, bod "
        "cofnodion y cyfarfod diwethaf yn gywir.",
    )
    doc.item(
        "2. CYNLLUNIO",
        "Cytunwyd y dylid anfon y sylwadau canlynol i Adran Gynllunio'r Cyngor Sir.",
    )
    minutes = doc.parse(tmp_path)
    # "a r" is "a'r" (and the) with its apostrophe lost
    assert _names(minutes.attendance.members) == [
        "Alun Price",
        "Kim Rees",
        "Dorian Jenkins",
        "Jo Bevan",
    ]
    confirmed = minutes.items[0].resolutions
    assert len(confirmed) == 1
    assert (confirmed[0].votes.mover, confirmed[0].votes.seconder) == (
        "y Cyng. K. Rees",
        "y Cyng. A. Price",
    )
    # "Cytunwyd" in a sentence is "it was agreed": recorded from it, as the English prose is
    assert [r.text for r in minutes.items[1].resolutions] == [
        "Cytunwyd y dylid anfon y sylwadau canlynol i Adran Gynllunio'r Cyngor Sir."
    ]


def test_welsh_it_was_agreed_decides_its_sentence_not_the_paragraphs_after_it(tmp_path):
    """As in manordeilo-salem-cc's October 2017 minutes (item 5): "Cytunwyd y dylai'r Clerc
    ..." is one decision; the numbered letter after it is correspondence, not a second
    decision. A list introduced by a colon ends the decided sentence at the colon, and "The
    following payments were agreed:" records one decision, as "Cytunwyd gwneud y taliadau
    canlynol:" does (October 2019, item 11)."""
    doc = _with_present(_Minutes())
    doc.item(
        "5. GOHEBIAETH",
        "vii) Llythyr yn gofyn am ddiffibriliwr. Cytunwyd y dylai'r Clerc gwblhau'r ffurflen "
        "gais yn barod i'w chyflwyno bryd hynny. Cytunodd y Cynghorwyr y byddai'r neuadd yn "
        "un lleoliad da. Clerc",
        "viii) Cymorth Canser, cais am gymorth ariannol. Chwef",
    )
    doc.item(
        "9. CYNLLUNIO",
        "Cytunwyd y dylid anfon y sylwadau canlynol i Adran Gynllunio C.S.C.: E/34934 Annedd "
        "breswyl Newydd Unigol (Datblygiad Un Blaned) Tir a oedd yn rhan o Fferm Uchaf "
        "Llandeilo SA19 7UR E Pilley. Mae'r Cyngor yn dymuno ail adrodd ei wrthwynebiadau "
        "gwreiddiol fel a ganlyn: mae'r safle wedi'i leoli ymhell y tu allan i'r cynllun.",
    )
    doc.item("11. ACCOUNTS FOR PAYMENT", "The following payments were agreed:")
    doc.item("12. CYFRIFON I'W TALU", "Cytunwyd gwneud y taliadau canlynol:")
    minutes = doc.parse(tmp_path)
    assert [len(item.resolutions) for item in minutes.items] == [1, 1, 1, 1]
    assert minutes.items[0].resolutions[0].text.startswith("Cytunwyd y dylai'r Clerc")


@pytest.mark.parametrize(("welsh", "english"), [("10-17_cy", "17-10-11"), ("10-19_cy", "19-10-09")])
def test_welsh_twins_number_their_items_and_decide_as_the_english(welsh, english):
    """Every item's number and its count of decisions alike in both (manordeilo-salem-cc):
    2017's 2, 4, 5 and 9 ("It was agreed to ..." / "Cytunwyd y dylid ..."; item 5's v)
    "Clerk to respond that the Council recommending no change" is an action, its vii) one
    decision), 2019's 2, 4 and 11 ("The following payments were agreed:" / "Cytunwyd gwneud
    y taliadau canlynol:"); neither twin prints a decision word in 2019's planning (item 9)."""
    import councildocs
    from councildocs.models import MinutesDocument

    from .conftest import shared_file

    def read(name: str) -> MinutesDocument:
        pack = councildocs.parse(shared_file(f"corpus/manordeilo-salem-cc/{name}.pdf"))
        return next(d for d in pack.documents if isinstance(d, MinutesDocument))

    def decided(doc: MinutesDocument) -> list[tuple[str | None, int]]:
        return [(item.number, len(item.resolutions)) for item in doc.items]

    cymraeg, saesneg = read(welsh), read(english)
    assert decided(cymraeg) == decided(saesneg)
    # read from the page images: the decisions each twin prints in the same words
    counted = (
        {"2": 1, "4": 1, "5": 1, "9": 1} if english == "17-10-11" else {"2": 1, "4": 1, "11": 1}
    )
    assert {n: c for n, c in decided(saesneg) if c} == counted


def test_a_names_column_ends_where_the_next_line_returns_to_the_margin(tmp_path):
    doc = _Minutes()
    doc.columns("Present:", "Chair: Mr D Gray: Secretary: Mr G Beat")
    doc.columns("In Attendance", "Councillor B Connor , Councillor T Brett")
    doc.write("Minutes of the previous meeting - the minute was approved as an accurate record")
    doc.columns("Report from the Chair:", "A written report was read out to members.", at=50)
    doc.columns("Police Matters:", "No report was received.", at=50)
    doc.columns("Planning:", "No applications were received.", at=50)
    minutes = doc.parse(tmp_path)
    assert _names(minutes.attendance.in_attendance) == ["B Connor", "T Brett"]
    assert [t for _, t in _items(minutes)] == [
        "Report from the Chair",
        "Police Matters",
        "Planning",
    ]


def test_a_list_line_in_columns_with_a_body_and_the_clerk(tmp_path):
    doc = _Minutes()
    doc.write("Present", bold=True)
    doc.write("Councillors D Rich (Chair) N Cress, M Arm, R Heal and")
    doc.pdf.set_font("Helvetica", "", 11)
    doc.pdf.cell(25, 6, "P Moran")
    doc.pdf.cell(45, 6, "A Armstrong, EDC")
    doc.pdf.cell(0, 6, "Clerk J Connelly", new_x="LMARGIN", new_y="NEXT")
    doc.gap()
    doc.item("19.09.01 Apologies", "None")
    doc.item("19.09.02 Minutes", "All agreed this was a true record.")
    attendance = doc.parse(tmp_path).attendance
    # each column an entry; "EDC" the body A Armstrong comes from; the clerk serves
    assert [(p.name, p.organisation) for p in attendance.members] == [
        ("D Rich", None),
        ("N Cress", None),
        ("M Arm", None),
        ("R Heal", None),
        ("P Moran", None),
        ("A Armstrong", "EDC"),
    ]
    assert [(p.name, p.role) for p in attendance.in_attendance] == [("J Connelly", "Clerk")]


def test_a_trailing_group_word_and_the_clerk_after_his_name(tmp_path):
    doc = _Minutes()
    doc.write(
        "Present: Miss Jane Ritchie, Mr Andrew Landau and Mrs Sally Sahin, Councillors, and "
        "Mr Richard Nolan, Clerk"
    )
    doc.gap()
    doc.item("1. Apologies", "There were no apologies, all the members being present.")
    doc.item("2. Minutes", "The minutes were confirmed as a true copy.")
    attendance = doc.parse(tmp_path).attendance
    assert _names(attendance.members) == ["Jane Ritchie", "Andrew Landau", "Sally Sahin"]
    assert [(p.name, p.role) for p in attendance.in_attendance] == [("Richard Nolan", "Clerk")]
    assert attendance.apologies == []


def test_a_members_of_the_label_runs_to_its_colon_and_an_office_follows_its_holder(tmp_path):
    """A sentence-like label ("Members of the Council present were:") ends at its colon,
    the names after it; an office between commas is the role of the name before it, and
    the group's name ("Councillors") before the next names is no one."""
    doc = _Minutes()
    doc.write(
        "Members of the Council present were: Councillors Jane Ritchie, Chairman, "
        "Councillors David Dent, Sally Sahin"
    )
    doc.write("and Victoria Whitehead, and Mrs Sue Ryding, Clerk")
    doc.gap()
    doc.item("1. Minutes", "The minutes were confirmed as a true copy.")
    doc.item("2. Accounts", "The accounts were received.")
    attendance = doc.parse(tmp_path).attendance
    assert [(p.name, p.role) for p in attendance.members] == [
        ("Jane Ritchie", "Chairman"),
        ("David Dent", None),
        ("Sally Sahin", None),
        ("Victoria Whitehead", None),
    ]
    assert [(p.name, p.role) for p in attendance.in_attendance] == [("Sue Ryding", "Clerk")]


def test_the_last_minutes_taken_as_a_true_record_and_payments_approved(tmp_path):
    doc = _with_present(_Minutes())
    doc.item(
        "11.25.03 To receive the minutes of the last meeting",
        "The minutes of the meeting held on 30th October were checked for accuracy and "
        "content, agreed as a true record of the meeting and signed by the chair.",
    )
    doc.item("11.25.04 Finance", "The following accounts were approved for payment")
    minutes = doc.parse(tmp_path)
    assert [len(item.resolutions) for item in minutes.items] == [1, 1]


def test_a_role_printed_before_its_holder_in_apologies(tmp_path):
    doc = _Minutes()
    doc.columns("Present:", "Chair: Mr D Gray: Secretary: Mr G Beat")
    doc.columns("Apologies:", "Mrs H Lowe , Mr C Veitch ,School Representative Nicole Walker")
    doc.gap()
    doc.columns("Report from the Chair:", "A written report was read out to members.", at=50)
    doc.columns("Police Matters:", "No report was received.", at=50)
    doc.columns("Planning:", "No applications were received.", at=50)
    attendance = doc.parse(tmp_path).attendance
    assert [(p.name, p.role) for p in attendance.apologies] == [
        ("H Lowe", None),
        ("C Veitch", None),
        ("Nicole Walker", "School Representative"),
    ]


def test_an_agenda_anchor_under_an_unnumbered_bold_heading_numbers_the_item(tmp_path):
    doc = _with_present(_Minutes())
    for title, anchor in (
        ("Apologies for Absence", "(Item 1)"),
        ("Declarations of Interest", "(Item 2)"),
        ("Budget Monitoring", "(Item 4)"),
    ):
        doc.write(title, bold=True)
        doc.write(anchor)
        doc.write(_BODY, indent=10)
        doc.gap()
    minutes = doc.parse(tmp_path)
    assert [(i.number, i.agenda_item, i.title) for i in minutes.items] == [
        ("1", "1", "Apologies for Absence"),
        ("2", "2", "Declarations of Interest"),
        ("4", "4", "Budget Monitoring"),
    ]
    # the apologies item's text is a sentence, not names
    assert minutes.attendance.apologies == []


def test_scots_sederunt_officers_absent_virtual_and_public(tmp_path):
    doc = _Minutes()
    doc.write("Sederunt: Cllrs A Brook (Convener), C Dale and E Fenn")
    doc.write("Officers in Attendance:-")
    doc.write("Jane Doe - Clerk")
    doc.write("Tom Hill - Finance Officer")
    doc.write("Absent without apologies: Cllr G Hart")
    doc.write("Attending virtually: Cllr K Lamb")
    doc.write("Also present: 4 members of the public")
    doc.gap()
    doc.item("1. Apologies", "Apologies were received from Cllr M Nash.")
    doc.item("2. Finance")
    minutes = doc.parse(tmp_path)
    attendance = minutes.attendance
    assert [(p.name, p.role) for p in attendance.members] == [
        ("A Brook", "Convener"),
        ("C Dale", None),
        ("E Fenn", None),
    ]
    assert [(p.name, p.role, p.attended_virtually) for p in attendance.in_attendance] == [
        ("Jane Doe", "Clerk", False),
        ("Tom Hill", "Finance Officer", False),
        ("K Lamb", None, True),
    ]
    assert _names(attendance.absent) == ["G Hart"]
    assert _names(attendance.apologies) == ["M Nash"]
    assert minutes.public_attendance == 4


def test_apologies_named_twice_are_one_person(tmp_path):
    doc = _Minutes()
    doc.write("Present: Miss Jane Ritchie, Mrs Sally Sahin and Mr David Dent, Councillors")
    doc.write("Apologies: Mr Andrew Landau")
    doc.gap()
    doc.item("1. Apologies", "Apologies were received from Mr Landau.")
    doc.item("2. Minutes", "The minutes were confirmed as a true copy.")
    attendance = doc.parse(tmp_path).attendance
    assert _names(attendance.apologies) == ["Andrew Landau"]


def test_labels_without_any_attendance_are_a_form_not_items(tmp_path):
    doc = _Minutes()
    for label, value in (
        ("Directorate:", "Growth"),
        ("Proposer:", "Mr A Brook"),
        ("Purpose:", "Road repairs"),
        ("Funding:", "Reserves"),
    ):
        doc.columns(label, value)
        doc.gap()
    assert [t for _, t in _items(doc.parse(tmp_path))] == []


_BULLETED = """Minutes of the Meeting of Eastfield Parish Council
held in the Village Hall on 4 March 2025 at 7.30pm

Present: Councillors A Brook (Chair), C Dale and E Fenn

1. Council Business

● BUDGET The clerk outlined the budget which was approved by Councillors reflecting an unchanged precept.
● ALLOCATIONS to be decided in March. Also agreed to restore the hall allocation to £2000.
● Agreed payment for the Christmas tree.
● Committee approved payment for the new website.
● The clerk will order the salt bins.

2. Any other business

None.
"""


def _text_minutes(tmp_path, text: str):
    """The minutes document of a text export holding ``text``."""
    import councildocs
    from councildocs.models import MinutesDocument

    path = tmp_path / "minutes.txt"
    path.write_text(text, encoding="utf-8")
    pack = councildocs.parse(path)
    return next(d for d in pack.documents if isinstance(d, MinutesDocument))


def test_decisions_one_a_bullet_in_the_councils_own_words(tmp_path):
    # a text export: "●" bullets each a paragraph of their own
    minutes = _text_minutes(tmp_path, _BULLETED)
    assert [r.text for r in minutes.items[0].resolutions] == [
        "BUDGET The clerk outlined the budget which was approved by Councillors reflecting an "
        "unchanged precept.",
        "Also agreed to restore the hall allocation to £2000.",
        "Agreed payment for the Christmas tree.",
        "Committee approved payment for the new website.",
    ]


_BULLETED_DECISION = """Minutes of the Meeting of Eastfield Parish Council
held in the Village Hall on 4 March 2025 at 7.30pm

Present: Councillors A Brook (Chair), C Dale and E Fenn

1. Local plan

The report was introduced by the clerk and discussed at length by members.

RESOLVED that the Committee:
● approves the draft local plan for consultation;
● notes the risks set out in the report; and
● asks the clerk to report back in June.

2. Any other business

None.
"""


def test_a_decisions_bulleted_entries_are_its_parts(tmp_path):
    minutes = _text_minutes(tmp_path, _BULLETED_DECISION)
    decisions = minutes.items[0].resolutions
    assert len(decisions) == 1
    assert [(p.label, p.text) for p in decisions[0].parts] == [
        ("1", "approves the draft local plan for consultation"),
        ("2", "notes the risks set out in the report"),
        ("3", "asks the clerk to report back in June."),
    ]


def test_a_numbered_list_under_one_lead_in_is_one_decision_in_parts(tmp_path):
    """The lead-in "It was APPROVED that;" (alone, or run on into "That the Committee:")
    over entries 1, 2, 3 is one decision whose parts keep their numbers; a decision word
    with only a colon over numbered sentences ("Resolved:" then "1. The panel approved
    ...", "2. The Director to report ...") records one decision a number, as the seed's
    person-checked golden does."""
    doc = _with_present(_Minutes())
    doc.item(
        "1. Parking schemes",
        "On being put to the vote the recommendations were CARRIED (5 voting FOR, 4 voting "
        "AGAINST).",
        "It was APPROVED that;",
        "1. That the Committee approved the development work for the new parking areas.",
        "2. That the Committee approved the total allocation of £7,502,000 for the programme.",
        "3. Authorised the Executive Director to award the project within the budget.",
    )
    doc.item(
        "2. Centre line policy",
        "It was APPROVED that; That the Committee for Transport:",
        "1. Approved the default position of not reinstating centre lines.",
        "2. Approved the proposed process set out in Appendix A.",
    )
    doc.item(
        "3. Reoffending strategy",
        "Resolved:",
        "1. The panel approved the draft strategy proposal.",
        "2. The Director of Adult Services to report to a future meeting.",
    )
    minutes = doc.parse(tmp_path)
    parking, centre_line, strategy = (item.resolutions for item in minutes.items)
    assert len(parking) == 1
    assert [p.label for p in parking[0].parts] == ["1", "2", "3"]
    assert parking[0].parts[2].text.startswith("Authorised the Executive Director")
    assert (parking[0].votes.for_, parking[0].votes.against) == (5, 4)
    assert len(centre_line) == 1
    assert centre_line[0].text.startswith("That the Committee for Transport:")
    assert [p.label for p in centre_line[0].parts] == ["1", "2"]
    assert [r.number for r in strategy] == ["1", "2"]


_ROMAN_LISTS = """Minutes of the Meeting of Eastfield Parish Council
held in the Village Hall on 4 March 2025 at 7.30pm

Present: Councillors A Brook (Chair), C Dale and E Fenn

1. APOLOGIES
None were received.
2. CORRESPONDENCE
i) bank statement dated 30 September, balance noted.
ii) county council consultation on bus routes, to be answered by the clerk.
3. ANY OTHER BUSINESS
None.
"""


def test_a_list_under_a_heading_is_not_the_headings_second_line(tmp_path):
    # a text export: the numbered headings count up from 1, and the lines under
    # "2. CORRESPONDENCE" open with their own markers, lowercase as they are
    minutes = _text_minutes(tmp_path, _ROMAN_LISTS)
    assert [(i.number, i.title) for i in minutes.items] == [
        ("1", "APOLOGIES"),
        ("2", "CORRESPONDENCE"),
        ("3", "ANY OTHER BUSINESS"),
    ]
    assert minutes.items[1].text.startswith("i) bank statement dated 30 September")


_MISSING_COMMA = """Minutes of the Meeting of Eastfield Parish Council
held in the Village Hall on 4 March 2025 at 7.30pm

Present: Councillors Alan Brook, Carol Dale, Mary
Stone, Edward Fenn
Gareth Hale and the Clerk, Mrs J Ives.

1. Apologies
None.
"""


def test_a_name_list_that_leaves_out_the_comma_at_a_lines_end(tmp_path):
    # "Edward Fenn" ends its line on a whole name and the next opens with another: two
    # people; "Mary" over "Stone" is one name cut by the wrap
    minutes = _text_minutes(tmp_path, _MISSING_COMMA)
    assert [m.name for m in minutes.attendance.members][:5] == [
        "Alan Brook",
        "Carol Dale",
        "Mary Stone",
        "Edward Fenn",
        "Gareth Hale",
    ]
