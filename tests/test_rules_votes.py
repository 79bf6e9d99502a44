"""VOT rules: recorded votes that add up, with voters who were there, each listed once.

The passing cases are Kent County Council's minutes of 9 January 2025 (minute 285, the
amendment in paragraph 17 and the substantive motion in paragraph 25), copied from the
printed PDF in ../shared/corpus/kent/full_council-2025-01-09: the counts were checked
against the names by hand (14, 45 and 4; 39, 19 and 1). Each failing case changes one
thing in them, as a slip in typing the minutes would. The last test runs every VOT rule
over the Kent minutes themselves when ../shared is here.
"""

from __future__ import annotations

import pytest

from councildocs.linter import lint
from councildocs.models import (
    Attendance,
    MinuteItem,
    MinutesDocument,
    Pack,
    Person,
    Resolution,
    Votes,
)
from councildocs.rules import get

from .conftest import shared_file

FOR_14 = (
    "Mr Baldock, Mr Brady, Ms Constantine, Ms Hawkins, Mr Holden, Mr Hood, Mr Hook, "
    "Mr R Lehmann, Mr Lewis, Ms Meade, Mr Passmore, Mr Sole, Mr Streatfeild, Dr Sullivan"
)
AGAINST_45 = (
    "Mr Baker, Mr Barrington-King, Mr Bartlett, Mrs Bell, Mrs Binks, Mr Bond, Mr Booth, "
    "Mr Brazier, Mr Cannon, Mr Carter, Mrs Chandler, Mr Chard, Mr Cole, Mrs Cole, "
    "Mr Crow-Brown, Mr Dance, Mr Dendor, Mr Gough, Ms Hamilton, Mr Hill, Mr Hills, "
    "Mrs Hohler, Mrs Hudson, Mr Jeffrey, Mr Kite, Mr Love, Mr Mallon, Mr Manion, Mr Marsh, "
    "Mrs McArthur, Mr McInroy, Mr Murphy, Mr Oakford, Mr Ozog, Ms Parfitt, Mr Rayner, "
    "Mr Richardson, Mr Robey, Mr Sandhu, Mr Shonk, Mr Simkins, Mr Thomas, Mr Watkins, "
    "Mr Whiting, Ms Wright"
)
ABSTAIN_4 = "Mrs Bruneau, Mr Chittenden, Mrs Dean, Mr Webb"
AMENDMENT = (
    "18) Following the debate, the Chairman put the amendment set out in paragraph 17 to "
    "the vote and the voting was as follows:\n"
    f"For (14)\n{FOR_14}\nAgainst (45)\n{AGAINST_45}\nAbstain (4)\n{ABSTAIN_4}\n"
    "Amendment lost.\n"
    "19) Mr Brady proposed and Ms Constantine seconded the following amendment:"
)
#: the members present, as the minutes' attendance list prints them (surname matching)
PRESENT = (
    "N Baker, M Baldock, P V Barrington-King, P Bartlett, C Bell, R Binks, T Bond, A Booth, "
    "A Brady, D L Brazier, B Bruneau, T Cannon, Paul Carter, S Chandler, N J D Chard, "
    "I S Chittenden, P T Cole, P Cole, K Constantine, D Crow-Brown, M C Dance, T Dean, "
    "M Dendor, R W Gough, S Hamilton, J Hawkins, P M Hill, A R Hills, S V Hohler, S Holden, "
    "M A J Hood, A J Hook, S Hudson, D Jeffrey, J A Kite, Rich Lehmann, B H Lewis, R C Love, "
    "T Mallon, S C Manion, R A Marsh, M McArthur, J P McInroy, J Meade, D Murphy, "
    "P J Oakford, J M Ozog, L Parfitt, C Passmore, H Rayner, O Richardson, D Robey, "
    "A Sandhu, T L Shonk, C Simkins, M J Sole, R G Streatfeild, L Sullivan, R J Thomas, "
    "D Watkins, S Webb, M Whiting, J Wright"
).split(", ")

SOURCE = {"path": "minutes.pdf", "sha256": "0" * 64, "page_count": 12, "format": "pdf"}


def minutes(text: str = AMENDMENT, present=PRESENT, apologies=(), resolutions=()) -> Pack:
    document = MinutesDocument(
        title="Minutes of the County Council, 9 January 2025",
        attendance=Attendance(
            members=[Person(name=n) for n in present],
            apologies=[Person(name=n) for n in apologies],
        ),
        items=[
            MinuteItem(
                number="285",
                title="English Devolution White Paper",
                text=text,
                resolutions=list(resolutions),
                provenance={"page": 2},
            )
        ],
    )
    return Pack(source=SOURCE, documents=[document])


def run(code: str, pack: Pack) -> list[tuple[str, str | None]]:
    return [(f.message, f.quote) for f in lint(pack, [get(code)])]


def test_kent_amendment_passes_every_vot_rule():
    for code in ("VOT001", "VOT002", "VOT003", "VOT004", "VOT005"):
        assert run(code, minutes()) == [], code


def test_vot001_count_that_is_not_the_names_under_it():
    dropped = AMENDMENT.replace(", Dr Sullivan\n", "\n")
    [(message, quote)] = run("VOT001", minutes(dropped))
    assert message == "'For (14)' but 13 names listed under it (minute 285)"
    assert quote.startswith("For (14) Mr Baldock, Mr Brady") and "Sullivan" not in quote


def test_vot001_post_nominals_stay_with_their_name():
    # February's minutes print "Mr Love, OBE" and "Sir Paul Carter, CBE" inside the list
    honours = AMENDMENT.replace("Mr Love,", "Mr Love, OBE,").replace(
        "Mr Carter,", "Sir Paul Carter, CBE,"
    )
    assert run("VOT001", minutes(honours)) == []


def test_vot002_voter_not_present_or_who_sent_apologies():
    present = [n for n in PRESENT if n != "S Webb"]
    [(message, quote)] = run("VOT002", minutes(present=present, apologies=["S Webb"]))
    assert message == "Mr Webb is recorded voting in 'Abstain (4)' but sent apologies (minute 285)"
    assert quote == f"Abstain (4) {ABSTAIN_4}"
    # no attendance list: nothing to check against
    assert run("VOT002", minutes(present=[])) == []


def test_vot003_both_sides_and_twice_on_one_side():
    both = AMENDMENT.replace("Mr Webb\n", "Mr Hook\n")
    assert [m for m, _ in run("VOT003", minutes(both))] == [
        "Mr Hook is listed under both 'For (14)' and 'Abstain (4)' (minute 285)"
    ]
    twice = AMENDMENT.replace("Mr Webb\n", "Mrs Dean\n")
    assert [m for m, _ in run("VOT003", minutes(twice))] == [
        "Mrs Dean is listed twice under 'Abstain (4)' (minute 285)"
    ]
    # two people of one surname, printed apart, are two voters
    assert "Mr Cole, Mrs Cole" in AGAINST_45 and run("VOT003", minutes()) == []


def test_vot004_outcome_against_the_numbers():
    carried = AMENDMENT.replace("Amendment lost.", "Amendment carried.")
    [(message, quote)] = run("VOT004", minutes(carried))
    assert message == "the vote is recorded as carried with 14 for and 45 against (minute 285)"
    assert quote == "Amendment carried."


def test_vot004_count_only_votes_and_special_majorities():
    # Bristol's count in brackets, parsed into the resolution's votes
    lost = Resolution(
        text="On being put to the vote the recommendation was LOST (5 members voting in "
        "favour and 4 against)",
        votes=Votes(**{"for": 5, "against": 4}),
    )
    [(message, _)] = run("VOT004", minutes("", resolutions=[lost]))
    assert message == "the vote is recorded as lost with 5 for and 4 against (minute 285)"
    # East Palo Alto: 4-2-1 FAILED, for the motion "failed to gather a majority vote"
    failed = Resolution(
        text="RESULT: FAILED [4-2-1 -1 ] MOTION BY: Allen Fisk SECOND: Mendez",
        votes=Votes(**{"for": 4, "against": 2, "abstained": 1}),
    )
    text = "the motion failed to gather a majority vote as reflected:"
    assert run("VOT004", minutes(text, resolutions=[failed])) == []
    # a tie may go either way on the chair's casting vote
    tie = Resolution(text="The motion was CARRIED", votes=Votes(**{"for": 4, "against": 4}))
    assert run("VOT004", minutes("", resolutions=[tie])) == []


def test_vot005_unanimous_with_votes_against():
    said_unanimous = Resolution(
        text="On being put to the vote the recommendation was CARRIED unanimously "
        "(8 members voting in favour, 1 against)",
        votes=Votes(**{"for": 8, "against": 1, "unanimous": True}),
    )
    [(message, _)] = run("VOT005", minutes("", resolutions=[said_unanimous]))
    assert message == "the vote is recorded as unanimous but 1 voted against (minute 285)"
    abstaining = Resolution(
        text="CARRIED unanimously (8 for, 0 against, 1 abstention)",
        votes=Votes(**{"for": 8, "against": 0, "abstained": 1, "unanimous": True}),
    )
    assert run("VOT005", minutes("", resolutions=[abstaining])) == []


def test_vot_rules_read_kent_minutes_clean():
    """Every name of the five recorded votes (308) is a member present, each count is its
    names, and each outcome follows its numbers: as a person reading the PDF finds."""
    import councildocs

    path = shared_file(
        "corpus/kent/full_council-2025-01-09/Printed minutes 09th-Jan-2025 10.00 County Council.pdf"
    )
    pack = councildocs.parse(path)
    from councildocs.rules._votes import recorded_votes

    [document] = [d for d in pack.documents if d.kind == "minutes"]
    listed = [v for v in recorded_votes(document) if v.listed]
    assert [(v.counts["for"], v.counts["against"], v.counts["abstained"]) for v in listed] == [
        (14, 45, 4),
        (17, 43, 3),
        (13, 45, 4),
        (14, 40, 7),
        (39, 19, 1),
    ]
    assert [v.outcome for v in listed] == ["lost", "lost", "lost", "lost", "carried"]
    found = councildocs.validate(pack, select="VOT", preview=True)
    assert found == []


@pytest.mark.parametrize("code", ["VOT001", "VOT002", "VOT003", "VOT004", "VOT005"])
def test_vot_rules_are_in_preview(code):
    assert get(code).preview and get(code).status == "preview"
