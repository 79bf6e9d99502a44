"""CON rules that compare a document with itself: one name for one body, one role for one
person.

The sentences are Bristol City Council's (../shared/corpus/bristol), read on the page
images: the Workplace Parking Levy update of 15 May 2025 names its committee "Transport
and Connectivity Committee" on page 1 and "Transport and Connectivity Policy Committee" on
page 5 (both printed so; the committee's name is the second). Kent's Cabinet minutes of
30 January 2025 name "Kent County Council" and the "Kent Youth County Council", two bodies.
"""

from __future__ import annotations

from councildocs.linter import lint
from councildocs.models import Pack, PageSpan, ReportDocument, UnplacedText
from councildocs.rules import get

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
