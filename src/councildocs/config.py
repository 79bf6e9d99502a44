"""Validation settings: ``[tool.councildocs]`` in pyproject.toml, or a councildocs.toml.

The first of ``councildocs.toml`` (whole file, or its ``[tool.councildocs]`` table) or a
``pyproject.toml`` that has a ``[tool.councildocs]`` table, found from the current folder
upward, is used. Keys::

    [tool.councildocs]
    select = ["AGD", "FIG001", "consistency"]   # codes, prefixes, rule names or groups
    ignore = ["PUB"]
    fail-on = "warning"                          # error | warning | info
    [tool.councildocs.severity]
    CON003 = "info"

Command-line options override the file. Unknown keys, rules or levels raise ConfigError.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .models import Severity
from .rules import UnknownRule, get, resolve

CONFIG_NAMES = ("councildocs.toml", "pyproject.toml")


class ConfigError(ValueError):
    """A config file or option that cannot be used; the CLI reports it with exit code 2."""


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    fail_on: Severity = Field(Severity.error, alias="fail-on")
    severity: dict[str, Severity] = Field(default_factory=dict)
    source: str | None = Field(None, exclude=True, description="The file these came from")

    @field_validator("select", "ignore")
    @classmethod
    def _known_references(cls, value: list[str] | None) -> list[str] | None:
        for reference in value or []:
            resolve(reference)
        return value

    @field_validator("severity")
    @classmethod
    def _known_codes(cls, value: dict[str, Severity]) -> dict[str, Severity]:
        return {get(code).code: level for code, level in value.items()}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest councildocs.toml, or pyproject.toml with [tool.councildocs], upward."""
    folder = (start or Path.cwd()).resolve()
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = directory / name
            if candidate.is_file() and (name != "pyproject.toml" or _table(candidate) is not None):
                return candidate
    return None


def _table(path: Path) -> dict | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read TOML ({exc})") from exc
    table = data.get("tool", {}).get("councildocs")
    if table is None and path.name == "councildocs.toml":
        table = data
    return table


def load_settings(path: Path | None = None, start: Path | None = None) -> Settings:
    """Settings from ``path``, or from the config file found upward from ``start``."""
    path = path or find_config(start)
    if path is None:
        return Settings()
    return settings_from(_table(path) or {}, source=str(path))


def settings_from(table: dict, source: str | None = None) -> Settings:
    try:
        settings = Settings.model_validate(table)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'settings'}: {e['msg']}" for e in exc.errors()
        )
        raise ConfigError(f"{source or 'settings'}: {problems}") from None
    except UnknownRule as exc:
        raise ConfigError(f"{source or 'settings'}: {exc}") from None
    settings.source = source
    return settings
