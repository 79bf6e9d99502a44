"""A document's kind from its first page's evidence, where no title names it.

Each fixture under fixtures/kinds is our own prose in the shape of a real council's
first page; the file is parsed whole, as a file published alone would be.
"""

from __future__ import annotations

import pytest

import councildocs
from councildocs.extract import Line
from councildocs.segment import document_kind, evidence_kind

from .conftest import FIXTURES

KINDS = FIXTURES / "kinds"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        # "MEETING <date>" then "PRESENT" and the councillors' names
        ("meeting_present_minutes", "minutes"),
        # the Welsh twin: "CYFARFOD <date>" then "PRESENNOL", "Cynigiwyd gan", "eiliwyd gan"
        ("cyfarfod_presennol_minutes", "minutes"),
        # a title that leads with the record's standing: "DRAFT Minutes for the ..."
        ("draft_minutes_for", "minutes"),
        # a notice that summons members to "the following business", with no attendance
        ("summons_agenda", "agenda"),
        # items the meeting is "to receive", "to approve", "to consider"
        ("to_consider_agenda", "agenda"),
        # a district councillor's monthly report in the first person, under a council's name
        ("councillor_report", "report"),
        # a report that calls itself one in its title lines
        ("titled_report", "report"),
        # a chair's annual report: paragraphs of prose and nothing else
        ("prose_report", "report"),
        # prose titled as a statement of reasons for an order stays other
        ("statement_other", "other"),
        # a decision recording form lists the members present and the decision, but is a form
        ("decision_record_other", "other"),
    ],
)
def test_a_lone_file_is_named_by_its_first_page(name, kind):
    pack = councildocs.parse(KINDS / f"{name}.txt")
    assert [d.kind for d in pack.documents] == [kind]


def _lines(*texts):
    return [Line(text=t, x0=0, top=n, x1=len(t), bottom=n + 1, page=1) for n, t in enumerate(texts)]


def test_a_presence_label_needs_names_after_it():
    assert evidence_kind(_lines("Parish Council", "Present: Cllr A Jones, Cllr B Smith")) == (
        "minutes"
    )
    assert evidence_kind(_lines("Parish Council", "a. Present", "Ann Jones Chair")) == "minutes"
    assert evidence_kind(_lines("Parish Council", "Present", "1. none")) is None


def test_an_agenda_front_sheet_listing_its_members_is_not_minutes():
    sheet = _lines(
        "Ashwell Parish Council",
        "Members",
        "Councillor Ann Jones (Chair), Councillor Bob Smith",
        "1. To receive apologies",
        "2. To consider the accounts",
    )
    assert evidence_kind(sheet) == "agenda"


def test_a_section_numbered_I_is_not_the_first_person():
    assert evidence_kind(_lines("Notes", "I. Matters Arising", "II. Finance")) is None


def test_a_title_still_wins_over_evidence():
    # a "Minutes" title names minutes even where the items copy the agenda's "to consider"
    minutes = _lines("Minutes of the meeting", "1. To consider the accounts", "2. To note")
    assert document_kind(minutes) == "minutes"
    # and an "Agenda" title an agenda whose front sheet says who is invited to be present
    agenda = _lines("Agenda", "Present: Councillor Ann Jones, Councillor Bob Smith")
    assert document_kind(agenda) == "agenda"
