"""councildocs export: findings stored beside each pack, and saved parse output as input.

Expected findings are the seed's real faults, read in the seed text itself:
- "(21% increase from 55 in 2016-2017)" beside "70 ONSET and ASSETPLUS assessments" (5.4);
- "191 221 This equates to a 16.5% increase" (knife crime row of the crime table);
- "Karen.ssamuels@wolverhampton.gov.uk" on the Modern Slavery report, "Karen.samuels@..."
  on the Safer Wolverhampton report;
- "Councillor Paul Sweet / Cabinet Member for Public Health and Wellbeing" on the second
  report, where the first names another member for that portfolio;
- "Report title Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
  for agenda item "7 Safer Wolverhampton Partnership Performance Update";
- the minutes' "panel meeting on 27 September 2018", a date the work programme lacks.
"""

from __future__ import annotations

import json
import sqlite3

import pytest
from click.testing import CliRunner

from councildocs.cli import main

from .conftest import FIXTURES, shared_file

SEED_REL = "seeds/000_93c56be8f999743d.txt"
SAFER = "Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"
SEED_FINDINGS = [
    ("CON001", 11, "Modern Slavery Update"),
    ("CON002", 17, SAFER),
    ("CON003", 17, SAFER),
    ("CON004", 5, "Minutes of previous meetings"),
    ("FIG001", 18, SAFER),
    ("FIG001", 20, SAFER),
]


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def findings(database, columns="findings.code, findings.page, documents.title", path="%"):
    connection = sqlite3.connect(database)
    try:
        return connection.execute(
            f"SELECT {columns} FROM findings"
            " JOIN packs ON packs.id = findings.pack_id"
            " LEFT JOIN documents ON documents.id = findings.document_id"
            " WHERE packs.path LIKE ? ORDER BY findings.code, findings.page",
            (path,),
        ).fetchall()
    finally:
        connection.close()


def count(database, table):
    connection = sqlite3.connect(database)
    try:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        connection.close()


def test_export_stores_the_seeds_findings_and_replaces_them(tmp_path):
    seed = shared_file(SEED_REL)
    database = tmp_path / "council.db"
    for _ in range(2):  # the second run replaces the pack's rows, findings included
        result = invoke("export", seed, "--sqlite", database)
        assert result.exit_code == 0, result.stderr
    assert findings(database) == SEED_FINDINGS
    quoted = findings(database, "findings.code, findings.severity, findings.message")
    assert ("FIG001", "error", "stated 16.5% increase, but 191 → 221 is a 15.7% increase") in quoted
    assert ("FIG001", "error", "stated 21% increase, but 55 → 70 is a 27.3% increase") in quoted
    quotes = {q for (q,) in sqlite3.connect(database).execute("SELECT quote FROM findings")}
    assert "Karen.ssamuels@wolverhampton.gov.uk" in quotes
    assert "Councillor Paul Sweet, Cabinet Member for Public Health and Wellbeing" in quotes
    assert count(database, "packs") == 1


def test_export_select_ignore_and_no_findings(tmp_path):
    seed = shared_file(SEED_REL)
    database = tmp_path / "council.db"
    assert invoke("export", seed, "--sqlite", database, "--select", "FIG").exit_code == 0
    assert findings(database) == [r for r in SEED_FINDINGS if r[0] == "FIG001"]
    assert invoke("export", seed, "--sqlite", database, "--ignore", "FIG,CON004").exit_code == 0
    assert [r[0] for r in findings(database)] == ["CON001", "CON002", "CON003"]
    assert invoke("export", seed, "--sqlite", database, "--no-findings").exit_code == 0
    assert findings(database) == []
    bad = invoke("export", seed, "--sqlite", database, "--select", "NOPE1")
    assert bad.exit_code == 2 and "names no rule" in bad.stderr


def test_export_reads_the_config_file(tmp_path):
    seed = shared_file(SEED_REL)
    config = tmp_path / "councildocs.toml"
    config.write_text('select = ["CON"]\nignore = ["CON003"]\n[severity]\nCON002 = "info"\n')
    database = tmp_path / "council.db"
    assert invoke("export", seed, "--sqlite", database, "--config", config).exit_code == 0
    rows = findings(database, "findings.code, findings.severity")
    assert rows == [("CON001", "warning"), ("CON002", "info"), ("CON004", "warning")]


@pytest.fixture()
def saved_jsonl(tmp_path):
    """`parse` of the seed, an encrypted PDF and the Kent fixture pack, as JSON Lines."""
    seed = shared_file(SEED_REL)
    out = tmp_path / "packs.jsonl"
    files = [seed, FIXTURES / "bad_encrypted.pdf", FIXTURES / "kent_cabinet_pack.pdf"]
    result = invoke("parse", *files, "-o", out, "--quiet")
    assert result.exit_code == 1  # the encrypted file failed; its error line is in the file
    return out


def test_export_json_lines_skips_error_lines_with_a_note(tmp_path, saved_jsonl):
    database = tmp_path / "council.db"
    result = invoke("export", saved_jsonl, "--sqlite", database)
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "note" in line]
    assert notes == [
        f"councildocs: note: {saved_jsonl}:2: skipped {FIXTURES / 'bad_encrypted.pdf'}, which "
        "parse could not read (the PDF is encrypted and needs a password; decrypt it first "
        "(e.g. qpdf --decrypt))"
    ]
    assert "exported 2, failed 0, skipped 1, pages 31" in result.stderr  # 21 + 10 pages
    connection = sqlite3.connect(database)
    paths = [p for (p,) in connection.execute("SELECT path FROM packs ORDER BY id")]
    assert paths == [str(shared_file(SEED_REL)), str(FIXTURES / "kent_cabinet_pack.pdf")]
    # the saved seed gives the same findings as the seed text exported directly
    assert findings(database, path=str(shared_file(SEED_REL))) == SEED_FINDINGS


def test_export_json_lines_a_broken_line_fails_alone(tmp_path, saved_jsonl):
    lines = saved_jsonl.read_text().splitlines()
    broken = tmp_path / "broken.jsonl"
    broken.write_text("\n".join([lines[0], '{"not": "a pack"}', "not json", lines[2]]) + "\n")
    database = tmp_path / "council.db"
    result = invoke("export", broken, "--sqlite", database)
    assert result.exit_code == 2  # unreadable input, as validate and parse say it
    errors = [line for line in result.stderr.splitlines() if line.startswith("councildocs: error")]
    assert errors == [
        f"councildocs: error: {broken}:2: not councildocs Pack JSON (source: Field required)",
        f"councildocs: error: {broken}:3: not JSON (Expecting value)",
    ]
    assert count(database, "packs") == 2  # the lines around them are exported


def test_export_saved_json_replaces_the_same_pack(tmp_path):
    seed = shared_file(SEED_REL)
    one = tmp_path / "seed.json"
    assert invoke("parse", seed, "-o", one).exit_code == 0
    database = tmp_path / "council.db"
    assert invoke("export", seed, "--sqlite", database).exit_code == 0
    result = invoke("export", one, "--sqlite", database)
    assert result.exit_code == 0, result.stderr
    # keyed by the file's sha256: the saved pack is the same pack, so it replaces it
    assert count(database, "packs") == 1
    assert count(database, "agenda_items") == 7
    assert findings(database) == SEED_FINDINGS


def test_export_json_array_from_parse(tmp_path):
    seed = shared_file(SEED_REL)
    array = tmp_path / "packs.json"
    files = [seed, FIXTURES / "kent_cabinet_pack.pdf"]
    assert invoke("parse", *files, "--format", "json", "-o", array, "-q").exit_code == 0
    assert len(json.loads(array.read_text())) == 2
    database = tmp_path / "council.db"
    assert invoke("export", array, "--sqlite", database, "-q").exit_code == 0
    assert count(database, "packs") == 2


def test_export_unreadable_saved_file_is_named(tmp_path):
    seed = shared_file(SEED_REL)
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json")
    database = tmp_path / "council.db"
    result = invoke("export", garbage, seed, "--sqlite", database)
    assert result.exit_code == 2
    assert f"councildocs: error: {garbage}: not councildocs Pack JSON" in result.stderr
    assert count(database, "packs") == 1


def test_export_folder_reads_packs_not_other_json(tmp_path):
    # a folder of packs may hold other JSON (the corpus has metadata.json files)
    seed = shared_file(SEED_REL)
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(seed.read_bytes())
    (folder / "metadata.json").write_text('[{"title": "Cabinet", "url": "https://example"}]')
    database = tmp_path / "council.db"
    result = invoke("export", folder, "--sqlite", database)
    assert result.exit_code == 0, result.stderr
    assert "exported 1, failed 0" in result.stderr
    # named, it is read and refused once, not entry by entry
    named = invoke("export", folder / "metadata.json", "--sqlite", database)
    assert named.exit_code == 2
    assert named.stderr.splitlines()[0] == (
        f"councildocs: error: {folder / 'metadata.json'}: not councildocs parse output "
        "(first entry: not councildocs Pack JSON (source: Field required))"
    )


def saved_finance_pack(folder):
    """A saved pack holding the DSG table of Kent's Q3 2024-25 finance monitoring report,
    its total mistyped (1,260.5 + 337.9 is 1,598.4, not 1,589.4): FIG004's one finding."""
    from councildocs.models import Pack, PageSpan, ReportDocument, Table

    rows = [["Schools’ Block", "1,260.5"], ["High Needs Block", "337.9"], ["Total", "1,589.4"]]
    table = Table(page=24, header=["DSG Block", "2024-25 Budget"], rows=rows)
    document = ReportDocument(title="Finance", pages=PageSpan(start=1, end=1), tables=[table])
    saved = folder / "finance.json"
    source = {"path": "finance.pdf", "sha256": "0" * 64, "page_count": 1, "format": "pdf"}
    saved.write_text(Pack(source=source, documents=[document]).model_dump_json(by_alias=True))
    return saved


def test_export_applies_the_configs_preview_and_per_file_ignores(tmp_path):
    """export runs the rules validate would run on each file: the config's ``preview``
    adds the preview rules, its per-file-ignores take rules away from the files named."""
    saved = saved_finance_pack(tmp_path)
    database = tmp_path / "council.db"
    config = tmp_path / "councildocs.toml"
    config.write_text('select = ["FIG004"]\n')
    assert invoke("export", saved, "--sqlite", database, "--config", config).exit_code == 0
    assert findings(database, "findings.code") == []  # FIG004 is in preview
    config.write_text('select = ["FIG004"]\npreview = true\n')
    assert invoke("export", saved, "--sqlite", database, "--config", config).exit_code == 0
    assert findings(database, "findings.code") == [("FIG004",)]
    config.write_text(
        'select = ["FIG004"]\npreview = true\n[per-file-ignores]\n"finance.*" = ["FIG"]\n'
    )
    assert invoke("export", saved, "--sqlite", database, "--config", config).exit_code == 0
    assert findings(database, "findings.code") == []


def test_export_preview_on_the_command_line_over_the_config(tmp_path):
    saved = saved_finance_pack(tmp_path)
    database = tmp_path / "council.db"
    config = tmp_path / "councildocs.toml"
    config.write_text('select = ["FIG004"]\npreview = true\n')
    args = ("export", saved, "--sqlite", database, "--config", config)
    assert invoke(*args, "--no-preview").exit_code == 0
    assert findings(database, "findings.code") == []
    config.write_text('select = ["FIG004"]\n')
    assert invoke(*args, "--preview").exit_code == 0
    assert findings(database, "findings.code") == [("FIG004",)]
