"""Findings for a person at a terminal: grouped by file, then by document, via rich."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.markup import escape

from ..models import Finding, Severity

STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def render(
    results: dict[str, list[Finding]],
    checked: dict | None = None,
    color: bool = False,
    width: int = 100,
) -> str:
    buffer = StringIO()
    console = Console(
        file=buffer, force_terminal=color, no_color=not color, width=width, soft_wrap=True
    )
    counts = {s: 0 for s in Severity}
    for path, findings in results.items():
        if not findings:
            continue
        console.print(f"[bold]{escape(path)}[/]")
        groups: dict[int | None, list[Finding]] = {}
        for finding in findings:
            groups.setdefault(finding.document, []).append(finding)
            counts[finding.severity] += 1
        for document, found in groups.items():
            heading = (
                "  [bold]pack[/]"
                if document is None
                else f"  [bold]document {document}[/]: {escape(found[0].document_title or '(untitled)')}"
            )
            console.print(heading)
            for f in found:
                page = f"p.{f.page}" if f.page is not None else "p.?"
                console.print(
                    f"    {page:>5} [{STYLE[f.severity]}]{f.code}[/] {f.severity.value}: "
                    f"{escape(f.message)}",
                    highlight=False,
                )
                if f.quote:
                    quote = f.quote if len(f.quote) <= 300 else f.quote[:297] + "..."
                    console.print(f"          [dim]“{escape(quote)}”[/]", highlight=False)
    total = sum(counts.values())
    files = len(results)
    if total:
        parts = ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items() if n)
        console.print(
            f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {files} file{'s' if files != 1 else ''}."
        )
    else:
        console.print(f"No findings in {files} file{'s' if files != 1 else ''}.")
    return buffer.getvalue()
