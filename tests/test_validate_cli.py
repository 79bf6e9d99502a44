"""councildocs validate and rules from the command line: exit codes, formats, options, config."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from click.testing import CliRunner

from councildocs.cli import main

from .conftest import FIXTURES, SEED

CON002 = FIXTURES / "rules" / "CON002_fail.json"
SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())
#: GitHub workflow command: ::level key=value,...::message (no raw newlines)
GITHUB_LINE = re.compile(
    r"^::(error|warning|notice)( (file|line|title|col|endLine)=[^,:\n]*(,(file|line|title|col|endLine)=[^,:\n]*)*)?::[^\n]*$"
)


def invoke(*args, cwd=None):
    runner = CliRunner()
    if cwd is None:
        return runner.invoke(main, list(map(str, args)))
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(main, list(map(str, args)))


def seed():
    if not SEED.exists():
        pytest.skip("../shared/seeds is not here; CI always has it")
    return SEED


def test_exit_1_with_findings_and_0_with_exit_zero():
    assert invoke("validate", CON002).exit_code == 1
    assert invoke("validate", CON002, "--exit-zero").exit_code == 0


def test_fail_on_level_decides_the_exit_code(tmp_path):
    # CON002 is an error; overridden to info it no longer fails at the default level
    config = tmp_path / "councildocs.toml"
    config.write_text('[severity]\nCON002 = "info"\n')
    assert invoke("validate", CON002, "--config", config).exit_code == 0
    assert invoke("validate", CON002, "--config", config, "--fail-on", "info").exit_code == 1


def test_select_and_ignore():
    only_fig = invoke("validate", CON002, "--select", "FIG", "--format", "json")
    assert only_fig.exit_code == 0
    assert json.loads(only_fig.stdout)[0]["findings"] == []
    assert invoke("validate", CON002, "--ignore", "consistency").exit_code == 0
    bad = invoke("validate", CON002, "--select", "NOPE1")
    assert bad.exit_code == 2 and "names no rule" in bad.stderr


def test_saved_pack_json_is_validated_like_the_pack():
    result = invoke("validate", CON002, "--format", "json")
    findings = json.loads(result.stdout)[0]["findings"]
    assert [(f["code"], f["document"], f["quote"]) for f in findings] == [
        ("CON002", 2, "Councillor Paul Sweet, Cabinet Member for Public Health and Wellbeing")
    ]


def test_unreadable_input_is_named_and_others_keep_their_findings(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"not": "a pack"}')
    result = invoke("validate", broken, CON002, tmp_path / "missing.pdf", "--format", "json")
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    errors = sorted(line for line in lines if line.startswith("councildocs: error: "))
    assert errors == [
        f"councildocs: error: {broken}: not councildocs Pack JSON (source: Field required)",
        f"councildocs: error: {tmp_path / 'missing.pdf'}: no such file",
    ]
    # the batch's closing line counts the PDF that could not be parsed
    assert [line for line in lines if line not in errors] == [
        next(line for line in lines if line.startswith("parsed 0, failed 1, pages 0"))
    ]
    # the files that could not be read are IO001 findings too, in the file's place
    by_path = {r["path"]: r["findings"] for r in json.loads(result.stdout)}
    assert [(f["code"], f["message"]) for f in by_path[str(broken)]] == [
        ("IO001", "not councildocs Pack JSON (source: Field required)")
    ]
    assert [(f["code"], f["message"]) for f in by_path[str(tmp_path / "missing.pdf")]] == [
        ("IO001", "no such file")
    ]
    assert [f["code"] for f in by_path[str(CON002)]] == ["CON002"]


def test_sarif_output_is_schema_valid():
    result = invoke("validate", seed(), "--format", "sarif")
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    results = log["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"CON001", "CON004", "FIG001"}
    assert all(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results)


def test_github_lines_match_workflow_command_syntax():
    result = invoke("validate", seed(), "--format", "github")
    lines = result.stdout.splitlines()
    assert lines and all(GITHUB_LINE.match(line) for line in lines), lines
    assert any(
        line.startswith("::error ")
        and "title=FIG001 percentage-change::stated 16.5%25 increase" in line
        for line in lines
    )


def test_junit_has_a_case_per_rule_and_document():
    result = invoke("validate", CON002, "--format", "junit")
    root = ET.fromstring(result.stdout)
    cases = root.findall(".//testcase")
    names = {c.get("name") for c in cases}
    assert (
        "CON002 document 2: Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
        in names
    )
    assert "REP001 document 1: Modern Slavery Update" in names  # ran and passed
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == [
        "CON002 document 2: Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
    ]


def test_text_output_groups_by_document_and_quotes():
    result = invoke("validate", seed())
    assert result.exit_code == 1
    out = result.stdout
    assert (
        "document 5: Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
        in out
    )
    assert "191 | 221 | This equates to a 16.5% increase" in out
    assert out.strip().endswith("in 1 file.")


def test_config_found_upward_from_the_current_folder(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.councildocs]\nignore = ["CON"]\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    runner = CliRunner()
    import os

    before = os.getcwd()
    try:
        os.chdir(nested)
        assert runner.invoke(main, ["validate", str(CON002)]).exit_code == 0
        (nested / "councildocs.toml").write_text('fail-on = "warning"\n')
        assert runner.invoke(main, ["validate", str(CON002)]).exit_code == 1  # nearer file wins
        (nested / "councildocs.toml").write_text('fail_on_typo = "warning"\n')
        bad = runner.invoke(main, ["validate", str(CON002)])
        assert bad.exit_code == 2 and "fail_on_typo" in bad.stderr
    finally:
        os.chdir(before)


def test_rules_lists_every_rule_and_explains_one():
    listing = invoke("rules").stdout
    assert "FIG001  percentage-change" in listing and "PUB004" in listing
    one = invoke("rules", "FIG001").stdout
    assert "**Anti-pattern**" in one and "16.5% increase" in one
    assert invoke("rules", "XX1").exit_code == 2


def test_json_lines_from_parse_are_validated_pack_by_pack(tmp_path):
    packs = tmp_path / "packs.jsonl"
    pack_line = CON002.read_text().replace("\n", "")
    error_line = json.dumps({"path": "scan.pdf", "error": "the PDF has no text layer"})
    packs.write_text("\n".join([error_line, pack_line, "not json", pack_line]) + "\n")
    result = invoke("validate", packs, "--format", "json")
    assert result.exit_code == 2  # the broken line; the packs around it are still checked
    assert result.stderr.splitlines() == [
        f"councildocs: note: {packs}:1: skipped scan.pdf, which parse could not read "
        "(the PDF has no text layer)",
        f"councildocs: error: {packs}:3: not JSON (Expecting value)",
    ]
    # the two lines are two packs of one file (parsed twice): each is reported, the second
    # told apart; the broken line is an IO001 finding
    checked, broken, again = json.loads(result.stdout)
    assert [f["code"] for f in checked["findings"]] == ["CON002"]
    assert again["path"] == f"{checked['path']} (pack 2 of this path)"
    assert again["findings"] == checked["findings"]
    assert broken["path"] == f"{packs}:3"
    assert [(f["code"], f["message"]) for f in broken["findings"]] == [
        ("IO001", "not JSON (Expecting value)")
    ]
