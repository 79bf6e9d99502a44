"""councildocs: UK council agenda packs as typed data, and checks for published packs.

>>> import councildocs
>>> pack = councildocs.parse("pack.pdf")
>>> pack.agenda.items[0].title
>>> for finding in councildocs.validate("pack.pdf", ignore=["PUB"]):
...     print(finding.code, finding.page, finding.message)
"""

from .errors import CouncilDocsError, NoTextLayer, UnreadableInput
from .linter import validate
from .models import SCHEMA_VERSION, Finding, Pack, Severity
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
