"""Findings as SARIF 2.1.0: one run, every rule described, a result per finding.

Locations name the file (``artifactLocation.uri``) and, where known, the page, which SARIF
has no field for: it goes in ``region.startLine`` (pages are the lines of a pack) and in the
result's ``properties``. Validated against the OASIS schema in the tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from .. import __version__
from ..models import Finding, Severity
from ..rules import all_rules

LEVEL = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)


def _uri(path: str) -> str:
    candidate = Path(path)
    try:
        return candidate.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return candidate.resolve().as_uri() if candidate.is_absolute() else candidate.as_posix()


def render(results: dict[str, list[Finding]], checked: dict | None = None) -> str:
    rules = list(all_rules().values())
    index = {rule.code: i for i, rule in enumerate(rules)}
    descriptors = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.explanation},
            "help": {"text": rule.explanation, "markdown": rule.explanation},
            "defaultConfiguration": {"level": LEVEL[rule.severity]},
            "properties": {"tags": sorted({rule.family, rule.group})},
        }
        for rule in rules
    ]
    sarif_results = []
    for path, findings in results.items():
        for finding in findings:
            region = {"startLine": finding.page} if finding.page else None
            if region and finding.quote:
                region["snippet"] = {"text": finding.quote}
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
                    "document": finding.document,
                    "documentTitle": finding.document_title,
                    "quote": finding.quote,
                },
            }
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
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"
