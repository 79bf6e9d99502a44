"""The library does what the commands do (as sqlite-utils' does): parse from memory,
parse_many, tables, export_sqlite; one exception family; a typed package."""

from __future__ import annotations

import io
import tomllib
from pathlib import Path

import pytest

import councildocs
from councildocs.output import sqlite

from .conftest import FIXTURES, ROOT

PDF = FIXTURES / "wolverhampton_pack.pdf"


@pytest.fixture(scope="module")
def from_path():
    return councildocs.parse(PDF)


def test_parse_takes_the_bytes_a_scraper_holds(from_path):
    pack = councildocs.parse(PDF.read_bytes(), name="https://example.gov.uk/pack.pdf")
    assert pack.source.path == "https://example.gov.uk/pack.pdf"
    assert pack.source.sha256 == from_path.source.sha256
    assert pack.meeting.body == "Adults and Safer City Scrutiny Panel"
    # everything but the path is what parsing the file gives
    assert pack.model_dump(exclude={"source": {"path"}}) == from_path.model_dump(
        exclude={"source": {"path"}}
    )


def test_parse_takes_a_binary_file_object(from_path):
    with PDF.open("rb") as handle:
        pack = councildocs.parse(handle)
    assert pack.source.path == str(PDF)
    assert len(pack.documents) == len(from_path.documents) == 5
    anonymous = councildocs.parse(io.BytesIO(PDF.read_bytes()))
    assert anonymous.source.path == "<bytes>"


def test_unreadable_bytes_are_named_as_the_caller_named_them():
    with pytest.raises(councildocs.UnreadableInput) as caught:
        councildocs.parse(b"<html>Not found</html>", name="pack.pdf")
    assert str(caught.value) == "pack.pdf: not a PDF (the file does not start with %PDF-)"
    with pytest.raises(TypeError, match="binary file object"):
        councildocs.parse(io.StringIO("text"))


def test_every_error_a_user_must_fix_is_a_councildocs_error():
    with pytest.raises(councildocs.CouncilDocsError) as caught:
        councildocs.validate(PDF, select="NOPE1")
    assert isinstance(caught.value, councildocs.UnknownRule)
    assert caught.value.path == "NOPE1"
    assert caught.value.problem.startswith("names no rule")


def test_dir_shows_the_api_only():
    assert dir(councildocs) == sorted(councildocs.__all__)
    assert "importlib" not in dir(councildocs) and "TYPE_CHECKING" not in dir(councildocs)
    for name in ("parse", "parse_many", "tables", "export_sqlite", "validate", "read"):
        assert callable(getattr(councildocs, name))


def test_tables_numbers_documents_from_one():
    # checked against the PDF: the work programme's grid (p.9), the Modern Slavery report's
    # "3.0 Summary of Progress" (p.13) and "6.0 Next Steps" (p.15), the crime table (p.22)
    found = councildocs.tables(PDF)
    assert [(t.document, t.index, t.table.page) for t in found] == [
        (3, 1, 9),
        (4, 1, 13),
        (4, 2, 15),
        (5, 1, 22),
    ]
    assert found[0].as_json()["path"] == str(PDF)


def test_parse_many_keeps_order_and_names_a_failure(tmp_path):
    missing = tmp_path / "missing.pdf"
    outcomes = list(councildocs.parse_many([PDF, missing, FIXTURES / "kent_cabinet_pack.pdf"]))
    assert [o.path for o in outcomes] == [
        str(PDF),
        str(missing),
        str(FIXTURES / "kent_cabinet_pack.pdf"),
    ]
    assert [o.ok for o in outcomes] == [True, False, True]
    assert outcomes[1].error == "no such file"
    assert outcomes[0].value.pack().meeting.body == "Adults and Safer City Scrutiny Panel"


def test_export_sqlite_writes_packs_and_findings(tmp_path, from_path):
    database = tmp_path / "council.db"
    assert councildocs.export_sqlite(database, [from_path], select="FIG001") == 1
    db = sqlite.connect(database)
    assert db.execute("SELECT count(*) FROM packs").fetchone() == (1,)
    # the two wrong percentages the README quotes for this pack
    messages = [m for (m,) in db.execute("SELECT message FROM findings ORDER BY message")]
    assert [m.split(",")[0] for m in messages] == ["stated 16.5% increase", "stated 21% increase"]


def test_the_package_ships_py_typed():
    package = Path(councildocs.__file__).parent
    assert (package / "py.typed").is_file()
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in pyproject["tool"]["setuptools"]["package-data"]["councildocs"]
