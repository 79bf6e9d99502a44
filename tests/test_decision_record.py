"""A record of decision is a form, not an officer report: kind ``other``, its fields kept.

A reader of "PROPOSED RECORD OF DECISION" sees a form: boxes labelled with who decides,
the decision number and whether it is a key decision, then the decision, its reasons and
the alternatives. It is filed as ``other`` (it is no report, and its agenda item's report
is a document of its own), and keeps what it prints: the labelled fields, read as a
report's header is (decision number, decision maker, key decision, subject), and its
heading tree, the decision's lettered parts under "Decision".

The excerpts are generated here with fpdf2 (core fonts; Helvetica-Bold is bold by its
name, Helvetica-Oblique italic); the wording is our own. The corpus checks were read off
the page images of the Kent forms.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main
from councildocs.extract import load
from councildocs.layout import BlockKind, lay_out
from councildocs.layout.styles import body_text_style

from .conftest import shared_file

fpdf = pytest.importorskip("fpdf")

CRITERIA = (
    "Key decision criteria. The decision will: a) result in savings or expenditure which is "
    "significant having regard to the budget for the service or function; or b) be "
    "significant in terms of its effects on a significant proportion of the community living "
    "or working within two or more electoral divisions, which will include decisions that "
    "involve the adoption or significant amendment of major strategies or frameworks, or "
    "significant changes in the way that services are delivered."
)


def _line(pdf, text: str, style: str = "", size: float = 11, gap: float = 3) -> None:
    pdf.set_font("Helvetica", style, size)
    pdf.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(gap)


def _form(path) -> None:
    """A record of decision whose italic fine print outweighs its plain running text a
    little, as the Kent forms' does (657 italic characters to 584 plain)."""
    pdf = fpdf.FPDF()
    pdf.add_page()
    _line(pdf, "BOROUGH COUNCIL - PROPOSED RECORD OF DECISION", "B", 14, 6)
    _line(pdf, "Decision to be taken by: Cabinet", "B")
    _line(pdf, "Decision number: 25/00042", "B")
    _line(pdf, "Key decision: YES", "B")
    _line(pdf, CRITERIA, "I", 9)
    _line(pdf, "Subject Matter / Title of Decision: Library Opening Hours", "B")
    _line(pdf, "Decision:", "B")
    _line(pdf, "Cabinet agree to:")
    _line(pdf, "a) approve the new opening hours of the town libraries", gap=1)
    _line(pdf, "b) delegate the timetable to the Director of Communities")
    _line(pdf, "Reason(s) for decision:", "B")
    _line(
        pdf,
        "The libraries are least used early in the morning and most used in the evening, "
        "when many of them are closed; the new hours follow their use within the same budget.",
    )
    _line(pdf, "Any alternatives considered and rejected:", "B")
    _line(pdf, "None")
    pdf.output(str(path))


def test_a_generated_record_of_decision_is_other_with_its_fields_and_headings(tmp_path):
    path = tmp_path / "record.pdf"
    _form(path)

    [document] = councildocs.parse(path).documents

    assert document.kind == "other"
    meta = document.metadata
    assert meta.decision_number == "25/00042"
    assert meta.meeting.body == "Cabinet"
    assert (meta.key_decision.value, meta.key_decision.text) == (True, "YES")
    assert meta.title == "Library Opening Hours"
    assert [s.title for s in document.sections] == [
        "Decision",
        "Reason(s) for decision",
        "Any alternatives considered and rejected",
    ]
    decision = document.sections[0]
    # the lead-in and the lettered parts are the decision's text, not headings under it
    assert decision.subsections == []
    assert [(p.number, p.text) for p in decision.paragraphs] == [
        (None, "Cabinet agree to:"),
        ("a", "approve the new opening hours of the town libraries"),
        ("b", "delegate the timetable to the Director of Communities"),
    ]
    assert [p.text for p in document.sections[2].paragraphs] == ["None"]
    assert "Library Opening Hours" in document.text


def test_italic_fine_print_is_not_the_body_text(tmp_path):
    path = tmp_path / "record.pdf"
    _form(path)
    pages = load(path).pages
    lines = [line for page in pages for line in page.lines]

    body = body_text_style(lines)

    # the italic criteria hold more characters than the plain text, which is still the body
    assert (body.bold, body.italic) == (False, False)
    blocks = lay_out(pages)
    plain = {b.content: b.kind for b in blocks if b.content in ("Cabinet agree to:", "None")}
    assert plain == {"Cabinet agree to:": BlockKind.paragraph, "None": BlockKind.paragraph}
    # the fine print's wrapped lines stay one block, none of them read as a heading
    criteria = [b for b in blocks if b.content.startswith("Key decision criteria")]
    assert len(criteria) == 1 and criteria[0].content.endswith("services are delivered.")


# --- the corpus: Kent's proposed records of decision, read off their page images ----------


def _only_document(relative: str):
    [document] = councildocs.parse(shared_file(relative)).documents
    return document


def test_kent_record_of_decision_side_by_side_labels():
    document = _only_document("corpus/kent/cabinet-2025-01-30/24-00108 - PROD.pdf")
    assert document.kind == "other"
    meta = document.metadata
    assert meta.decision_number == "24/00108"
    assert meta.meeting.body == "Cabinet"
    assert meta.title == "Revenue and Capital Budget Monitoring Report – September 2024-2025"
    # "Key decision: NO" is the whole value; the printed criteria below it are their own entry
    assert (meta.key_decision.value, meta.key_decision.text) == (False, "NO")
    criteria = meta.extra["Key decision criteria"]
    assert criteria.startswith("The decision will: a) result in savings or expenditure")
    assert criteria.endswith("whether County-wide or in a particular locality.")
    assert [s.title for s in document.sections] == [
        "Decision",
        "Reason(s) for decision",
        "Cabinet Committee recommendations and other consultation",
        "Any alternatives considered and rejected",
        "Any interest declared when the decision was taken and any dispensation granted by "
        "the Proper Officer",
    ]
    decision = document.sections[0]
    assert [p.number for p in decision.paragraphs] == [None, "a", "b", "c", "d", "e", "f"]
    assert decision.paragraphs[0].text == "The Cabinet agree to:"
    assert decision.paragraphs[3].text == "Note the forecast capital underspend of £111.6m"


def _boxed_form(path) -> None:
    """Two boxes side by side, each a label over its value, then a full-width box opening
    with a bold phrase and plain text, then a labelled box; the wording is our own."""
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.text(40, 20, "BOROUGH COUNCIL - RECORD OF DECISION")
    pdf.rect(10, 28, 110, 22)
    pdf.rect(130, 28, 70, 22)
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(40, 35, "DECISION TO BE TAKEN BY:")
    pdf.text(140, 35, "DECISION NUMBER:")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(55, 46, "Cabinet Member")
    pdf.text(150, 41, "25/00042")
    pdf.rect(10, 55, 190, 16)
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(12, 61, "Open to the public")
    pdf.set_font("Helvetica", "I", 11)
    pdf.text(50, 61, "[Leave out what is exempt from publication under the")
    pdf.text(12, 67, "rules on access to information]")
    pdf.rect(10, 75, 190, 10)
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(12, 81, "Key decision: NO")
    pdf.rect(10, 90, 190, 10)
    pdf.text(12, 96, "Subject Matter / Title of Decision: Library Opening Hours")
    pdf.output(str(path))


def test_a_value_ends_at_its_box_edge_not_in_the_next_box(tmp_path):
    path = tmp_path / "boxed.pdf"
    _boxed_form(path)

    [document] = councildocs.parse(path).documents

    pairs = [(pair.label, pair.value) for pair in document.metadata.fields]
    # the number's box is closed by a drawn edge: the next box's text is no part of it
    assert pairs[:3] == [
        ("DECISION TO BE TAKEN BY", "Cabinet Member"),
        ("DECISION NUMBER", "25/00042"),
        (
            "Open to the public",
            "[Leave out what is exempt from publication under the rules on access to information]",
        ),
    ]
    assert document.metadata.decision_number == "25/00042"
    assert document.metadata.title == "Library Opening Hours"
    # each side-by-side pair's box is inside its own drawn box (x 10-120 mm, 130-200 mm)
    maker, number = (pair.provenance.bbox for pair in document.metadata.fields[:2])
    points = 72 / 25.4
    assert 10 * points < maker[0] and maker[2] < 120 * points
    assert 130 * points < number[0] and number[2] < 200 * points


def test_a_header_value_ends_at_its_row_s_box_not_in_the_box_below(tmp_path):
    # "Label: value" rows, each in a ruled box, then a box of its own whose bold lead is
    # followed by plain text (with a rule between the label and value cells the grid is
    # read as a data table, which is the tables' concern, not the header's)
    pdf = fpdf.FPDF()
    pdf.add_page()
    rows = [("Report to:", "Cabinet"), ("Date:", "4 March 2025"), ("Wards:", "All wards")]
    for n, (label, value) in enumerate(rows):
        top = 20 + 10 * n
        pdf.rect(10, top, 190, 10)
        pdf.set_font("Helvetica", "B", 11)
        pdf.text(12, top + 6, label)
        pdf.set_font("Helvetica", "", 11)
        pdf.text(62, top + 6, value)
    pdf.rect(10, 55, 190, 10)
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(12, 61, "Exempt information")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(52, 61, "None of this report is exempt")
    pdf.set_font("Helvetica", "B", 11)
    pdf.text(10, 80, "1. Purpose of the report")
    pdf.set_font("Helvetica", "", 11)
    pdf.text(10, 88, "1.1 The report sets out the new opening hours of the town libraries.")
    path = tmp_path / "grid.pdf"
    pdf.output(str(path))

    [document] = councildocs.parse(path).documents

    pairs = [(pair.label, pair.value) for pair in document.metadata.fields]
    assert pairs[:4] == [
        ("Report to", "Cabinet"),
        ("Date", "4 March 2025"),
        ("Wards", "All wards"),
        ("Exempt information", "None of this report is exempt"),
    ]


def test_kent_record_of_decision_key_decision_without_its_criteria():
    document = _only_document("corpus/kent/cabinet-2025-01-30/24-00096 - PRoD.pdf")
    assert document.kind == "other"
    meta = document.metadata
    assert (meta.key_decision.value, meta.key_decision.text) == (True, "YES")
    assert meta.extra["Key decision criteria"] == (
        "The decision will: a) be significant in terms of its effects on a significant "
        "proportion of the community living or working within two or more electoral divisions "
        "– which will include those decisions that involve: • the adoption or significant "
        "amendment of major strategies or frameworks;"
    )
    assert meta.decision_number == "24/00096"
    # the decision number's value ends at its box's edge; the box below is a pair of its
    # own, its bold lead the label (read off the page image: a ruled box of its own)
    pairs = {pair.label: pair.value for pair in meta.fields}
    assert pairs["DECISION NO"] == "24/00096"
    assert pairs["For publication"] == (
        "[Do not include information which is exempt from publication "
        "under schedule 12a of the Local Government Act 1972]"
    )
    assert "DECISION NO (also printed)" not in meta.extra
    decision = document.sections[0]
    assert decision.title == "Decision"
    assert [(p.number, p.text) for p in decision.paragraphs] == [
        (None, "Cabinet agree to:"),
        ("A", "the Commissioning Plan for Education Provision in Kent 2025-29"),
    ]


def test_headings_that_open_a_forms_boxes_head_the_numbered_ones_inside(tmp_path):
    # each box opens with a bold label; inside the reasons' box the text has bold
    # numbered headings of the same look, which rank below the box labels
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_auto_page_break(False)
    _line(pdf, "BOROUGH COUNCIL - PROPOSED RECORD OF DECISION", "B", 14, 6)

    def box(label: str, body: list[tuple[str, str]]) -> None:
        top = pdf.get_y()
        pdf.ln(2)
        _line(pdf, label, "B")
        for style, text in body:
            _line(pdf, text, style)
        pdf.rect(8, top, 194, pdf.get_y() - top + 2)
        pdf.set_y(pdf.get_y() + 5)

    box("Decision:", [("", "Cabinet agree to adopt the library plan for 2025-29.")])
    box(
        "Reason(s) for decision:",
        [
            ("B", "1. Background"),
            ("", "The plan sets out where the libraries will open and for how long."),
            ("B", "2. Financial implications"),
            ("", "The plan is met from the existing budget of the service."),
        ],
    )
    box("Any alternatives considered and rejected:", [("", "Closing two branch libraries.")])
    path = tmp_path / "boxes.pdf"
    pdf.output(str(path))

    [document] = councildocs.parse(path).documents

    assert [s.title for s in document.sections] == [
        "Decision",
        "Reason(s) for decision",
        "Any alternatives considered and rejected",
    ]
    reasons = document.sections[1]
    assert [(s.number, s.title) for s in reasons.subsections] == [
        ("1", "Background"),
        ("2", "Financial implications"),
    ]


def test_the_summary_names_the_forms_decision_number_and_sections(tmp_path):
    path = tmp_path / "record.pdf"
    _form(path)

    result = CliRunner().invoke(main, ["parse", str(path), "--format", "summary"])

    assert result.exit_code == 0, result.output
    assert "decision 25/00042 · 3 sections" in result.output
