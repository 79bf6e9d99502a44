"""validate's conventions as ruff's users expect them: where findings are placed, SARIF's
fields, selection layers, per-file-ignores, baselines, IO001, statistics and settings."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from councildocs.cli import main

from .conftest import FIXTURES

CON002 = FIXTURES / "rules" / "CON002_fail.json"
SCHEMA = json.loads((FIXTURES / "schemas" / "sarif-schema-2.1.0.json").read_text())

#: a text export with one sum that does not add up (50 + 60 is not 120): FIG003 fires on
#: the paragraph that starts on line 9 (its number, 2.1, is not part of the quote)
REPORT_TEXT = """\
CITY OF WOLVERHAMPTON COUNCIL

Report title              Modern Slavery Update

1.0 Purpose
1.1 To update the Panel on work against modern slavery.

2.0 Background
2.1 The partnership received 120 referrals in the year,
comprising 50 from the police and 60 from other agencies.
"""


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def report_export(folder: Path, name: str = "modern slavery report.txt") -> Path:
    path = folder / name
    path.write_text(REPORT_TEXT, encoding="utf-8")
    return path


def sarif(*args) -> dict:
    result = invoke("validate", *args, "--format", "sarif", "--select", "FIG,CON,IO")
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    return log


# --- where a finding is -------------------------------------------------------------------


def test_text_export_findings_point_at_the_quoted_line_in_sarif_and_github(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = report_export(tmp_path)
    log = sarif(path.name)
    [result] = log["runs"][0]["results"]
    assert result["ruleId"] == "FIG003"
    location = result["locations"][0]["physicalLocation"]
    assert location["region"]["startLine"] == 9
    assert REPORT_TEXT.splitlines()[8].startswith("2.1 The partnership received 120")
    assert result["properties"]["quote"].startswith("The partnership received 120 referrals")
    # percent-encoded, relative to the working folder
    assert location["artifactLocation"]["uri"] == "modern%20slavery%20report.txt"
    github = invoke("validate", path.name, "--format", "github", "--select", "FIG").stdout
    assert github.startswith("::error file=modern slavery report.txt,line=9,title=FIG003 ")


def test_pdf_findings_give_both_pages(tmp_path):
    # the seed's CON002 as saved JSON from a PDF: pack pages 11-16 and 17-26 are the file's
    # pages 8-13 and 14-23, so the report starting on printed page 17 is the file's page 14
    pack = json.loads(CON002.read_text())
    pack["source"]["path"] = "pack.pdf"
    pack["source"]["format"] = "pdf"
    pack["documents"][0]["physical_pages"] = {"start": 8, "end": 13}
    pack["documents"][1]["physical_pages"] = {"start": 14, "end": 23}
    saved = tmp_path / "pack.json"
    saved.write_text(json.dumps(pack))
    found = invoke("validate", saved, "--select", "CON002", "--format", "json")
    [finding] = json.loads(found.stdout)[0]["findings"]
    assert (finding["page"], finding["printed_page"], finding["physical_page"]) == (17, 17, 14)
    assert finding["line"] is None
    text = invoke("validate", saved, "--select", "CON002").stdout
    assert "p.17 (file page 14) CON002 error" in text
    github = invoke("validate", saved, "--select", "CON002", "--format", "github").stdout
    assert ",line=14," in github and "(p.17 (file page 14))" in github
    region = sarif(saved)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] == 14


def test_sarif_fingerprints_are_stable_and_rules_link_their_docs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = report_export(tmp_path)
    first, second = sarif(path.name), sarif(path.name)
    prints = [r["partialFingerprints"] for r in first["runs"][0]["results"]]
    assert prints == [r["partialFingerprints"] for r in second["runs"][0]["results"]]
    assert len(prints[0]["councildocs/v1"]) == 20
    rules = {r["id"]: r for r in first["runs"][0]["tool"]["driver"]["rules"]}
    assert rules["FIG003"]["helpUri"].endswith("docs/rules.md#fig003-stated-totals")
    assert first["runs"][0]["invocations"] == [{"executionSuccessful": True, "exitCode": 1}]


# --- IO001 --------------------------------------------------------------------------------


def test_unreadable_file_is_io001_in_sarif_and_junit(tmp_path):
    broken = tmp_path / "minutes.pdf"
    broken.write_text("<html>Not found</html>")
    result = invoke("validate", broken, CON002, "--format", "sarif")
    assert result.exit_code == 2
    log = json.loads(result.stdout)
    jsonschema.validate(log, SCHEMA)
    io = [r for r in log["runs"][0]["results"] if r["ruleId"] == "IO001"]
    assert len(io) == 1 and io[0]["level"] == "error"
    assert io[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "minutes.pdf"
    )
    assert "region" not in io[0]["locations"][0]["physicalLocation"]
    assert log["runs"][0]["invocations"] == [{"executionSuccessful": False, "exitCode": 2}]
    junit = invoke("validate", broken, CON002, "--format", "junit")
    assert junit.exit_code == 2
    suites = {s.get("name"): s for s in ET.fromstring(junit.stdout).findall("testsuite")}
    [case] = suites[str(broken)].findall("testcase")
    assert case.get("name") == "IO001 file" and case.find("failure") is not None
    assert "councildocs: error: " in junit.stderr  # still one line on stderr


def test_io001_ignored_leaves_the_output_alone_but_exit_2(tmp_path):
    missing = tmp_path / "missing.pdf"
    result = invoke("validate", missing, CON002, "--ignore", "IO001", "--format", "json")
    assert result.exit_code == 2
    assert [r["path"] for r in json.loads(result.stdout)] == [str(CON002)]


# --- selection ----------------------------------------------------------------------------


def test_select_on_the_command_line_overrides_the_configs_ignore(tmp_path):
    config = tmp_path / "councildocs.toml"
    config.write_text('ignore = ["CON002"]\n')
    assert invoke("validate", CON002, "--config", config).exit_code == 0
    again = invoke("validate", CON002, "--config", config, "--select", "CON002")
    assert again.exit_code == 1 and "CON002 error" in again.stdout
    # --ignore adds to the file's ignore rather than replacing it
    config.write_text('ignore = ["CON002"]\n')
    assert invoke("validate", CON002, "--config", config, "--ignore", "PUB").exit_code == 0


def test_extend_select_and_extend_ignore_in_the_config(tmp_path):
    config = tmp_path / "councildocs.toml"
    config.write_text('select = ["FIG"]\nextend-select = ["CON002"]\n')
    assert invoke("validate", CON002, "--config", config).exit_code == 1
    config.write_text('extend-ignore = ["consistency"]\n')
    assert invoke("validate", CON002, "--config", config).exit_code == 0
    config.write_text('extend-ignore = ["NOPE9"]\n')
    bad = invoke("validate", CON002, "--config", config)
    assert bad.exit_code == 2 and "NOPE9" in bad.stderr


def test_per_file_ignores_name_files_by_glob(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    kept = archive / "CON002_fail.json"
    kept.write_text(CON002.read_text())
    config = tmp_path / "councildocs.toml"
    config.write_text('[per-file-ignores]\n"archive/*.json" = ["CON002"]\n')
    assert invoke("validate", kept, "--config", config).exit_code == 0
    # the fixture's own path does not match the glob: its finding stays
    assert invoke("validate", CON002, "--config", config).exit_code == 1
    shown = invoke("validate", kept, "--config", config, "--show-settings")
    assert shown.exit_code == 0
    assert f"Settings from: {config}" in shown.stdout
    assert f'rules for {kept} = ["AGD001"' in shown.stdout
    assert "CON002" not in shown.stdout.split(f"rules for {kept} = ", 1)[1]


def test_show_settings_names_the_file_and_the_rules(tmp_path):
    config = tmp_path / "councildocs.toml"
    config.write_text('select = ["FIG"]\nfail-on = "warning"\n')
    shown = invoke("validate", "--show-settings", "--config", config)
    assert shown.exit_code == 0
    lines = shown.stdout.splitlines()
    assert lines[0] == f"Settings from: {config}"
    assert 'select = ["FIG"]' in lines and 'fail-on = "warning"' in lines
    assert 'rules = ["FIG001", "FIG002", "FIG003"]' in lines


def test_statistics_count_findings_per_rule(tmp_path):
    copy = tmp_path / "copy.json"
    copy.write_text(CON002.read_text())  # one CON002 finding in each
    result = invoke("validate", CON002, copy, "--statistics")
    assert result.exit_code == 1
    assert result.stdout == "2  CON002  portfolio-holder\n"
    as_json = invoke("validate", CON002, "--statistics", "--format", "json")
    assert json.loads(as_json.stdout) == [
        {"code": "CON002", "name": "portfolio-holder", "count": 1}
    ]


def test_preview_rules_run_only_when_asked(tmp_path):
    from councildocs.rules import all_rules

    preview = [r for r in all_rules().values() if r.preview]
    assert preview, "every new heuristic rule starts in preview"
    listing = invoke("rules").stdout
    for rule in preview:
        assert f"{rule.code:<6}  {rule.name:<24} {rule.severity.value:<8} preview " in listing
    code = preview[0].code
    without = invoke("validate", "--show-settings", "--select", code).stdout
    assert "rules = []" in without
    with_preview = invoke("validate", "--show-settings", "--select", code, "--preview").stdout
    assert f'rules = ["{code}"]' in with_preview


# --- baseline -----------------------------------------------------------------------------


def test_baseline_round_trip_reports_only_new_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = report_export(tmp_path)
    baseline = tmp_path / "findings.baseline"
    written = invoke("validate", path.name, "--select", "FIG", "--write-baseline", baseline)
    assert written.exit_code == 0
    assert "wrote 1 findings to baseline" in written.stderr
    entries = json.loads(baseline.read_text())["findings"]
    assert [e["code"] for e in entries.values()] == ["FIG003"]
    quiet = invoke(
        "validate", path.name, "--select", "FIG", "--baseline", baseline, "--format", "json"
    )
    assert quiet.exit_code == 0 and json.loads(quiet.stdout)[0]["findings"] == []
    # a new mistake in the same file is reported; the accepted one is not
    path.write_text(
        REPORT_TEXT + "\n3.0 Finance\n3.1 The fund holds 90 places, comprising 40 and 30.\n"
    )
    fresh = invoke(
        "validate", path.name, "--select", "FIG", "--baseline", baseline, "--format", "json"
    )
    assert fresh.exit_code == 1
    [finding] = json.loads(fresh.stdout)[0]["findings"]
    assert finding["code"] == "FIG003" and "40 + 30" in finding["message"]


def test_a_bad_baseline_is_one_line_and_exit_2(tmp_path):
    baseline = tmp_path / "findings.baseline"
    baseline.write_text("[1, 2]")
    bad = invoke("validate", CON002, "--baseline", baseline)
    assert bad.exit_code == 2
    assert bad.stderr == (
        f"councildocs: error: {baseline}: not a baseline (write one with validate "
        "--write-baseline)\n"
    )
    missing = invoke("validate", CON002, "--baseline", tmp_path / "none.baseline")
    assert missing.exit_code == 2 and "no such baseline file" in missing.stderr
