"""Baseline files: the findings a team has accepted in papers nobody can edit.

``councildocs validate --write-baseline findings.baseline`` writes every finding's
fingerprint (with its code, file and message, for a person reading the file);
``--baseline findings.baseline`` then reports only findings whose fingerprint is not in
it. Fingerprints (:func:`councildocs.locate.fingerprint`) hash the file's name, the code,
the document, the message and the quote, not page or line numbers, so they survive the
archive moving folder. A file that could not be read (IO001) is never accepted into a
baseline: it is no finding about the papers, and its exit code stays 2.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .atomic import open_atomically
from .models import Finding

FORMAT = "councildocs-baseline"
VERSION = 1


class BaselineError(ValueError):
    """A baseline file that cannot be used; the CLI reports it with exit code 2."""


def write_baseline(path: Path, findings: Iterable[Finding]) -> int:
    """Write the findings' fingerprints to ``path`` (atomically); return how many."""
    entries = {
        f.fingerprint: {"code": f.code, "path": f.path, "message": f.message}
        for f in findings
        if f.fingerprint and f.code != "IO001"
    }
    data = {"format": FORMAT, "version": VERSION, "findings": dict(sorted(entries.items()))}
    with open_atomically(path) as handle:
        handle.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    """The fingerprints a baseline file accepts."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BaselineError("no such baseline file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BaselineError(f"cannot read the baseline ({exc})") from None
    except json.JSONDecodeError as exc:
        raise BaselineError(f"not a baseline: not JSON ({exc.msg})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BaselineError("not a baseline (write one with validate --write-baseline)")
    if data.get("version") != VERSION:
        raise BaselineError(f"baseline version {data.get('version')}; this reads {VERSION}")
    findings = data.get("findings")
    if not isinstance(findings, dict):
        raise BaselineError("not a baseline: 'findings' is not an object")
    return set(findings)
