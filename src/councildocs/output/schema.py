"""The JSON Schema of a Pack, as ``councildocs schema`` prints it and ``schema/`` keeps it.

The schema names itself by version (``$id`` ends in ``models.SCHEMA_VERSION``), so a saved
copy says which contract it describes. ``schema/versions.json`` records a fingerprint of
the schema's body for every version released; a test fails when the body changes while
the version stays the same, which is how a contract change cannot go out unversioned.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..models import SCHEMA_NAME, SCHEMA_VERSION, Pack

JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def pack_schema() -> dict[str, Any]:
    body = Pack.model_json_schema()
    return {
        "$schema": JSON_SCHEMA_DIALECT,
        "$id": f"urn:councildocs:schema:pack:{SCHEMA_VERSION}",
        "version": SCHEMA_VERSION,
        "title": SCHEMA_NAME,
        **{key: value for key, value in body.items() if key != "title"},
    }


def schema_text() -> str:
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"


def body_fingerprint(schema: dict[str, Any]) -> str:
    """sha256 of the schema without the fields that name its version."""
    body = {key: value for key, value in schema.items() if key not in ("$id", "version")}
    body["properties"] = {
        k: {kk: vv for kk, vv in v.items() if not (k == "version" and kk == "default")}
        for k, v in body.get("properties", {}).items()
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()
