"""Findings for a person at a terminal: grouped by file, then by document, via rich."""

from __future__ import annotations

from io import StringIO

from rich.console import Console
from rich.markup import escape as escape_markup

from ..models import Finding, Severity
from .escaping import for_terminal


def escape(text: str) -> str:
    """Outside text as rich prints it literally, on one line (see :mod:`.escaping`)."""
    return escape_markup(for_terminal(text))


STYLE = {Severity.error: "bold red", Severity.warning: "yellow", Severity.info: "cyan"}


def file_line(finding: Finding) -> int | None:
    """The "line" a file view opens at: a text export's line; for a PDF, which has no
    lines, its physical page. A text export's quote not found in it has none: its page is
    no line of the file."""
    if finding.line is not None:
        return finding.line
    if (finding.path or "").lower().endswith(".pdf"):
        return finding.physical_page if finding.physical_page is not None else finding.page
    return None


def page_label(finding: Finding) -> str:
    """Where to look, as a reader counts: "p.22 (file page 18)", "file page 3", "line 40".

    The printed number first (what the paper shows), the file's page where it differs (what
    a PDF viewer's page box takes), and a text export's line.
    """
    parts = []
    if finding.printed_page is not None:
        parts.append(f"p.{finding.printed_page}")
        if finding.physical_page is not None and finding.physical_page != finding.printed_page:
            parts.append(f"(file page {finding.physical_page})")
    elif finding.physical_page is not None:
        parts.append(f"file page {finding.physical_page}")
    elif finding.page is not None:
        parts.append(f"p.{finding.page}")
    if finding.line is not None:
        parts.append(f"line {finding.line}")
    return " ".join(parts)


def render(
    results: dict[str, list[Finding]],
    checked: dict | None = None,
    color: bool = False,
    width: int = 100,
    exit_code: int | None = None,
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
                if document is None and found[0].code != "IO001"
                else "  [bold]file[/]"
                if document is None
                else f"  [bold]document {document}[/]: {escape(found[0].document_title or '(untitled)')}"
            )
            console.print(heading)
            for f in found:
                page = page_label(f) or "p.?"
                console.print(
                    f"    {escape(page):>5} [{STYLE[f.severity]}]{f.code}[/] {f.severity.value}: "
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
