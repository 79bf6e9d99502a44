"""One numbering everywhere: a document is numbered 1 for the first in every output (text,
JSON, SARIF, JUnit, ``tables``), and counts and page ranges read as English."""

from __future__ import annotations

import io
import json

from click.testing import CliRunner
from rich.console import Console

from councildocs.cli import main
from councildocs.models import (
    AgendaItem,
    MinutesDocument,
    Pack,
    PageSpan,
    Source,
)
from councildocs.output.summary import pack_tree
from councildocs.output.wording import count, page_range

from .conftest import FIXTURES

# the CON002 fixture: the finding is about its second document, the progress update
CON002 = FIXTURES / "rules" / "CON002_fail.json"
SECOND_TITLE = "Community Safety and Harm Reduction Strategy 2017-2020 – Progress Update"


def invoke(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def test_a_finding_names_the_same_document_in_every_format():
    text = invoke("validate", CON002, "--format", "text", "--no-color").stdout
    assert f"  document 2: {SECOND_TITLE}\n" in text
    [entry] = json.loads(invoke("validate", CON002, "--format", "json").stdout)
    assert [f["document"] for f in entry["findings"]] == [2]
    sarif = json.loads(invoke("validate", CON002, "--format", "sarif").stdout)
    assert [r["properties"]["document"] for r in sarif["runs"][0]["results"]] == [2]
    junit = invoke("validate", CON002, "--format", "junit").stdout
    assert f'name="CON002 document 2: {SECOND_TITLE}"' in junit


def test_tables_number_documents_as_validate_does():
    # Wolverhampton's pack: 1 agenda, 2 minutes, 3 work programme, 4 and 5 reports
    tables = json.loads(invoke("tables", FIXTURES / "wolverhampton_pack.pdf").stdout)
    assert [(t["document"], t["index"]) for t in tables] == [(3, 1), (4, 1), (4, 2), (5, 1)]
    assert tables[0]["document_title"].startswith("Adults and Safer City Scrutiny Panel")


def test_counts_and_ranges_read_as_english():
    assert [count(1, "page"), count(2, "page"), count(0, "apology")] == [
        "1 page",
        "2 pages",
        "0 apologies",
    ]
    assert (page_range(3, 3), page_range(3, 8)) == ("page 3", "pages 3-8")


def test_the_summary_of_a_one_page_file_says_page_not_pages():
    pack = Pack(
        source=Source(path="notice.txt", sha256="0" * 64, page_count=1, format="text"),
        agenda={"items": [AgendaItem(number="1", title="Minutes", pages=PageSpan(start=3, end=3))]},
        documents=[MinutesDocument(title="Minutes", pages=PageSpan(start=3, end=3))],
    )
    console = Console(file=io.StringIO(), width=100)
    console.print(pack_tree(pack))
    shown = console.file.getvalue()
    assert shown.splitlines()[0] == "notice.txt (1 page)"
    assert "1. Minutes page 3\n" in shown
    assert "minutes Minutes (page 3)\n" in shown
    assert "3-3" not in shown and "1 pages" not in shown


def test_batch_progress_says_1_page(tmp_path):
    notice = tmp_path / "notice.txt"
    notice.write_text("Minutes of the Parish Council\n\nPresent: Councillor A Smith\n")
    other = FIXTURES / "west_of_england_report.txt"
    result = invoke("parse", notice, other, "--no-cache", "-o", tmp_path / "out.jsonl")
    assert result.exit_code == 0, result.output
    assert f"ok {notice} (1 page, " in result.stderr
    assert "1 pages" not in result.stderr
