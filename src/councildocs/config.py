"""Validation settings: ``[tool.councildocs]`` in pyproject.toml, or a councildocs.toml.

The first of ``councildocs.toml`` (whole file, or its ``[tool.councildocs]`` table) or a
``pyproject.toml`` that has a ``[tool.councildocs]`` table, found from the current folder
upward, is used. Keys::

    [tool.councildocs]
    select = ["AGD", "FIG001", "consistency"]   # codes, prefixes, rule names or groups
    ignore = ["PUB"]
    extend-select = ["VOT"]                      # added to select (or to every rule)
    extend-ignore = ["CON004"]                   # taken away, as ignore
    preview = true                               # also run rules still in preview
    fail-on = "warning"                          # error | warning | info
    exclude = ["drafts/", "*.scan.pdf"]          # .gitignore patterns, not read in folders
    [tool.councildocs.severity]
    CON003 = "info"
    [tool.councildocs.per-file-ignores]
    "archive/2019/*.pdf" = ["PUB"]               # glob → references not run on those files

Command-line options override the file, as ruff's do: ``--select`` starts the selection
afresh, so a code it names runs even where the file's ``ignore`` names it; ``--ignore``
takes away from what the file selected. Unknown keys, rules or levels raise ConfigError.
"""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path, PurePath

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .config_file import ConfigError, find_config, read_table
from .models import Severity
from .rules import UnknownRule, get, resolve

__all__ = ["ConfigError", "Settings", "find_config", "load_settings", "settings_from"]


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    select: list[str] | None = None
    ignore: list[str] = Field(default_factory=list)
    extend_select: list[str] = Field(default_factory=list, alias="extend-select")
    extend_ignore: list[str] = Field(default_factory=list, alias="extend-ignore")
    per_file_ignores: dict[str, list[str]] = Field(
        default_factory=dict,
        alias="per-file-ignores",
        description="Glob → references not run on the files it matches (relative to the "
        "settings file's folder, or matching the path's last parts)",
    )
    preview: bool = False
    fail_on: Severity = Field(Severity.error, alias="fail-on")
    severity: dict[str, Severity] = Field(default_factory=dict)
    exclude: list[str] = Field(
        default_factory=list,
        description="Paths not to read when walking folders: .gitignore patterns, relative "
        "to the settings file's folder",
    )
    source: str | None = Field(None, exclude=True, description="The file these came from")

    @field_validator("select", "ignore", "extend_select", "extend_ignore")
    @classmethod
    def _known_references(cls, value: list[str] | None) -> list[str] | None:
        for reference in value or []:
            resolve(reference)
        return value

    @field_validator("per_file_ignores")
    @classmethod
    def _known_per_file_references(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for references in value.values():
            for reference in references:
                resolve(reference)
        return value

    def rules(self, path: str | None = None) -> list:
        """The rules these settings run (on ``path``, when per-file-ignores name it)."""
        from .linter import selected_rules

        return selected_rules(
            self.select,
            [*self.ignore, *self.ignored_for(path)],
            extend_select=self.extend_select,
            extend_ignore=self.extend_ignore,
            preview=self.preview,
        )

    def ignored_for(self, path: str | None) -> list[str]:
        """The references ``per-file-ignores`` takes away for ``path``."""
        if not path or not self.per_file_ignores:
            return []
        candidate = PurePath(path)
        relative = None
        if self.source:
            try:
                relative = Path(path).resolve().relative_to(Path(self.source).resolve().parent)
            except ValueError:
                relative = None
        ignored = []
        for pattern, references in self.per_file_ignores.items():
            if (
                candidate.match(pattern)
                or fnmatch(candidate.as_posix(), pattern)
                or (relative is not None and fnmatch(relative.as_posix(), pattern))
            ):
                ignored += references
        return ignored

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
