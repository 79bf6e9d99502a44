"""councildocs rules: list every rule, or explain one with its failing and passing examples."""

from __future__ import annotations

import json
import sys

import click

from . import main
from ._common import fail


@main.command()
@click.argument("code", required=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def rules(code: str | None, fmt: str) -> None:
    """List every rule (code, name, severity, status, what it checks), or explain CODE.

    A rule in preview runs only with ``validate --preview`` (or ``preview = true``).
    """
    from ..rules import UnknownRule, all_rules, get

    if code:
        try:
            chosen = [get(code)]
        except UnknownRule as exc:
            fail(exc.path, exc.problem)
    else:
        chosen = list(all_rules().values())
    if fmt == "json":
        records = [
            {
                "code": r.code,
                "name": r.name,
                "severity": r.severity.value,
                "status": r.status,
                "reads": r.reads,
                "group": r.group,
                "summary": r.summary,
                "explanation": r.explanation,
            }
            for r in chosen
        ]
        sys.stdout.write(json.dumps(records if not code else records[0], indent=2) + "\n")
        return
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=sys.stdout, soft_wrap=True)
    if code:
        rule = chosen[0]
        console.print(
            f"[bold]{rule.code}[/] {rule.name} ({rule.severity.value}; {rule.status}; "
            f"reads {rule.reads}; group {rule.group})"
        )
        console.print(escape(rule.summary))
        console.print()
        console.print(escape(rule.explanation), highlight=False)
        return
    for rule in chosen:
        console.print(
            f"{rule.code:<6}  {rule.name:<24} {rule.severity.value:<8} {rule.status:<8} "
            f"{rule.reads:<8} "
            f"{escape(rule.summary)}",
            highlight=False,
        )
