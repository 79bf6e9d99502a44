"""The reference pages made from the code are current: docs/rules.md and docs/cli.md.

A rule's docstring, code or severity, or a command's option, changed without running
``make docs`` fails here, naming the page, as cog's ``--check`` does for sqlite-utils.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys

import pytest

from councildocs.cli import main
from councildocs.rules import all_rules, get

from .conftest import ROOT


def _generator():
    spec = importlib.util.spec_from_file_location("docs_generate", ROOT / "docs" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _generator()


@pytest.mark.parametrize("name", sorted(generate.PAGES))
def test_generated_page_is_current(name):
    relative, render = generate.PAGES[name]
    committed = (ROOT / relative).read_text(encoding="utf-8")
    assert committed == render(), f"{relative} is stale: run `make docs`"


def test_check_names_a_stale_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "rules.md").write_text(generate.rules_markdown(), encoding="utf-8")
    (tmp_path / "docs" / "cli.md").write_text("# Command line\n(old)\n", encoding="utf-8")
    assert generate.stale(tmp_path) == ["docs/cli.md"]


def test_check_command_exits_0_when_current():
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "generate.py"), "--check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout


def test_every_rule_has_a_section_with_its_examples():
    page = generate.rules_markdown()
    headings = re.findall(r"^## (\w+) ([\w-]+)$", page, flags=re.M)
    assert headings == [(r.code, r.name) for r in all_rules().values()]
    fig001 = page.split("## FIG001 percentage-change", 1)[1].split("\n## ", 1)[0]
    assert (
        "**Severity:** error · **Status:** stable · **Reads:** pack · **Family:** figures" in fig001
    )
    anti, best = fig001.split("**Anti-pattern**", 1)[1].split("**Best practice**", 1)
    assert "191 | 221 | This equates to a 16.5% increase" in anti
    assert "389 | 423 | This equates to a 9% increase" in best


def test_rule_examples_come_apart_from_the_explanation():
    rule = get("CON001")
    assert "**Anti-pattern**" not in rule.description
    assert rule.anti_pattern.splitlines() == [
        "Modern Slavery Update:      Karen Samuels ... Karen.ssamuels@wolverhampton.gov.uk",
        "Community Safety update:    Karen Samuels ... Karen.samuels@wolverhampton.gov.uk",
    ]
    assert rule.best_practice == (
        "both reports:               Karen Samuels ... Karen.samuels@wolverhampton.gov.uk"
    )


def test_every_command_is_in_the_cli_page():
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"## councildocs {name}\n" in page
        assert f"Usage: councildocs {name} [OPTIONS]" in page
