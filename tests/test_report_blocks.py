"""Reports read from what a reader sees: header pairs as printed, headings by their type.

Small excerpts generated here with fpdf2 (core fonts: Helvetica-Bold is bold by its name);
the prose is our own. Each expectation below was checked against the excerpt's lines.
"""

from __future__ import annotations

import pytest

from councildocs.extract import load
from councildocs.layout import lay_out
from councildocs.parsers import report

fpdf = pytest.importorskip("fpdf")

BODY = (
    "The service has kept its spending within the budget set for the year and expects to "
    "finish the year with a small underspend on its running costs."
)


def _parse(path):
    pages = load(path).pages
    lines = [line for page in pages for line in page.lines]
    return report.parse(lines, lay_out(pages))


def _text(pdf, text: str, style: str = "", size: float = 11, underline: bool = False) -> None:
    pdf.set_font("Helvetica", style + ("U" if underline else ""), size)
    pdf.multi_cell(0, 6, text)
    pdf.ln(3)


def test_two_pairs_on_one_row_are_two_pairs_as_printed(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(30, 7, "To:")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(50, 7, "Cabinet")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(20, 7, "Date:")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(50, 7, "4 March 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(30, 7, "Subject:")
    pdf.set_font("Helvetica", "", 11)
    pdf.cell(0, 7, "Library Opening Hours", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _text(pdf, "Background", "B", 13)
    _text(pdf, BODY)
    _text(pdf, "Proposals", "B", 13)
    _text(pdf, BODY)
    path = tmp_path / "pairs.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [(f.label, f.value) for f in document.metadata.fields] == [
        ("To", "Cabinet"),
        ("Date", "4 March 2025"),
        ("Subject", "Library Opening Hours"),
    ]
    assert document.metadata.title == "Library Opening Hours"
    assert document.metadata.fields[1].provenance.page == 1


def test_unnumbered_bold_headings_at_two_levels_make_a_tree(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    _text(pdf, "Ward Member's Report to the Parish Meeting", "B", 20)
    _text(pdf, "Highways", "B", 15)
    _text(pdf, BODY)
    _text(pdf, "Resurfacing", "B", 12)
    _text(pdf, BODY)
    _text(pdf, "Street lighting", "B", 12)
    _text(pdf, BODY)
    _text(pdf, "Planning", "B", 15)
    _text(pdf, BODY)
    _text(pdf, "Jo Bloggs, Ward Member", "B", 12)
    path = tmp_path / "tree.pdf"
    pdf.output(str(path))

    document = _parse(path)

    # the title opens the page and never recurs; the signature closes it with no text after
    assert [s.title for s in document.sections] == ["Highways", "Planning"]
    highways = document.sections[0]
    assert [s.title for s in highways.subsections] == ["Resurfacing", "Street lighting"]
    assert highways.paragraphs[0].text.startswith("The service has kept its spending")
    assert highways.subsections[1].paragraphs[0].text.endswith("on its running costs.")


def test_bold_underlined_leads_of_numbered_points_are_the_headings(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    _text(pdf, "COUNCILLOR'S REPORT", "B", 12)
    _text(pdf, "Monday 4 September 2017", "B", 12)
    for number, lead, rest in [
        ("1", "Bus Shelter", " - the new shelter on the main road has been fitted."),
        ("2", "Grass Cutting", " - the next cut of the verges is set for the spring."),
        ("3", "Play Park", " - the broken swing has been taken away for repair."),
    ]:
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(10, 6, number)
        pdf.set_font("Helvetica", "BU", 11)
        pdf.cell(pdf.get_string_width(lead) + 1, 6, lead)
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(0, 6, rest, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "leads.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [(s.number, s.title) for s in document.sections] == [
        ("1", "Bus Shelter"),
        ("2", "Grass Cutting"),
        ("3", "Play Park"),
    ]
    assert document.sections[2].paragraphs[0].text == (
        "the broken swing has been taken away for repair."
    )


def test_capitals_with_colon_header_keeps_wrapped_labels_and_values(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    # (label lines, value lines): a label and a value each wrapping onto a second line
    rows = [
        (["MEETING:"], ["Environment Scrutiny Committee"]),
        (["DATE:"], ["12 June 2025"]),
        (
            ["REPORT OF THE", "DIRECTOR OF:"],
            ["Head of Waste and Recycling Services, with the", "Director of Place"],
        ),
        (["LEAD OFFICER:"], ["Sam Example"]),
        (["SUBJECT:"], ["Garden Waste Collections"]),
    ]
    y = pdf.get_y()
    for label_lines, value_lines in rows:
        for k, text in enumerate(label_lines):
            pdf.set_font("Helvetica", "B", 11)
            pdf.set_xy(10, y + 6 * k)
            pdf.cell(50, 6, text)
        for k, text in enumerate(value_lines):
            pdf.set_font("Helvetica", "", 11)
            pdf.set_xy(70, y + 6 * k)
            pdf.cell(0, 6, text)
        y += 6 * max(len(label_lines), len(value_lines)) + 4
    pdf.set_xy(10, y + 10)
    _text(pdf, "Purpose of the report", "B", 13)
    _text(pdf, BODY)
    _text(pdf, "Background", "B", 13)
    _text(pdf, BODY)
    path = tmp_path / "capitals.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [(f.label, f.value) for f in document.metadata.fields] == [
        ("MEETING", "Environment Scrutiny Committee"),
        ("DATE", "12 June 2025"),
        (
            "REPORT OF THE DIRECTOR OF",
            "Head of Waste and Recycling Services, with the Director of Place",
        ),
        ("LEAD OFFICER", "Sam Example"),
        ("SUBJECT", "Garden Waste Collections"),
    ]
    meta = document.metadata
    assert (meta.meeting.body, str(meta.meeting.date)) == (
        "Environment Scrutiny Committee",
        "2025-06-12",
    )
    assert [c.name for c in meta.accountable_employees] == ["Sam Example"]
    assert meta.title == "Garden Waste Collections"
    assert [s.title for s in document.sections] == ["Purpose of the report", "Background"]


def test_ruled_cover_box_cells_headed_by_underlined_words(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    _text(pdf, "Library Opening Hours", "B", 16)
    for label, value in [("To:", "Cabinet - 4 March 2025"), ("Subject:", "Library Opening Hours")]:
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(30, 7, label)
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    cells = [
        ("Purpose", "To set the opening hours of the libraries from April."),
        (
            "Recommendations",
            "1. That Cabinet agrees the opening hours set out in the appendix.\n"
            "2. That Cabinet notes the savings of the new hours.",
        ),
        ("Reasons for the recommendations", "The new hours match when libraries are used."),
    ]
    for heading, text in cells:  # each cell boxed, headed by bold underlined words, no colon
        top = pdf.get_y()
        pdf.set_font("Helvetica", "BU", 11)
        pdf.set_x(14)
        pdf.cell(0, 7, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", "", 11)
        pdf.set_x(14)
        pdf.multi_cell(170, 6, text)
        pdf.ln(3)
        pdf.rect(12, top - 1, 176, pdf.get_y() - top + 1)
    pdf.ln(6)
    _text(pdf, "1. Background", "B", 13)
    _text(pdf, "1.1 " + BODY)
    _text(pdf, "2. Options", "B", 13)
    _text(pdf, "2.1 " + BODY)
    path = tmp_path / "cover.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [(r.number, r.text) for r in document.recommendations] == [
        ("1", "That Cabinet agrees the opening hours set out in the appendix."),
        ("2", "That Cabinet notes the savings of the new hours."),
    ]
    pairs = [(f.label, f.value) for f in document.metadata.fields]
    assert pairs[0] == ("To", "Cabinet - 4 March 2025")
    assert pairs[2] == ("Purpose", "To set the opening hours of the libraries from April.")
    assert pairs[4] == (
        "Reasons for the recommendations",
        "The new hours match when libraries are used.",
    )
    assert document.metadata.purpose == "To set the opening hours of the libraries from April."
    # the box is the report's cover, not a section and not a data table
    assert [s.title for s in document.sections] == ["Background", "Options"]


def _lead_in_report(path, markers: list[str]) -> None:
    """A report whose requests follow "That Cabinet:" with no recommendations heading; the
    second request has two sub-parts of its own."""
    pdf = fpdf.FPDF()
    pdf.add_page()
    for label, value in (("To:", "Cabinet"), ("Subject:", "Library Opening Hours")):
        pdf.set_font("Helvetica", "B", 11)
        pdf.cell(30, 7, label)
        pdf.set_font("Helvetica", "", 11)
        pdf.cell(0, 7, value, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(6)
    _text(pdf, "That Cabinet:")
    _text(pdf, f"{markers[0]} Approves the new opening hours for the town libraries from April.")
    _text(pdf, f"{markers[1]} Delegates to the Director of Communities the authority to:")
    for sub_part in ("(i) agree the final timetable; and", "(ii) publish it on the website."):
        pdf.set_x(pdf.l_margin + 8)
        _text(pdf, sub_part)
    _text(pdf, f"{markers[2]} Notes the savings set out in section 2.")
    _text(pdf, "1. Background", "B", 13)
    _text(pdf, f"1.1 {BODY}")
    _text(pdf, "2. Savings", "B", 13)
    _text(pdf, f"2.1 {BODY}")
    pdf.output(str(path))


@pytest.mark.parametrize(
    "markers, numbers",
    [
        (["1)", "2)", "3)"], ["1", "2", "3"]),
        (["1.", "2.", "3."], ["1", "2", "3"]),
        (["(a)", "(b)", "(c)"], ["a", "b", "c"]),
        # a core font prints a bullet from its windows-1252 code, 0x95
        (["\x95"] * 3, [None, None, None]),
    ],
)
def test_requests_under_a_that_lead_in_are_the_recommendations(tmp_path, markers, numbers):
    path = tmp_path / "lead_in.pdf"
    _lead_in_report(path, markers)

    document = _parse(path)

    assert [r.number for r in document.recommendations] == numbers
    assert [r.text for r in document.recommendations] == [
        "Approves the new opening hours for the town libraries from April.",
        "Delegates to the Director of Communities the authority to: (i) agree the final "
        "timetable; and (ii) publish it on the website.",
        "Notes the savings set out in section 2.",
    ]
    assert [(s.number, s.title) for s in document.sections] == [
        ("1", "Background"),
        ("2", "Savings"),
    ]
    assert document.metadata.title == "Library Opening Hours"
    # the lead-in is no request and no header value: it is kept as text nothing took
    assert [u.text for u in document.unplaced_text] == ["That Cabinet:"]
    assert "That Cabinet" not in document.metadata.extra


def test_a_lead_in_inside_a_later_section_gives_the_recommendations(tmp_path):
    # no recommendations heading: the request is paragraph 2.2 of the conclusions
    pdf = fpdf.FPDF()
    pdf.add_page()
    _text(pdf, "Report title: Library Opening Hours Review", "B")
    _text(pdf, "From: Head of Libraries")
    _text(pdf, "To: Cabinet")
    _text(pdf, "1. Background", "B", 12)
    _text(pdf, f"1.1 {BODY}")
    _text(pdf, "2. Conclusions", "B", 12)
    _text(pdf, f"2.1 {BODY}")
    _text(pdf, "2.2 That Cabinet:")
    _text(pdf, "a) approve the new opening hours of the town libraries")
    _text(pdf, "b) note the cost of the longer Saturday hours")
    _text(pdf, "2.3 The new hours would start in April.")
    path = tmp_path / "lead_in.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [(r.number, r.text) for r in document.recommendations] == [
        ("a", "approve the new opening hours of the town libraries"),
        ("b", "note the cost of the longer Saturday hours"),
    ]
    assert [s.title for s in document.sections] == ["Background", "Conclusions"]


def test_an_asked_to_lead_in_with_bullets_gives_the_recommendations(tmp_path):
    pdf = fpdf.FPDF()
    pdf.add_page()
    _text(pdf, "Report title: Library Opening Hours Review", "B")
    _text(pdf, "To: Cabinet")
    _text(pdf, "1. Background", "B", 12)
    _text(pdf, f"1.1 {BODY}")
    _text(pdf, "2. Next steps", "B", 12)
    _text(pdf, "2.1 Cabinet is asked to:")
    pdf.set_font("Helvetica", "", 11)
    for bullet in ("agree the consultation on Sunday opening", "note the staffing changes"):
        pdf.cell(8, 6, "-")
        pdf.cell(0, 6, bullet, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "asked.pdf"
    pdf.output(str(path))

    document = _parse(path)

    assert [r.text for r in document.recommendations] == [
        "agree the consultation on Sunday opening",
        "note the staffing changes",
    ]


def test_an_indented_line_after_a_finished_sentence_is_not_a_heading():
    """A colon label set in from the page's margin is a paragraph's own line; at the margin
    (the leftmost start among the report's lines on that page) it opens a section."""
    from councildocs.extract import Line

    def line(text: str, x0: float, top: float, page: int = 1) -> Line:
        return Line(text=text, x0=x0, top=top, x1=x0 + 200, bottom=top + 11, page=page)

    body = [line("The service kept within its budget this year.", 72, 100)]
    at_margin = [*body, line("Background:", 72, 114), line("The budget was set.", 72, 128)]
    indented = [*body, line("Background:", 108, 114), line("The budget was set.", 72, 128)]
    margins = report._page_margins
    assert report._section_start(at_margin, 1, margins(at_margin)) == (None, "Background", None)
    assert report._section_start(indented, 1, margins(indented)) is None
    # the margin is the page's own: on page 2 the same line starts at that page's margin
    page_two = [*indented, line("Background:", 108, 100, page=2), line("More.", 108, 114, 2)]
    assert report._section_start(page_two, 3, margins(page_two)) == (None, "Background", None)
