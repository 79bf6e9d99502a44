"""Findings as JSON: one object per file, ``{"path": ..., "findings": [Finding, ...]}``."""

from __future__ import annotations

import json

from ..models import Finding


def render(
    results: dict[str, list[Finding]], checked: dict | None = None, exit_code: int | None = None
) -> str:
    return (
        json.dumps(
            [
                {"path": path, "findings": [f.model_dump(mode="json") for f in findings]}
                for path, findings in results.items()
            ],
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
