"""Findings as GitHub Actions workflow commands, one annotation per line.

``::error file=pack.pdf,line=12,title=FIG001 percentage-change::message``. For a text
export ``line`` is the line of the file the quote starts on; a PDF has no lines, so there
it is the physical page (the annotation then points near it in the file view). The message
names the page as printed and as counted in the file.
Property values escape ``%``, CR, LF, ``:`` and ``,``; messages escape ``%``, CR and LF.
"""

from __future__ import annotations

from ..models import Finding, Severity
from .escaping import for_terminal
from .findings_text import file_line, page_label

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(text: str) -> str:
    text = for_terminal(text)  # no control character or escape reaches the log
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def line(finding: Finding, path: str) -> str:
    properties = [f"file={_property(path)}"]
    line_number = file_line(finding)
    if line_number is not None:
        properties.append(f"line={line_number}")
    properties.append(f"title={_property(f'{finding.code} {finding.name}')}")
    where = f" [{finding.document_title}]" if finding.document_title else ""
    pages = page_label(finding)
    if pages:
        where += f" ({pages})"
    quote = f' — "{finding.quote}"' if finding.quote else ""
    return f"::{LEVEL[finding.severity]} {','.join(properties)}::{_data(finding.message + where + quote)}"


def render(
    results: dict[str, list[Finding]], checked: dict | None = None, exit_code: int | None = None
) -> str:
    return "".join(line(f, path) + "\n" for path, findings in results.items() for f in findings)
