"""make accuracy's floors: the parser scores at least this well on the corpus expectations.

The expectations were written by reading the documents' pages (tests/accuracy/README.md);
floors.json holds the lowest score each council may fall to, and only ever goes up.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.accuracy.run import EXPECTED, expectations, measure
from tests.conftest import CORPUS

FLOORS = json.loads((Path(__file__).parent / "accuracy" / "floors.json").read_text())


@pytest.fixture(scope="module")
def results():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not here; CI always has it")
    return measure(CORPUS)


def test_every_council_folder_of_the_corpus_has_expectations():
    if not CORPUS.exists():
        pytest.skip("../shared/corpus is not here; CI always has it")
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir()}
    covered = {e["file"].split("/", 1)[0] for _, e in expectations()}
    assert folders <= covered, f"no expectations for {sorted(folders - covered)}"


def test_expectations_name_real_files_and_say_how_they_were_written():
    for path, expectation in expectations():
        assert expectation["file"].endswith(".pdf"), path
        assert expectation.get("read_from") and expectation.get("written"), path
        assert path.is_relative_to(EXPECTED / expectation["file"].split("/", 1)[0]), path
        for document in expectation["documents"]:
            assert document["kind"] in {"agenda", "minutes", "report", "work_programme", "other"}


def test_no_council_falls_below_its_floor(results):
    below = {
        council: (score, FLOORS["councils"][council])
        for council, score in results["councils"].items()
        if score < FLOORS["councils"].get(council, 0.0)
    }
    assert not below, f"councils below their floor (score, floor): {below}"
    assert set(FLOORS["councils"]) <= set(results["councils"])


def test_the_mean_holds_its_floor(results):
    assert results["mean_of_councils"] >= FLOORS["mean_of_councils"]
