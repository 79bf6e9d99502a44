"""The councildocs command line: a thin click layer over the library.

Each command lives in a module of this package named ``*_cmd.py`` and registers itself on
``main``; this file finds them, so adding a command edits no central list.
Exit codes: 0 success, 1 findings (validate) or a failed file in a batch, 2 bad input or usage.
"""

from __future__ import annotations

import importlib
import pkgutil

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="councildocs")
def main() -> None:
    """Turn UK council agenda packs into data, and check published packs."""


for _module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")):
    importlib.import_module(f"{__name__}.{_module}")
