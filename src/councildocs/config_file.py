"""Finding and reading the settings file, without the settings' pydantic models.

Kept apart from :mod:`councildocs.config` so that ``parse``, which reads only the
``exclude`` setting, starts without pydantic or the rule registry.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

CONFIG_NAMES = ("councildocs.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A config file or option that cannot be used; the CLI reports it with exit code 2."""


def find_config(start: Path | None = None) -> Path | None:
    """The nearest councildocs.toml, or pyproject.toml with [tool.councildocs], upward."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (
                name != "pyproject.toml" or read_table(candidate) is not None
            ):
                return candidate
    return None


def read_table(path: Path) -> dict | None:
    """The file's ``[tool.councildocs]`` table (a councildocs.toml may be that table whole)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read TOML ({exc})") from exc
    table = data.get("tool", {}).get("councildocs")
    if table is None and path.name == "councildocs.toml":
        table = data
    return table
