"""Batches: every file gets a result or a one-line reason; order kept; the cache is used."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from councildocs.batch import Summary, run_batch
from councildocs.cli import main
from councildocs.models import Pack

from .conftest import corpus_pdfs, shared_file


def _page_count(path: str) -> int:
    """Work for the tests: the number in the file; a file saying 'die' kills its worker."""
    text = open(path).read().strip()
    if text == "die":
        os._exit(3)
    return int(text)


@pytest.fixture()
def numbered(tmp_path):
    paths = []
    for name, content in [("a", "3"), ("b", "not a number"), ("c", "5"), ("d", "7")]:
        path = tmp_path / f"{name}.txt"
        path.write_text(content)
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("jobs", [1, 2])
def test_one_bad_file_loses_nothing(numbered, jobs):
    summary = Summary()
    outcomes = []
    for outcome in run_batch(numbered, _page_count, jobs=jobs, pages=lambda n: n):
        summary.add(outcome)
        outcomes.append(outcome)
    assert [o.path for o in outcomes] == numbered
    assert [o.value for o in outcomes] == [3, None, 5, 7]
    bad = outcomes[1]
    assert bad.error.startswith("internal error while parsing (ValueError: invalid literal")
    assert "\n" not in bad.error
    assert (summary.parsed, summary.failed, summary.pages) == (3, 1, 15)


def test_as_completed_yields_every_path_once(numbered):
    outcomes = list(run_batch(numbered, _page_count, jobs=2, ordered=False))
    assert sorted(o.path for o in outcomes) == sorted(numbered)


def test_a_worker_that_dies_is_named_and_the_others_survive(numbered, tmp_path):
    dying = tmp_path / "e.txt"
    dying.write_text("die")
    paths = [*numbered, str(dying)]
    outcomes = {o.path: o for o in run_batch(paths, _page_count, jobs=2)}
    assert outcomes[str(dying)].error == "the worker process died reading this file"
    assert [outcomes[p].value for p in numbered] == [3, None, 5, 7]


def test_lookup_hits_skip_the_work(numbered):
    hits = {numbered[0]: 30}
    outcomes = list(run_batch(numbered, _page_count, jobs=2, lookup=hits.get))
    assert [o.value for o in outcomes] == [30, None, 5, 7]
    assert [o.from_cache for o in outcomes] == [True, False, False, False]


def _parse(args, tmp_path):
    result = CliRunner().invoke(main, ["parse", *args, "--cache-dir", str(tmp_path / "cache")])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def packs_folder(tmp_path):
    folder = tmp_path / "packs"
    (folder / "2018").mkdir(parents=True)
    shutil.copy(shared_file("seeds/000_93c56be8f999743d.txt"), folder / "2018" / "seed.txt")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "notes.md").write_text("not an input")
    return folder


def test_folder_gives_json_lines_errors_and_summary(tmp_path, packs_folder):
    code, out, err = _parse([str(packs_folder), "--jobs", "1"], tmp_path)
    assert code == 1
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == 2  # notes.md is not an input
    assert lines[0]["source"]["path"].endswith("2018/seed.txt")
    assert lines[0]["agenda"]["items"][3]["title"] == "Minutes of previous meetings"
    assert lines[1] == {"path": str(packs_folder / "empty.pdf"), "error": "the file is empty"}
    assert f"councildocs: error: {packs_folder / 'empty.pdf'}: the file is empty" in err
    assert err.splitlines()[-1].startswith("parsed 1, failed 1, pages 21, ")


def test_quiet_and_output_file(tmp_path, packs_folder):
    target = tmp_path / "out" / "packs.jsonl"
    code, out, err = _parse([str(packs_folder), "-q", "-o", str(target)], tmp_path)
    assert code == 1 and out == ""
    assert err.strip() == f"councildocs: error: {packs_folder / 'empty.pdf'}: the file is empty"
    assert len(target.read_text().splitlines()) == 2
    assert [p.name for p in target.parent.iterdir()] == ["packs.jsonl"]


def test_glob_and_json_array(tmp_path, packs_folder):
    code, out, _ = _parse([f"{packs_folder}/**/*.txt", "--format", "json"], tmp_path)
    assert code == 0
    [pack] = json.loads(out)
    assert Pack.model_validate(pack).agenda.items[0].title == "Apologies"


def test_single_file_is_unchanged(tmp_path):
    seed = shared_file("seeds/000_93c56be8f999743d.txt")
    code, out, err = _parse([str(seed)], tmp_path)
    assert code == 0 and err == ""
    assert out.startswith('{\n  "schema_name": "councildocs.Pack",\n')
    assert json.loads(out)["source"]["page_count"] == 21


def test_nothing_to_read_is_a_usage_error(tmp_path):
    code, _, err = _parse([str(tmp_path / "*.pdf")], tmp_path)
    assert code == 2 and "no .pdf or .txt files found" in err


def test_whole_corpus_with_two_jobs_then_from_cache(tmp_path):
    corpus = shared_file("corpus")
    unreadable = tmp_path / "broken.pdf"
    unreadable.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    pdfs = [str(p) for p in corpus_pdfs()]
    args = [str(corpus), str(unreadable), "--jobs", "2"]
    runs = [_parse(args, tmp_path) for _ in range(2)]
    for code, out, _ in runs:
        assert code == 1
        lines = [json.loads(line) for line in out.splitlines()]
        assert [line["source"]["path"] for line in lines[:-1]] == pdfs
        assert lines[-1]["path"] == str(unreadable) and "not a readable PDF" in lines[-1]["error"]
    # a pack with pages left unread (no Tesseract on this machine) is not stored: the next
    # run parses it again, so that the pages are read once the engine is installed
    packs = [json.loads(line)["source"] for line in runs[0][1].splitlines()[:-1]]
    complete = sum(
        not set(pack["pages_without_text"]) - {page["page"] for page in pack["ocr_pages"]}
        for pack in packs
    )
    assert complete >= len(pdfs) - 2  # two corpus files have pages that are only images
    first, second = runs[0][2].splitlines()[-1], runs[1][2].splitlines()[-1]
    assert first.startswith(f"parsed {len(pdfs)}, failed 1, pages ")
    assert second.startswith(f"parsed {len(pdfs)} ({complete} from cache), failed 1, pages ")
    assert runs[0][1] == runs[1][1]
