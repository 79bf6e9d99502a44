"""Findings as SARIF 2.1.0: one run, every rule described, a result per finding.

Locations name the file (``artifactLocation.uri``: relative to the working folder where it
is under it, percent-encoded, else an absolute ``file:`` URI). For a text export the region's
``startLine`` is the line of the file the quote starts on, so a viewer opens it there; for a
PDF, which has no lines, it is the physical page (what the viewer's page box takes). Both
page numbers, printed and physical, are in the result's ``properties``. Each result has
``partialFingerprints`` (stable across runs: see :mod:`councildocs.locate`), each rule a
``helpUri`` to its docs, and the run an ``invocation`` with the exit code. Validated against
the OASIS schema in the tests.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from .. import __version__
from ..models import Finding, Severity
from ..rules import all_rules
from .findings_text import file_line

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


#: partialFingerprints key: the hash's recipe, versioned so a change of recipe is a new key
FINGERPRINT_KEY = "councildocs/v1"


def _uri(path: str) -> str:
    """A relative, percent-encoded URI under the working folder; else an absolute file URI."""
    candidate = Path(path).resolve()
    try:
        relative = candidate.relative_to(Path.cwd().resolve())
    except ValueError:
        return candidate.as_uri()
    return quote(relative.as_posix(), safe="/")


def _region(finding: Finding) -> dict | None:
    start = file_line(finding)
    if not start:
        return None
    region: dict = {"startLine": start}
    if finding.quote:
        region["snippet"] = {"text": finding.quote}
    return region


def render(
    results: dict[str, list[Finding]], checked: dict | None = None, exit_code: int | None = None
) -> str:
    rules = list(all_rules().values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation},
            "help": {"text": rule.explanation, "markdown": rule.explanation},
            "helpUri": rule.help_uri,
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"tags": sorted({rule.family, rule.group, rule.status})},
        }
        for rule in rules
    ]
    sarif_results = []
    for path, findings in results.items():
        for finding in findings:
            region = _region(finding)
            physical = {"artifactLocation": {"uri": _uri(path)}}
            if region:
                physical["region"] = region
            result = {
                "ruleId": finding.code,
                "level": LEVEL[finding.severity],
                "message": {"text": finding.message},
                "locations": [{"physicalLocation": physical}],
                "properties": {
                    "page": finding.page,
                    "printedPage": finding.printed_page,
                    "physicalPage": finding.physical_page,
                    "line": finding.line,
                    "document": finding.document,
                    "documentTitle": finding.document_title,
                    "quote": finding.quote,
                },
            }
            if finding.fingerprint:
                result["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
            if finding.code in index:
                result["ruleIndex"] = index[finding.code]
            sarif_results.append(result)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "councildocs",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/councildocs/",
                        "rules": descriptors,
                    }
                },
                "invocations": [_invocation(exit_code)],
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _invocation(exit_code: int | None) -> dict:
    """How the run ended: SARIF counts findings (exit 1) as a successful execution."""
    invocation: dict = {"executionSuccessful": exit_code in (None, 0, 1)}
    if exit_code is not None:
        invocation["exitCode"] = exit_code
    return invocation
