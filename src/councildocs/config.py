"""Validation settings: ``[tool.councildocs]`` in pyproject.toml, or a councildocs.toml.

The first of ``councildocs.toml`` (whole file, or its ``[tool.councildocs]`` table) or a
``pyproject.toml`` that has a ``[tool.councildocs]`` table, found from the current folder
upward, is used. Keys::

    [tool.councildocs]
    select = ["AGD", "FIG001", "consistency"]   # codes, prefixes, rule names or groups
    ignore = ["PUB"]
    fail-on = "warning"                          # error | warning | info
    exclude = ["drafts/", "*.scan.pdf"]          # .gitignore patterns, not read in folders
    [tool.councildocs.severity]
    CON003 = "info"

Command-line options override the file. Unknown keys, rules or levels raise ConfigError.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .config_file import ConfigError, find_config, read_table
from .models import Severity
from .rules import UnknownRule, get, resolve

__all__ = ["ConfigError", "Settings", "find_config", "load_settings", "settings_from"]


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    fail_on: Severity = Field(Severity.error, alias="fail-on")
    severity: dict[str, Severity] = Field(default_factory=dict)
    exclude: list[str] = Field(
        default_factory=list,
        description="Paths not to read when walking folders: .gitignore patterns, relative "
        "to the settings file's folder",
    )
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


def load_settings(path: Path | None = None, start: Path | None = None) -> Settings:
    """Settings from ``path``, or from the config file found upward from ``start``."""
    path = path or find_config(start)
    if path is None:
        return Settings()
    return settings_from(read_table(path) or {}, source=str(path))


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
