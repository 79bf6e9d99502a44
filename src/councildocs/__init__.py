"""councildocs: UK council agenda packs as typed data, and checks for published packs.

>>> import councildocs
>>> pack = councildocs.parse("pack.pdf")
>>> pack.agenda.items[0].title
>>> for finding in councildocs.validate("pack.pdf", ignore=["PUB"]):
...     print(finding.code, finding.page, finding.message)

Every command has its function here, as sqlite-utils' commands have theirs: ``parse``
(a path, or a PDF held in memory as bytes or a binary file object), ``parse_many`` (many
files in worker processes or on any ``concurrent.futures.Executor``, with the cache, and
each file under ``Limits`` of time and memory when asked),
``validate`` (and ``validate_many``), ``tables`` and
``export_sqlite``; ``read`` also loads saved ``parse`` JSON. Every error a user must fix is
a :class:`CouncilDocsError`.

The functions are imported on first use (PEP 562): they pull in the extractors, parsers
and rules, which a command answered from the cache, ``--version`` or a script that only
reads saved JSON never needs. ``Pack`` and ``Finding`` are too: building the pydantic
models is most of start-up, and a run answered from the cache passes the stored JSON
through without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import CouncilDocsError, NoTextLayer, OcrUnavailable, UnknownRule, UnreadableInput

if TYPE_CHECKING:
    from .api import export_sqlite, parse, tables
    from .batch import parse_many, validate_many
    from .contract import SCHEMA_VERSION, Severity
    from .linter import validate
    from .models import Finding, Pack
    from .ocr_settings import OcrSettings
    from .pipeline import read
    from .workers import Limits

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "CouncilDocsError",
    "Finding",
    "Limits",
    "NoTextLayer",
    "OcrSettings",
    "OcrUnavailable",
    "Pack",
    "Severity",
    "UnknownRule",
    "UnreadableInput",
    "__version__",
    "export_sqlite",
    "parse",
    "parse_many",
    "read",
    "tables",
    "validate",
    "validate_many",
]

#: public name → the module that defines it, imported when the name is first used
_LAZY = {
    "SCHEMA_VERSION": ".contract",
    "Severity": ".contract",
    "Finding": ".models",
    "Pack": ".models",
    "OcrSettings": ".ocr_settings",
    "Limits": ".workers",
    "parse": ".api",
    "parse_many": ".batch",
    "tables": ".api",
    "export_sqlite": ".api",
    "read": ".pipeline",
    "validate": ".linter",
    "validate_many": ".batch",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    # the API only: not the modules and helpers this file happens to import
    return sorted(__all__)
