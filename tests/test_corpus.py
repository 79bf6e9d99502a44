"""Every real document in ../shared/corpus parses, and Kent's agenda front sheets give every
item with its title and page range (values read off the PDFs by hand)."""

from __future__ import annotations

import pytest

import councildocs

from .conftest import CORPUS, corpus_pdfs, shared_file


@pytest.mark.parametrize("path", corpus_pdfs(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_pdf_parses(path):
    pack = councildocs.parse(path)
    assert pack.source.page_count > 0
    assert pack.documents, "a file always gives at least one document"
    kinds = {d.kind for d in pack.documents}
    assert kinds <= {"agenda", "minutes", "work_programme", "report", "other"}


def test_corpus_is_present_in_ci():
    if not CORPUS.exists():
        pytest.skip("../shared is not here; CI always has it")
    assert len(corpus_pdfs()) >= 40


KENT_FRONT_SHEETS = {
    "cabinet-2025-03-04/Agenda frontsheet 04th-Mar-2025 10.00 Cabinet.pdf": [
        ("1", "Apologies", None),
        ("2", "Declarations of Interest", None),
        ("3", "Minutes of the Meeting held on 30 January 2025", (1, 18)),
        ("4", "Cabinet Member Updates", None),
        (
            "5",
            "Late Changes to the 25-26 Budget and 25-2028 Medium Term Financial Plan",
            (19, 24),
        ),
        ("6", "Quarterly Performance Report, Q3 2024-2025", (25, 100)),
    ],
    "cabinet-2025-03-13/Agenda frontsheet 13th-Mar-2025 15.00 Cabinet.pdf": [
        ("1", "Apologies", None),
        ("2", "Declarations of Interest", None),
        ("3", "Consideration of Decision 24/00093 (if required)", None),
    ],
    "full_council-2025-01-09/Agenda frontsheet 09th-Jan-2025 10.00 County Council.pdf": [
        ("1", "Apologies for Absence", None),
        (
            "2",
            "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in "
            "items on the agenda",
            None,
        ),
        ("3", "English Devolution White Paper - To follow", None),
    ],
}


@pytest.mark.parametrize("relative", sorted(KENT_FRONT_SHEETS))
def test_kent_front_sheets_give_every_item(relative):
    pack = councildocs.parse(shared_file(f"corpus/kent/{relative}"))
    got = [
        (i.number, i.title, (i.pages.start, i.pages.end) if i.pages else None)
        for i in pack.agenda.items
    ]
    expected = KENT_FRONT_SHEETS[relative]
    assert got[: len(expected)] == expected
