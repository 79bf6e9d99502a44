"""councildocs: UK council agenda packs as typed data, and checks for published packs.

>>> import councildocs
>>> pack = councildocs.parse("pack.pdf")
>>> pack.agenda.items[0].title
>>> for finding in councildocs.validate("pack.pdf", ignore=["PUB"]):
...     print(finding.code, finding.page, finding.message)

``parse``, ``read`` and ``validate`` are imported on first use
(PEP 562): they pull in the extractors, parsers and rules, which a command answered from
the cache, ``--version`` or a script that only reads saved JSON never needs. ``Pack`` and
``Finding`` are too: building the pydantic models is most of start-up, and a run answered
from the cache passes the stored JSON through without them.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import CouncilDocsError, NoTextLayer, UnreadableInput

if TYPE_CHECKING:
    from .contract import SCHEMA_VERSION, Severity
    from .linter import validate
    from .models import Finding, Pack
    from .pipeline import parse, read
    from .rules import UnknownRule

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "CouncilDocsError",
    "Finding",
    "NoTextLayer",
    "Pack",
    "Severity",
    "UnknownRule",
    "UnreadableInput",
    "__version__",
    "parse",
    "read",
    "validate",
]

#: public name → the module that defines it, imported when the name is first used
_LAZY = {
    "SCHEMA_VERSION": ".contract",
    "Severity": ".contract",
    "Finding": ".models",
    "Pack": ".models",
    "parse": ".pipeline",
    "read": ".pipeline",
    "validate": ".linter",
    "UnknownRule": ".rules",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
