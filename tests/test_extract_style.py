"""Typography in extraction: every PDF span carries how it looks, invisible text is kept
apart from content, and drawings keep their paint."""

from __future__ import annotations

import pytest

from councildocs.extract import load
from tests.conftest import FIXTURES, shared_file

fpdf = pytest.importorskip("fpdf")


@pytest.fixture(scope="module")
def styled_page(tmp_path_factory):
    """One page whose styles are known because we set them."""
    pdf = fpdf.FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_text_color(0, 0, 0)
    for y, style, size, text in [
        (60, "B", 12, "A bold line of text"),
        (90, "I", 12, "An italic line of text"),
        (120, "U", 12, "An underlined line of text"),
        (150, "", 10, "Ten point text"),
        (180, "", 14, "Fourteen point text"),
        (215, "", 18, "Eighteen point text"),
    ]:
        pdf.set_font("helvetica", style, size)
        pdf.text(72, y, text)
    pdf.set_font("helvetica", "", 12)
    pdf.set_xy(72, 240)
    pdf.cell(text="Recommendation: **approve** the budget", markdown=True)
    pdf.set_text_color(255, 255, 255)
    pdf.text(72, 300, "Hidden white words")
    pdf.set_text_color(0, 0, 0)
    pdf.text(72, 330, "After the hidden words")
    # an unpainted layout box (white fill, no border) and a ruled box
    pdf.set_fill_color(255, 255, 255)
    pdf.rect(300, 400, 100, 40, style="F")
    pdf.set_draw_color(0, 0, 0)
    pdf.rect(300, 500, 100, 40, style="D")
    path = tmp_path_factory.mktemp("styles") / "styles.pdf"
    pdf.output(str(path))
    return load(path).pages[0]


def _line(page, text):
    return next(line for line in page.lines if line.text == text)


def test_bold_italic_and_underline_come_from_the_pdf(styled_page):
    bold = _line(styled_page, "A bold line of text").spans[0].style
    italic = _line(styled_page, "An italic line of text").spans[0].style
    underlined = _line(styled_page, "An underlined line of text").spans[0].style
    assert (bold.bold, bold.italic, bold.underline) == (True, False, False)
    assert bold.font == "Helvetica-Bold"
    assert (italic.bold, italic.italic, italic.underline) == (False, True, False)
    assert (underlined.bold, underlined.italic, underlined.underline) == (False, False, True)
    plain = _line(styled_page, "Ten point text").spans[0].style
    assert (plain.bold, plain.italic, plain.underline, plain.visible) == (False,) * 3 + (True,)


def test_sizes_are_printed_sizes(styled_page):
    sizes = [
        _line(styled_page, text).spans[0].style.size
        for text in ("Ten point text", "Fourteen point text", "Eighteen point text")
    ]
    assert sizes == [10.0, 14.0, 18.0]


def test_a_span_ends_where_the_style_changes(styled_page):
    line = _line(styled_page, "Recommendation: approve the budget")
    assert [span.text for span in line.spans] == ["Recommendation:", "approve", "the budget"]
    assert [span.style.bold for span in line.spans] == [False, True, False]


def test_white_text_on_a_white_page_is_kept_apart_from_content(styled_page):
    assert all("Hidden" not in line.text for line in styled_page.lines)
    assert [line.text for line in styled_page.invisible] == ["Hidden white words"]
    assert styled_page.invisible[0].spans[0].style.visible is False
    assert _line(styled_page, "After the hidden words").spans[0].style.visible


def test_drawings_keep_their_paint(styled_page):
    # a stroked box's bounds take in half its line width (0.57pt at fpdf2's default)
    boxes = {(round(d.x0 / 10), round(d.top / 10)): d for d in styled_page.drawings}
    unpainted, ruled = boxes[(30, 40)], boxes[(30, 50)]
    assert (unpainted.fill, unpainted.stroke, unpainted.visible) == ((255, 255, 255), None, False)
    assert (ruled.fill, ruled.stroke, ruled.visible) == (None, (0, 0, 0), True)
    # table finding sees only what a reader sees
    assert ruled.bbox in styled_page.rulings
    assert unpainted.bbox not in styled_page.rulings
    # fpdf2 draws the underline as a thin filled box just under the baseline
    underline = next(d for d in styled_page.drawings if d.bottom - d.top < 1)
    assert (round(underline.x0), round(underline.top)) == (72, 121)


def test_text_exports_have_no_styles(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("MINUTES\n\n1. Apologies\nNone received.\n")
    page = load(path).pages[0]
    assert page.lines and all(span.style is None for ln in page.lines for span in ln.spans)
    assert page.drawings == [] and page.invisible == []


# --- real documents, values read off their page images ------------------------------


def test_parish_minutes_bold_underlined_headings():
    """Milburn minutes page 1: the title and each item heading are bold and underlined
    (the PDF makes the bold by stroking a regular Century face), the body is plain."""
    page = load(shared_file("corpus/milburn-pc/minutes_2019-09-03_.pdf")).pages[0]
    present = _line(page, "Present").spans[0].style
    assert (present.bold, present.underline, present.size) == (True, True, 12.0)
    heading = _line(page, "19.09.01 Apologies")
    assert all(span.style.bold and span.style.underline for span in heading.spans)
    body = _line(page, "None").spans[0].style
    assert (body.bold, body.italic, body.underline, body.size) == (False, False, False, 12.0)
    assert page.invisible == []


def test_decision_notice_white_punctuation_is_not_content():
    """Bristol decision notice page 6 prints 'outlined in this report  The proposed
    approach': the full stop in the PDF is white, and the page image shows none."""
    page = load(
        shared_file(
            "corpus/bristol/src-bcc-0004_decision-notice-transport-connectivity-policy-"
            "committee-2024-09-12.pdf"
        )
    ).pages[5]
    assert any("outlined in this report The proposed approach" in ln.text for ln in page.lines)
    assert [line.text for line in page.invisible][0] == "."
    # white headings on the form's shaded cover panel are seen, so they are content
    cover = load(
        shared_file(
            "corpus/bristol/src-bcc-0004_decision-notice-transport-connectivity-policy-"
            "committee-2024-09-12.pdf"
        )
    ).pages[0]
    title = _line(cover, "Decision Recording Form").spans[0].style
    assert (title.visible, title.size) == (True, 36.0)


def test_runs_that_look_alike_share_one_style_across_pages():
    """One TextStyle object per look in a file, not per page: the layout counts runs of one
    style by identity, and the helper's pages pickle each style once."""
    from councildocs.extract.pdf import read_pdf

    pages, _ = read_pdf(str(FIXTURES / "kent_cabinet_pack.pdf"))
    styles = [span.style for page in pages for line in page.lines for span in line.spans]
    assert len(pages) > 5 and len(styles) > 100
    assert len({id(style) for style in styles}) == len(set(styles))
