"""PDF extraction details checked on corpus pages where they happen."""

from __future__ import annotations

import regex

from councildocs.extract import load

from .conftest import shared_file

KENT_CABINET_MINUTES = (
    "corpus/kent/cabinet-2025-01-30/Printed minutes 30th-Jan-2025 10.00 Cabinet.pdf"
)


def test_superscript_ordinals_join_their_number():
    """Kent prints "29th" as "29" plus a raised "th"; the suffix must follow its number."""
    document = load(shared_file(KENT_CABINET_MINUTES))
    texts = [line.text for page in document.pages for line in page.lines]
    assert "(a) At the Scrutiny Committee held on 29th January 2025, Members" in texts
    second_page = [line.text for line in document.pages[1].lines]
    assert any(
        text.startswith("to be held on 4th March 2025). The decision had been made")
        for text in second_page
    )
    assert not [t for t in texts if regex.fullmatch(r"\s*(?:st|nd|rd|th)\s*", t)]


def test_superscript_ordinal_in_us_minutes():
    document = load(shared_file("corpus/us/SSA21_MeetingMinutes_1.29.18.pdf"))
    texts = [line.text for line in document.pages[1].lines]
    assert "o Next meeting – 9:00am Thursday, February 15th at Bistro Campagne" in texts
    assert "th" not in texts
