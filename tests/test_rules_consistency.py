"""CON rules that compare a document with itself: one name for one body, one role for one
person.

The sentences are Bristol City Council's (../shared/corpus/bristol), read on the page
images: the Workplace Parking Levy update of 15 May 2025 names its committee "Transport
and Connectivity Committee" on page 1 and "Transport and Connectivity Policy Committee" on
page 5 (both printed so; the committee's name is the second). Kent's Cabinet minutes of
30 January 2025 name "Kent County Council" and the "Kent Youth County Council", two bodies.
"""

from __future__ import annotations

import datetime as dt

from councildocs.linter import lint
from councildocs.models import (
    AgendaDocument,
    AgendaItem,
    Attendance,
    Contact,
    MinutesDocument,
    NamedRole,
    Pack,
    PageSpan,
    Person,
    Presenter,
    Provenance,
    ReportDocument,
    ReportMetadata,
    UnplacedText,
)
from councildocs.rules import get

from .conftest import shared_file

SOURCE = {"path": "pack.pdf", "sha256": "0" * 64, "page_count": 7, "format": "pdf"}
PAGE_1 = (
    "In September 2024, the {name} approved to spend up to £1million on the Stage One "
    "development of a Workplace Parking Levy (WPL) project including preparation of an OBC."
)
PAGE_5 = (
    "Finance Advice: This report updates the {name} on progress with the Workplace Parking Levy."
)
POLICY = "Transport and Connectivity Policy Committee"


def pack(*documents) -> Pack:
    return Pack(source=SOURCE, meeting={}, agenda={"items": []}, documents=list(documents))


def report(*blocks: tuple[int, str], **fields) -> ReportDocument:
    return ReportDocument(
        title="Workplace Parking Levy Update",
        pages=PageSpan(start=1, end=7),
        physical_pages=PageSpan(start=1, end=7),
        unplaced_text=[UnplacedText(page=page, text=text) for page, text in blocks],
        **fields,
    )


def run(code: str, p: Pack):
    return [(f.message, f.page, f.quote) for f in lint(p, [get(code)])]


# --- CON005 near-identical names -------------------------------------------------------


def test_con005_one_committee_two_names():
    wpl = report(
        (1, PAGE_1.format(name="Transport and Connectivity Committee")),
        (5, PAGE_5.format(name=POLICY)),
    )
    [(message, page, quote)] = run("CON005", pack(wpl))
    assert message == (
        f"named '{POLICY}' (page 5) and 'Transport and Connectivity Committee' (page 1): "
        "one name, or two things?"
    )
    assert (page, quote) == (5, POLICY)


def test_con005_one_name_throughout():
    wpl = report((1, PAGE_1.format(name=POLICY)), (5, PAGE_5.format(name=POLICY)))
    assert run("CON005", pack(wpl)) == []


def test_con005_leaves_councils_joiners_and_single_paragraphs_alone():
    youth = report(
        (1, "Kent County Council welcomed the results."),
        (2, "The Kent Youth County Council (KYCC) elections were held at the end of 2024."),
    )
    joiner = report(
        (1, PAGE_1.format(name="Transport and Connectivity Committee")),
        (5, "Updates will be brought to the Transport Connectivity Committee."),
    )
    one_paragraph = report(
        (1, "The Community Safety Fund and the Community Safety Grant Fund are both open.")
    )
    for document in (youth, joiner, one_paragraph):
        assert run("CON005", pack(document)) == []


# --- CON006 a person's role stated two ways --------------------------------------------
# The seed (Wolverhampton's Adults and Safer City Scrutiny Panel, 12 June 2018) names
# "Karen Samuels, Head of Community Safety" as presenter of items 6 and 7 (agenda, page 1)
# and as accountable employee of both reports (pages 11 and 17).


def seed_pack(report_role: str, minutes=None) -> Pack:
    item = AgendaItem(
        number="6",
        title="Modern Slavery - Update Report",
        presenter=Presenter(name="Karen Samuels", role="Head of Community Safety"),
        provenance=Provenance(page=1),
    )
    slavery = ReportDocument(
        title="Modern Slavery Update",
        pages=PageSpan(start=11, end=16),
        metadata=ReportMetadata(
            accountable_director=NamedRole(name="John Denley", role="Director of Public Health"),
            accountable_employees=[Contact(name="Karen Samuels", role=report_role)],
        ),
    )
    documents = [AgendaDocument(title="Agenda", pages=PageSpan(start=1, end=2)), slavery]
    return Pack(
        source=SOURCE,
        meeting={"date": "2018-06-12"},
        agenda={"items": [item]},
        documents=[*documents, *([minutes] if minutes else [])],
    )


def test_con006_one_role_throughout():
    assert run("CON006", seed_pack("Head of Community Safety")) == []


def test_con006_the_same_officer_as_head_and_as_director():
    [(message, page, quote)] = run("CON006", seed_pack("Director of Community Safety"))
    assert message == (
        "Karen Samuels is 'Director of Community Safety' here but Karen Samuels is "
        "'Head of Community Safety' in agenda item 6"
    )
    assert (page, quote) == (11, "Karen Samuels, Director of Community Safety")


def test_con006_initials_fuller_titles_and_earlier_minutes():
    # "K Samuels" is Karen Samuels; a role with more words in it is the same role
    assert run("CON006", seed_pack("Head of Community Safety, City of Wolverhampton")) == []
    earlier = MinutesDocument(
        title="Minutes of previous meetings",
        date=dt.date(2018, 4, 10),
        attendance=Attendance(
            in_attendance=[Person(name="K Samuels", role="Community Safety Manager")]
        ),
    )
    assert run("CON006", seed_pack("Head of Community Safety", earlier)) == []
    this_meeting = earlier.model_copy(update={"date": dt.date(2018, 6, 12)})
    [(message, _page, _quote)] = run("CON006", seed_pack("Head of Community Safety", this_meeting))
    assert message.startswith("K Samuels is 'Community Safety Manager' here but Karen Samuels")


def test_con005_on_bristols_workplace_parking_levy_update():
    import councildocs

    wpl = councildocs.parse(
        shared_file(
            "corpus/bristol/src-bcc-0008_committee-report-workplace-parking-levy-update-2025-05-15.pdf"
        )
    )
    [finding] = lint(wpl, [get("CON005")])
    assert finding.message == (
        f"named '{POLICY}' (page 5) and 'Transport and Connectivity Committee' (page 1): "
        "one name, or two things?"
    )
    assert finding.page == 5


def test_con006_the_seed_names_each_officer_one_way(seed_pack):
    # the seed prints "Karen Samuels,Head of Community Safety" with agenda items 6 and 7
    # and "Head of Community Safety" under her name in both reports' header blocks;
    # "Cllr Sandra Samuels" in the work programme is someone else
    assert lint(seed_pack, [get("CON006")]) == []
