"""Saved parse output that was edited, damaged or written by something else: one clean
line for what cannot be read or stored, and every other pack still lands."""

from __future__ import annotations

import codecs
import json
import sqlite3

import pytest
from click.testing import CliRunner

import councildocs
from councildocs.cli import main

from ..conftest import FIXTURES

REPORT = FIXTURES / "west_of_england_report.txt"
TITLE = "Bus Shelter Renewal Programme 2025-26"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def pack_json() -> dict:
    return json.loads(councildocs.parse(REPORT).model_dump_json(by_alias=True))


def _other(pack_json: dict, name: str) -> dict:
    other = json.loads(json.dumps(pack_json))
    other["source"]["path"] = name
    other["source"]["sha256"] = name[0] * 64
    return other


def _packs_in(database) -> list[str]:
    with sqlite3.connect(database) as connection:
        return [path for (path,) in connection.execute("SELECT path FROM packs ORDER BY path")]


def test_a_value_sqlite_cannot_hold_refuses_that_pack_only(tmp_path, pack_json):
    huge = _other(pack_json, "huge.txt")
    huge["documents"][0]["pages"] = {"start": 10**20, "end": 10**20}
    saved = tmp_path / "packs.jsonl"
    saved.write_text(json.dumps(huge) + "\n" + json.dumps(pack_json) + "\n")
    database = tmp_path / "council.db"
    result = _invoke("export", saved, "--sqlite", database, "-q")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "councildocs: error: huge.txt: a value SQLite cannot hold: "
        "documents.0.pages.start is 100000000000000000000",
    ]
    assert _packs_in(database) == [str(REPORT)]


def test_the_library_writer_refuses_it_in_one_exception(tmp_path, pack_json):
    from councildocs.errors import UnreadableInput
    from councildocs.models import Pack

    huge = _other(pack_json, "huge.txt")
    huge["source"]["page_count"] = -(2**70)
    with pytest.raises(UnreadableInput, match="source.page_count is -"):
        councildocs.export_sqlite(tmp_path / "x.db", [Pack.model_validate(huge)])
    # saved JSON cannot carry a lone surrogate (pydantic refuses the escape), a script can
    surrogate = Pack.model_validate(_other(pack_json, "surrogate.txt"))
    surrogate.documents[0].title = "Bus \ud800 Shelter"
    with pytest.raises(UnreadableInput, match="documents.0.title holds a lone surrogate"):
        councildocs.export_sqlite(tmp_path / "x.db", [surrogate], findings=False)
    assert _packs_in(tmp_path / "x.db") == []


def test_deeply_nested_json_is_one_clean_error(tmp_path, pack_json):
    deep = "[" * 50_000 + "]" * 50_000
    array = tmp_path / "deep.json"
    array.write_text(deep)
    lines = tmp_path / "deep.jsonl"
    lines.write_text(deep + "\n" + json.dumps(pack_json) + "\n")
    for command in ("export", "validate"):
        extra = ["--sqlite", tmp_path / f"{command}.db"] if command == "export" else []
        result = _invoke(command, array, *extra, "-q")
        assert result.exit_code == 2
        [line] = result.stderr.splitlines()
        assert line.startswith(f"councildocs: error: {array}: not councildocs")
        result = _invoke(command, lines, *extra, "-q")
        assert result.exit_code == 2
        assert result.stderr.splitlines() == [
            f"councildocs: error: {lines}:1: not a Pack (JSON nested deeper than any Pack)"
        ]
    assert _packs_in(tmp_path / "export.db") == [str(REPORT)]


def test_saved_json_that_is_not_utf8_is_one_clean_error(tmp_path, pack_json):
    text = json.dumps(pack_json, ensure_ascii=False)
    assert "£" in text
    latin = tmp_path / "latin.json"
    latin.write_bytes(text.encode("latin-1"))
    result = _invoke("validate", latin)
    assert result.exit_code == 2
    offset = text.encode("latin-1").index("£".encode("latin-1"))
    assert result.stderr == (
        f"councildocs: error: {latin}: not UTF-8 (byte 0xa3 at offset {offset}); "
        "saved JSON is UTF-8\n"
    )
    lines = tmp_path / "latin.jsonl"
    lines.write_bytes(text.encode("latin-1") + b"\n" + json.dumps(pack_json).encode() + b"\n")
    result = _invoke("export", lines, "--sqlite", tmp_path / "x.db", "-q")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"{lines}:1: not UTF-8" in result.stderr
    assert _packs_in(tmp_path / "x.db") == [str(REPORT)]


def test_a_byte_order_mark_on_saved_json_is_read(tmp_path, pack_json):
    for name, text in (("bom.json", json.dumps(pack_json)), ("bom.jsonl", json.dumps(pack_json))):
        saved = tmp_path / name
        saved.write_bytes(codecs.BOM_UTF8 + text.encode())
        result = _invoke("validate", saved, "--format", "json")
        assert result.exit_code == 0, result.stderr
        [file] = json.loads(result.stdout)
        assert [f["document_title"] for f in file["findings"]] == [TITLE]  # REP004: it was read


def test_validate_reports_two_packs_of_one_source_path(tmp_path, pack_json):
    second = json.loads(json.dumps(pack_json))
    second["documents"][0]["title"] = "Second Parse Of The Same File"
    saved = tmp_path / "twice.jsonl"
    saved.write_text(json.dumps(pack_json) + "\n" + json.dumps(second) + "\n")
    result = _invoke("validate", saved, "--format", "json")
    files = json.loads(result.stdout)
    assert [[f["document_title"] for f in file["findings"]] for file in files] == [
        [TITLE],
        ["Second Parse Of The Same File"],
    ]
    assert files[1]["path"] == f"{REPORT} (pack 2 of this path)"
