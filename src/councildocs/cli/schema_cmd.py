"""councildocs schema: the JSON Schema of the Pack JSON that parse writes."""

from __future__ import annotations

import sys

from ..output.schema import schema_text
from . import main


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of a Pack, versioned in its $id."""
    sys.stdout.write(schema_text())
