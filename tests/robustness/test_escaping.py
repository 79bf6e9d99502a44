"""File names and document text reach terminals and CI logs inert: no control character,
ANSI escape or workflow command gets through, JUnit stays XML, CSV cells are not formulas."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from councildocs.cli import main
from councildocs.output.escaping import for_csv_cell, for_terminal, for_xml

from ..conftest import FIXTURES

#: a name that, printed raw, clears the screen, starts a new log line holding a GitHub
#: workflow command and reverses what follows
HOSTILE_NAME = "pack\x1b[2J\n::warning file=x::owned\u202e.txt"
#: a title line carrying the same, plus a character XML cannot hold
HOSTILE_TITLE = "Bus Shelter\x1b]0;pwned\x07\x01 Renewal ##[error]forged Programme 2025-26"


def _invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def hostile_report(tmp_path):
    text = (FIXTURES / "west_of_england_report.txt").read_text(encoding="utf-8")
    assert "Bus Shelter Renewal Programme 2025-26" in text
    path = tmp_path / HOSTILE_NAME
    path.write_text(
        text.replace("Bus Shelter Renewal Programme 2025-26", HOSTILE_TITLE, 1), encoding="utf-8"
    )
    return path


def _assert_inert(output: str) -> None:
    for character in "\x1b\x07\x01\u202e\r":
        assert character not in output
    for line in output.splitlines():
        assert not line.lstrip().startswith("::")
        assert "##[" not in line


def test_the_escaping_function_shows_every_dangerous_character():
    assert for_terminal("a\x1b[2Jb\nc\u202ed\x85") == "a\\x1b[2Jb\\nc\\u202ed\\x85"
    assert for_terminal("::error::x") == "\\x3a:error::x"
    assert for_terminal("  ::error::x") == "  \\x3a:error::x"
    assert for_terminal("see ##[error]x") == "see \\x23#[error]x"
    # ordinary text, with soft hyphens and Welsh accents, is untouched
    assert for_terminal("Cyngor Sir Ynys Môn – co\xadoperation: 12:30") == (
        "Cyngor Sir Ynys Môn – co\xadoperation: 12:30"
    )
    assert for_xml("a\x01b\tc\x1bd") == "a\\x01b\tc\\x1bd"


def test_text_findings_are_inert(hostile_report):
    result = _invoke("validate", hostile_report, "--format", "text", "--fail-on", "warning")
    assert result.exit_code == 1
    _assert_inert(result.stdout)
    assert "\\x1b]0;pwned\\x07\\x01 Renewal" in result.stdout  # shown, not swallowed
    first = result.stdout.splitlines()[0]
    assert first == "pack\\x1b[2J\\n::warning file=x::owned\\u202e.txt".join(
        [str(hostile_report.parent) + "/", ""]
    )


def test_github_annotations_are_one_line_each(hostile_report):
    result = _invoke("validate", hostile_report, "--format", "github", "--fail-on", "warning")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines)
    assert len(lines) == 1  # the one REP004 finding of the report
    assert "\x1b" not in result.stdout and "##[" not in result.stdout
    # the name is one property: its ':' and ',' escaped, its newline shown as \n
    assert "owned" in lines[0].split("::", 2)[1]


def test_junit_stays_well_formed_xml(hostile_report):
    result = _invoke("validate", hostile_report, "--format", "junit", "--fail-on", "warning")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    failures = root.findall(".//failure")
    assert failures
    assert any("\\x01" in (failure.text or "") for failure in failures)


def test_the_summary_tree_is_inert(hostile_report):
    result = _invoke("parse", hostile_report, "--format", "summary")
    assert result.exit_code == 0
    _assert_inert(result.stdout)
    assert "\\x1b]0;pwned" in result.stdout


def test_error_and_progress_lines_are_one_line(tmp_path):
    bad = tmp_path / "bad\n::error::forged\x1b]0;x\x07.pdf"
    bad.write_text("not a pdf")
    result = _invoke("parse", bad)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    _assert_inert(result.stderr)
    good = tmp_path / "good\r::notice::forged.txt"
    good.write_text((FIXTURES / "west_of_england_report.txt").read_text(encoding="utf-8"))
    result = _invoke("parse", bad, good, "--no-cache")
    assert result.exit_code == 1
    _assert_inert(result.stderr)
    assert len(result.stderr.splitlines()) == 3  # error, ok, summary


def test_csv_cells_that_would_run_as_formulas_are_neutralised():
    assert for_csv_cell('=HYPERLINK("http://x","click")') == '\'=HYPERLINK("http://x","click")'
    assert for_csv_cell("@SUM(A1:A9)") == "'@SUM(A1:A9)"
    assert for_csv_cell("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0"
    assert for_csv_cell("- a bullet") == "'- a bullet"
    # figures keep their sign: a spreadsheet reads them as the numbers they are
    for figure in ("-5", "+3.2%", "-1,204", "Total", ""):
        assert for_csv_cell(figure) == figure


def test_tables_csv_writes_neutralised_cells(tmp_path):
    from councildocs import parse
    from councildocs.models import Table

    pack = parse(FIXTURES / "west_of_england_report.txt")
    pack.documents[0].tables.append(
        Table(page=1, header=["=1+1", "Change"], rows=[["@SUM(A1)", "-5"], ["Bus", "+2%"]])
    )
    saved = tmp_path / "pack.json"
    saved.write_text(pack.model_dump_json(by_alias=True))
    result = _invoke("tables", saved, "--csv", tmp_path / "csv")
    assert result.exit_code == 0, result.output
    [written] = (tmp_path / "csv").glob("*.csv")
    with written.open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["'=1+1", "Change"], ["'@SUM(A1)", "-5"], ["Bus", "+2%"]]


def test_a_usage_error_quoting_a_path_is_inert(tmp_path):
    folder = tmp_path / "dir\n::error::forged\x1b[2J"
    folder.mkdir()
    result = _invoke("export", FIXTURES / "west_of_england_report.txt", "--sqlite", folder)
    assert result.exit_code == 2
    _assert_inert(result.stderr)
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for '--sqlite': File '{tmp_path}/dir\\n::error::forged\\x1b[2J' "
        "is a directory."
    )
