"""The accuracy scorer itself: matching that is lenient about print, strict about content."""

from __future__ import annotations

from tests.accuracy.score import (
    closeness,
    f1,
    names_match,
    normalise_number,
    score_header,
    score_items,
    score_pack,
)


def test_names_ignore_honorifics_case_and_roles_but_not_people():
    assert names_match("Linda Leach", "Cllr Linda Leach (Chair)")
    assert names_match("R C Love", "Mr Richard Love")
    assert names_match("Barrington-King", "barrington-king")
    assert not names_match("Linda Leach", "Linda Lee")
    assert not names_match("Pat Patten", "Paul Sweet")


def test_item_numbers_compare_by_their_digits():
    assert normalise_number("Min 45/19") == normalise_number("45/19") == "45.19"
    assert normalise_number("5.") == normalise_number("5") == "5"
    assert normalise_number("11.25.01") == "11.25.01"
    assert normalise_number(None) is None


def test_items_score_f1_with_half_credit_for_a_number_with_the_wrong_title():
    expected = [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Minutes"}]
    assert score_items(expected, [dict(e) for e in expected])[0] == 1.0
    half = score_items(
        expected, [{"number": "1", "title": "Apologies"}, {"number": "2", "title": "Planning"}]
    )
    assert half[0] == 0.75
    extra = score_items(expected, expected + [{"number": "3", "title": "Any other business"}])
    assert round(extra[0], 3) == 0.8  # precision 2/3, recall 1


def test_f1_and_closeness_edges():
    assert f1(0, 0, 0) == 1.0 and f1(0, 3, 0) == 0.0 and f1(0, 0, 2) == 0.0
    assert closeness(0, 0) == 1.0 and closeness(2, 1) == 0.5 and closeness(3, 0) == 0.0


def test_header_values_are_found_as_printed_or_as_stored():
    metadata = {
        "title": "Community Safety Update",
        "meeting": {"body": "Cabinet", "date": "2025-03-04"},
        "accountable_director": {"name": "Jo Smith", "role": "Director of Adult Services"},
    }
    pairs = [
        {"label": "Report title", "value": "Community Safety Update"},
        {"label": "Date", "value": "4 March 2025"},
        {"label": "Director", "value": "Jo Smith, Director of Adult Services"},
        {"label": "Wards", "value": "All wards"},
    ]
    assert score_header(pairs, metadata) == 0.75


def test_a_document_of_the_wrong_kind_scores_nothing_but_its_kind():
    expectation = {
        "documents": [{"kind": "minutes", "pages": [1, 2], "members": ["Ann Lee"], "apologies": []}]
    }
    as_report = {"documents": [{"kind": "report", "physical_pages": {"start": 1, "end": 2}}]}
    [scored] = score_pack(expectation, as_report)
    assert scored.families == {"kind": 0.0, "members": 0.0, "apologies": 1.0}
    as_minutes = {
        "documents": [
            {
                "kind": "minutes",
                "physical_pages": {"start": 1, "end": 2},
                "attendance": {"members": [{"name": "Ann Lee"}], "apologies": []},
            }
        ]
    }
    [scored] = score_pack(expectation, as_minutes)
    assert scored.families == {"kind": 1.0, "members": 1.0, "apologies": 1.0}
