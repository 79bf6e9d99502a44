"""Minutes read from what a reader sees: item headings carrying a running numbering in any
form, and attendance in the forms parish and community councils print.

Each test builds a small PDF here (fpdf2, core fonts: Helvetica-Bold is bold by its name)
with prose of our own, parses it as a user would, and checks what a person reads off it.
"""

from __future__ import annotations

import pytest

import councildocs
from councildocs.models import MinutesDocument
from councildocs.parsers.people import split_names

fpdf = pytest.importorskip("fpdf")

_BODY = (
    "Members discussed the matter and the clerk answered questions about the timetable, "
    "the costs already committed and the next steps for the parish."
)


class _Minutes:
    def __init__(self) -> None:
        self.pdf = fpdf.FPDF()
        self.pdf.add_page()
        self.write("Minutes of the Meeting of Eastfield Parish Council", bold=True, size=14)
        self.write("held in the Village Hall on 4 March 2025 at 7.30pm")
        self.pdf.ln(3)

    def write(self, text: str, bold: bool = False, size: float = 11, indent: float = 0) -> None:
        self.pdf.set_font("Helvetica", "B" if bold else "", size)
        self.pdf.set_x(self.pdf.l_margin + indent)
        self.pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")

    def columns(self, first: str, second: str, bold_first: bool = False, at: float = 40) -> None:
        """Two cells on one line: a label column and a names column."""
        self.pdf.set_font("Helvetica", "B" if bold_first else "", 11)
        self.pdf.cell(at, 6, first)
        self.pdf.set_font("Helvetica", "", 11)
        self.pdf.cell(0, 6, second, new_x="LMARGIN", new_y="NEXT")

    def gap(self) -> None:
        self.pdf.ln(4)

    def item(self, heading: str, *paragraphs: str) -> None:
        self.write(heading, bold=True)
        for paragraph in paragraphs or (_BODY,):
            self.write(paragraph, indent=10)
        self.gap()

    def parse(self, tmp_path) -> MinutesDocument:
        path = tmp_path / "minutes.pdf"
        self.pdf.output(str(path))
        pack = councildocs.parse(path)
        return next(d for d in pack.documents if isinstance(d, MinutesDocument))


def _items(minutes: MinutesDocument) -> list[tuple[str | None, str]]:
    return [(item.number, item.title) for item in minutes.items]


def _names(people) -> list[str]:
    return [person.name for person in people]


def test_running_minute_numbers_over_the_year_open_items(tmp_path):
    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.item("67/25 Apologies: Cllr Grey; Cllr Hart")
    doc.item("68/25 Minutes of the meeting on 1st September - accepted")
    doc.item(
        "69/25 Finance",
        "1. The bank reconciliation was received.",
        "2. The payments listed were approved.",
    )
    doc.item("70/25 Date of next meeting")
    minutes = doc.parse(tmp_path)
    # the numbered paragraphs inside 69/25 are not items of their own; the title stops where
    # the item's content follows a colon or a dash
    assert _items(minutes) == [
        ("67/25", "Apologies"),
        ("68/25", "Minutes of the meeting on 1st September"),
        ("69/25", "Finance"),
        ("70/25", "Date of next meeting"),
    ]


def test_dotted_minute_numbers_and_lettered_sub_items(tmp_path):
    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.item("19.09.01 Apologies", "None")
    doc.item("19.09.02 Register of Interests", "None")
    doc.item("19.09.03 Planning", "3. The application was discussed at length.")
    doc.item("19.09.04 Any Other Business")
    minutes = doc.parse(tmp_path)
    assert [n for n, _ in _items(minutes)] == ["19.09.01", "19.09.02", "19.09.03", "19.09.04"]
    assert minutes.attendance.apologies == []

    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.item("7. Cemetery gates")
    doc.item("8a. Chair's report")
    doc.item("8b Treasurer's report")
    minutes = doc.parse(tmp_path)
    assert _items(minutes) == [
        ("7", "Cemetery gates"),
        ("8a", "Chair's report"),
        ("8b", "Treasurer's report"),
    ]


def test_a_presence_label_alone_over_a_comma_list(tmp_path):
    doc = _Minutes()
    doc.write("PRESENT", bold=True)
    doc.write("Councillors Alun Price, Kim Rees, Owen Lloyd and County Councillor Jo Bevan.")
    doc.gap()
    doc.item(
        "1. WELCOME AND APOLOGIES",
        "The Chair welcomed everyone. Apologies received from Cllrs. Peter Hughes, "
        "Doris Morgan and Andrew Powell.",
    )
    doc.item("2. PLANNING")
    minutes = doc.parse(tmp_path)
    assert _names(minutes.attendance.members) == [
        "Alun Price",
        "Kim Rees",
        "Owen Lloyd",
        "County Councillor Jo Bevan",
    ]
    assert _names(minutes.attendance.apologies) == ["Peter Hughes", "Doris Morgan", "Andrew Powell"]


def test_a_label_in_its_own_column_over_one_name_a_line(tmp_path):
    doc = _Minutes()
    doc.columns("PRESENT", "C Lyne - Acting Chairperson", bold_first=True)
    doc.columns("", "J Roy - Secretary")
    doc.columns("", "E Espie - Community Councillor")
    doc.gap()
    doc.item("1. APOLOGIES", "A Horne - Community Councillor.")
    doc.item("2. MINUTES")
    minutes = doc.parse(tmp_path)
    members = minutes.attendance.members
    assert [(p.name, p.role) for p in members] == [
        ("C Lyne", "Acting Chairperson"),
        ("J Roy", "Secretary"),
        ("E Espie", "Community Councillor"),
    ]
    # the apologies item lists the names as its text
    assert _names(minutes.attendance.apologies) == ["A Horne"]


def test_a_lettered_present_entry_inside_the_first_item(tmp_path):
    doc = _Minutes()
    doc.write("1. Introductions and welcome", bold=True)
    doc.write("a. Present")
    doc.columns("Wendy Ross", "Convenor", at=60)
    doc.columns("Hugh Watt", "Secretary", at=60)
    doc.gap()
    doc.item("2. Police reports")
    doc.item("3. Roads")
    minutes = doc.parse(tmp_path)
    assert [(p.name, p.role) for p in minutes.attendance.members] == [
        ("Wendy Ross", "Convenor"),
        ("Hugh Watt", "Secretary"),
    ]


def test_offices_printed_before_their_holders_and_a_bracket_closing_an_entry():
    assert split_names("Chair: Mrs S Walker: Secretary: Mr G M Beat: Treasurer: Miss R Mac") == [
        "Mrs S Walker (Chair)",
        "Mr G M Beat (Secretary)",
        "Miss R Mac (Treasurer)",
    ]
    assert split_names("D Richardson (Chair) N Cresswell, M Armstrong and P Moran") == [
        "D Richardson (Chair)",
        "N Cresswell",
        "M Armstrong",
        "P Moran",
    ]


def test_a_decision_recorded_in_a_sentence_of_prose(tmp_path):
    doc = _Minutes()
    doc.write("Present: Councillors A Brook (Chair), C Dale and E Fenn")
    doc.gap()
    doc.item(
        "1. Minutes of the last meeting",
        "Proposed by Cllr Dale, seconded by Cllr Fenn and unanimously agreed that the "
        "minutes were a true record.",
    )
    doc.item("2. Correspondence", "A letter from the school was read out.")
    minutes = doc.parse(tmp_path)
    assert [len(item.resolutions) for item in minutes.items] == [1, 0]


@pytest.mark.parametrize(("welsh", "english"), [("10-19_cy", "19-10-09")])
def test_welsh_minutes_give_the_items_and_decisions_of_their_english_twin(welsh, english):
    from .conftest import shared_file

    def read(name: str) -> MinutesDocument:
        pack = councildocs.parse(shared_file(f"corpus/manordeilo-salem-cc/{name}.pdf"))
        return next(d for d in pack.documents if isinstance(d, MinutesDocument))

    cymraeg, saesneg = read(welsh), read(english)
    assert [i.number for i in cymraeg.items] == [i.number for i in saesneg.items]
    # 19-10-09 page 1: "... unanimously agreed that the minutes ... were correct"; its twin
    # "... a chytunwyd yn unfrydol bod cofnodion ..."
    assert len(cymraeg.items[1].resolutions) == len(saesneg.items[1].resolutions) == 1
