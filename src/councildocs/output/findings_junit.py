"""Findings as JUnit XML: a test suite per file, a test case per rule and document.

A case fails with one ``<failure>`` listing every finding of that rule in that document;
rules that ran and found nothing are passing cases, so CI dashboards count what was checked.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..models import Finding
from .escaping import for_xml
from .findings_text import page_label


def render(
    results: dict[str, list[Finding]],
    checked: dict[str, list[tuple[str, int | None, str | None]]] | None = None,
    exit_code: int | None = None,
) -> str:
    """``checked`` lists, per file, every (code, document, title) a rule ran on."""
    suites = ET.Element("testsuites", name="councildocs validate")
    total_tests = total_failures = 0
    for path, findings in results.items():
        cases: dict[tuple[str, int | None], list[Finding]] = {}
        titles: dict[tuple[str, int | None], str | None] = {}
        for code, document, title in (checked or {}).get(path, []):
            cases.setdefault((code, document), [])
            titles[(code, document)] = title
        for finding in findings:
            key = (finding.code, finding.document)
            cases.setdefault(key, []).append(finding)
            titles.setdefault(key, finding.document_title)
        suite = ET.SubElement(suites, "testsuite", name=for_xml(path))
        failures = 0
        for (code, document), found in sorted(
            cases.items(), key=lambda kv: (kv[0][0], kv[0][1] or -1)
        ):
            where = (
                "file"
                if code == "IO001"
                else "pack"
                if document is None
                else f"document {document}"
            )
            title = titles.get((code, document))
            name = f"{code} {where}" + (f": {title}" if title else "")
            case = ET.SubElement(
                suite, "testcase", classname=code, name=for_xml(name), file=for_xml(path)
            )
            if found:
                failures += 1
                worst = max(found, key=lambda f: ["info", "warning", "error"].index(f.severity))
                failure = ET.SubElement(
                    case, "failure", message=for_xml(found[0].message), type=worst.severity.value
                )
                failure.text = for_xml(
                    "\n".join(
                        f"{page_label(f) or 'page ?'}: {f.message}"
                        + (f'\n    "{f.quote}"' if f.quote else "")
                        for f in found
                    )
                )
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(failures))
        total_tests += len(cases)
        total_failures += failures
    suites.set("tests", str(total_tests))
    suites.set("failures", str(total_failures))
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )
