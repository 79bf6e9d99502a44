"""councildocs schema: the JSON Schema of the Pack JSON that parse writes."""

from __future__ import annotations

import sys

from . import main


@main.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) of a Pack, versioned in its $id."""
    from ..output.schema import schema_text  # builds the models: only this command needs them

    sys.stdout.write(schema_text())
