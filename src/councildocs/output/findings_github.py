"""Findings as GitHub Actions workflow commands, one annotation per line.

``::error file=pack.pdf,line=12,title=FIG001 percentage-change::message``. GitHub has no
page, so the page goes in ``line`` (the annotation then points near it in the file view).
Property values escape ``%``, CR, LF, ``:`` and ``,``; messages escape ``%``, CR and LF.
"""

from __future__ import annotations

from ..models import Finding, Severity

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def line(finding: Finding, path: str) -> str:
    properties = [f"file={_property(path)}"]
    if finding.page is not None:
        properties.append(f"line={finding.page}")
    properties.append(f"title={_property(f'{finding.code} {finding.name}')}")
    where = f" [{finding.document_title}]" if finding.document_title else ""
    quote = f' — "{finding.quote}"' if finding.quote else ""
    return f"::{LEVEL[finding.severity]} {','.join(properties)}::{_data(finding.message + where + quote)}"


def render(results: dict[str, list[Finding]], checked: dict | None = None) -> str:
    return "".join(line(f, path) + "\n" for path, findings in results.items() for f in findings)
