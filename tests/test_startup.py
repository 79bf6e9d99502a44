"""Start-up loads only what a command needs: no parsers for an import, --version or a cache hit.

Each check runs in a fresh interpreter, since this test process has long since imported
everything; the child reports which of the heavy modules ended up in ``sys.modules``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, corpus_pdfs, shared_file

#: what parsing needs and nothing else should load: the extractors, the parsers, the PDF
#: libraries, and the SQLite writer (export's alone)
#: and, for a run answered from the cache, pydantic and the models it builds on
HEAVY = [
    "pydantic",
    "councildocs.models",
    "councildocs.pipeline",
    "councildocs.parsers",
    "councildocs.extract",
    "pdfplumber",
    "pypdfium2",
    "councildocs.output.sqlite",
]

REPORT_LOADED = f"""
import json, sys
print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]), file=sys.stderr)
"""


def loaded_after(code: str, *args: str) -> tuple[list[str], str]:
    """Run ``code`` in a fresh interpreter: (the HEAVY modules it loaded, its stdout)."""
    result = subprocess.run(
        [sys.executable, "-c", code + REPORT_LOADED, *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stderr.strip().splitlines()[-1]), result.stdout


RUN_CLI = """
import sys
from councildocs.cli import main
try:
    main(sys.argv[1:], prog_name="councildocs")
except SystemExit as exc:
    assert not exc.code, exc.code
"""


def test_importing_the_package_loads_no_parser():
    assert loaded_after("import councildocs") == ([], "")


def test_importing_the_cli_loads_no_parser():
    assert loaded_after("import councildocs.cli") == ([], "")


def test_version_loads_no_parser():
    loaded, out = loaded_after(RUN_CLI, "--version")
    assert out == "councildocs, version 0.1.0\n"
    assert loaded == []


def test_the_public_api_is_reached_on_first_use():
    code = """
import councildocs
from councildocs import api, linter, pipeline
assert councildocs.parse is api.parse and councildocs.read is pipeline.read
assert councildocs.validate is linter.validate
assert set(councildocs.__all__) <= set(dir(councildocs))
"""
    loaded, _ = loaded_after(code)
    # the API's modules are in, the parsers only when a parse runs (they are imported while
    # a long PDF's helper reads pages: see pipeline)
    assert "councildocs.pipeline" in loaded
    assert "councildocs.parsers" not in loaded


def test_a_cached_parse_loads_no_parser_and_prints_the_same(tmp_path):
    seed = str(shared_file("seeds/000_93c56be8f999743d.txt"))
    cache = str(tmp_path / "cache")
    first_loaded, first = loaded_after(RUN_CLI, "parse", seed, "--cache-dir", cache)
    stored = sorted(str(p) for p in Path(cache).rglob("*") if p.is_file())
    again_loaded, again = loaded_after(RUN_CLI, "parse", seed, "--cache-dir", cache)
    # the first run parsed (in its worker process, so its own modules show nothing) and
    # stored the result; the second read it back, loading no parser
    assert stored
    assert sorted(str(p) for p in Path(cache).rglob("*") if p.is_file()) == stored
    assert again_loaded == []
    assert again == first
    assert json.loads(again)["meeting"]["body"] == "Adults and Safer City Scrutiny Panel"


def test_a_cached_batch_loads_neither_pydantic_nor_the_models(tmp_path):
    seed = str(shared_file("seeds/000_93c56be8f999743d.txt"))
    pdfs = [str(p) for p in corpus_pdfs()[:2]]
    cache = str(tmp_path / "cache")
    for fmt in ("jsonl", "json"):
        args = ["parse", seed, *pdfs, "--jobs", "1", "--format", fmt, "--cache-dir", cache]
        first_loaded, first = loaded_after(RUN_CLI, *args, "--quiet")
        again_loaded, again = loaded_after(RUN_CLI, *args, "--quiet")
        if fmt == "jsonl":  # the first run parsed (in its worker process) and stored them
            assert len([p for p in Path(cache).rglob("*") if p.is_file()]) >= 3
        assert again_loaded == []
        assert again == first  # byte for byte: only the path would differ, and it is the same
    packs = json.loads(again)  # the last run's, --format json: an array
    assert [p["source"]["path"] for p in packs] == [seed, *pdfs]
    assert packs[0]["meeting"]["body"] == "Adults and Safer City Scrutiny Panel"


def test_a_cached_single_file_prints_the_same_json_under_its_new_path(tmp_path):
    seed = shared_file("seeds/000_93c56be8f999743d.txt")
    cache = str(tmp_path / "cache")
    moved = tmp_path / 'Gw\u00ebnt "draft" \\ copy'
    moved.mkdir()
    copy = moved / "pack.txt"
    copy.write_bytes(seed.read_bytes())
    _, first = loaded_after(RUN_CLI, "parse", str(seed), "--cache-dir", cache)
    loaded, again = loaded_after(RUN_CLI, "parse", str(copy), "--cache-dir", cache)
    assert loaded == []
    assert json.loads(again)["source"]["path"] == str(copy)
    # every byte but the path's is the first run's
    assert again == first.replace(json.dumps(str(seed)), json.dumps(str(copy), ensure_ascii=False))


def test_parsing_ruled_pages_loads_no_pdfplumber():
    # ruled cells are found by our own port of pdfplumber's grid functions: pdfplumber,
    # pdfminer and their dependencies cost a tenth of a second to import
    code = """
import sys, councildocs
pack = councildocs.parse(sys.argv[1])
print(sum(len(document.tables) for document in pack.documents))
"""
    loaded, out = loaded_after(code, str(FIXTURES / "kent_cabinet_pack.pdf"))
    assert int(out) >= 1  # the pack's ruled tables were read
    assert "pdfplumber" not in loaded
    assert "councildocs.parsers" in loaded


def test_the_command_runs_with_its_modules_frozen_and_the_collector_on():
    """The entry point loads the command's modules with the collector off and freezes them
    (see councildocs.__main__); the command itself runs with the collector on."""
    code = """
import gc
import councildocs.cli
import councildocs.__main__ as entry
councildocs.cli.main = lambda: print(gc.isenabled(), gc.get_freeze_count())
entry.run()
"""
    enabled, frozen = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert enabled == "True"
    assert int(frozen) > 10_000  # click's and the command line's objects, at least
