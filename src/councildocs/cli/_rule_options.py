"""The rule options commands that run the rules share: --select, --ignore, --config and
--preview.

``validate`` and ``export`` (which stores findings) read them the same way: the config file
(``--config``, else the councildocs.toml or pyproject.toml found upward) first, the command
line over it. A bad reference or config file stops the command with exit code 2.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ._common import fail

if TYPE_CHECKING:
    from ..config import Settings


def rule_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --select, --ignore and --config to a command."""
    options = [
        click.option(
            "--select",
            multiple=True,
            help="Rules to run: codes, prefixes (FIG), names or groups; repeat or comma-separate.",
        ),
        click.option(
            "--ignore", multiple=True, help="Rules not to run (same references as --select)."
        ),
        click.option(
            "--config",
            "config_path",
            type=click.Path(dir_okay=False, exists=True, path_type=Path),
            help="Settings file (default: councildocs.toml or pyproject.toml found upward).",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


#: --preview, for the commands that run the rules: over the config's ``preview`` when given
preview_option = click.option(
    "--preview/--no-preview",
    default=None,
    help="Also run the rules still in preview (`councildocs rules` shows each rule's "
    "status) [default: the config's, else no].",
)


def rule_settings(
    config_path: Path | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None = None,
    *,
    extend_select: tuple[str, ...] = (),
    preview: bool | None = None,
) -> Settings:
    """The config file's settings with the command line's over them; exit 2 if unusable.

    As ruff's: ``--select`` starts afresh (the file's select, ignore and extend lists no
    longer apply, so what it names runs even where the file ignores it); ``--ignore`` and
    ``--extend-select`` add to the file's. per-file-ignores stay: they name files, not a
    selection.
    """
    # imported here: settings are pydantic models, which start-up and parse never need
    from ..config import ConfigError, load_settings, settings_from

    try:
        settings = load_settings(config_path)
        overrides = settings.model_dump(by_alias=True, exclude={"source"})
        if select:
            overrides["select"] = _split(select)
            overrides["ignore"] = []
            overrides["extend-select"] = []
            overrides["extend-ignore"] = []
        if ignore:
            overrides["ignore"] = [*overrides["ignore"], *_split(ignore)]
        if extend_select:
            overrides["extend-select"] = [*overrides["extend-select"], *_split(extend_select)]
        if preview is not None:
            overrides["preview"] = preview
        if fail_on:
            overrides["fail-on"] = fail_on
        return settings_from(overrides, source=settings.source or "options")
    except ConfigError as exc:
        fail("config", str(exc))
    raise AssertionError("unreachable")


def _split(values: tuple[str, ...]) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]
