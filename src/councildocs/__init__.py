"""councildocs: UK council agenda packs as typed data, and checks for published packs.

>>> import councildocs
>>> pack = councildocs.parse("pack.pdf")
>>> pack.agenda.items[0].title
"""

from .errors import CouncilDocsError, NoTextLayer, UnreadableInput
from .models import SCHEMA_VERSION, Pack
from .pipeline import parse

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "CouncilDocsError",
    "NoTextLayer",
    "Pack",
    "UnreadableInput",
    "__version__",
    "parse",
]
