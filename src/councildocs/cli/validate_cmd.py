"""councildocs validate: check packs (PDF, text export, or saved Pack JSON) against the rules.

Exit codes (as ruff's): 0 no finding at or above the fail level, 1 findings, 2 a usage
error, a bad config, or an input that could not be read. One unreadable file is reported on
stderr in one line and never costs the other files their findings.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .. import output
from ..batch import Outcome
from ..contract import Severity
from ..errors import CouncilDocsError
from . import main
from ._batch import (
    Progress,
    batch_options,
    exclude_option,
    input_files,
    open_cache,
    parse_packs,
)
from ._common import EXIT_FINDINGS, EXIT_INPUT_ERROR, fail, report_error
from ._rule_options import rule_options, rule_settings

if TYPE_CHECKING:
    from ..models import Finding, Pack

#: the --format names: one module per format in ``output/findings_*.py``, listed by file
#: name so that start-up imports none of them (see :func:`renderer`)
FORMATS = sorted(
    info.name.removeprefix("findings_")
    for info in pkgutil.iter_modules(output.__path__)
    if info.name.startswith("findings_")
)


def renderer(fmt: str) -> Callable[..., str]:
    """``render(results, checked)`` of one format's module, imported on use."""
    return importlib.import_module(f"{output.__name__}.findings_{fmt}").render


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="text",
    show_default=True,
    help="How to print findings.",
)
@rule_options
@click.option(
    "--fail-on",
    type=click.Choice([s.value for s in Severity]),
    default=None,
    help="Lowest severity that makes the exit code 1 [default: error, or the config's].",
)
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are findings.")
@click.option(
    "--moderngov",
    "moderngov_record",
    type=click.Path(path_type=Path),
    default=None,
    help="The council's record of the meeting (meeting.xml from `councildocs moderngov "
    "fetch`, or its folder): the MGV rules check each pack against it.",
)
@click.option(
    "--color/--no-color", default=None, help="Colour text output (default: on a terminal)."
)
@batch_options
@exclude_option
def validate(
    inputs: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    fail_on: str | None,
    exit_zero: bool,
    moderngov_record: Path | None,
    config_path: Path | None,
    color: bool | None,
    jobs: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
    exclude: tuple[str, ...],
) -> None:
    """Check agenda packs (PDF, text export or saved JSON) and print findings.

    INPUTS are files, folders (searched for .pdf and .txt) or globs; saved parse output is
    read when named: .json (one Pack) or .jsonl (one Pack per line, each reported under the
    file it was parsed from). PDFs and text exports are parsed in --jobs worker processes, with the same
    cache as ``parse``; the rules then run on each pack.
    """
    from ..linter import at_or_above, selected_rules, targets
    from ..linter import validate as validate_pack
    from ..rules import UnknownRule
    from ..saved import is_saved

    settings = rule_settings(config_path, select, ignore, fail_on)
    try:
        rules = selected_rules(settings.select, settings.ignore)
    except UnknownRule as exc:
        fail(f"--select/--ignore {exc.path}", exc.problem)
    meeting = _meeting_record(moderngov_record) if moderngov_record else None
    paths = input_files(inputs, exclude=exclude)
    to_parse = [p for p in paths if not is_saved(p)]
    cache = open_cache(cache_dir, no_cache)
    # one file alone keeps stderr quiet, as a linter's single-file run does
    with Progress(len(to_parse), quiet=quiet or len(paths) == 1, verb="parsed") as progress:
        parsed = {
            o.path: o for o in parse_packs(to_parse, jobs=jobs, cache=cache, progress=progress)
        }
    results: dict[str, list[Finding]] = {}
    checked: dict[str, list] = {}
    read: list[Pack] = []
    unreadable = 0
    for path in paths:
        try:
            for name, pack in _packs(path, parsed):
                if pack is None:  # already reported, in one line
                    unreadable += 1
                    continue
                if meeting is not None:
                    read.append(pack)
                results[name] = validate_pack(
                    pack,
                    settings.select,
                    settings.ignore,
                    severities=settings.severity,
                    moderngov=meeting,
                )
                checked[name] = targets(pack, rules, meeting)
        except CouncilDocsError as exc:
            report_error(exc.path, exc.problem)
            unreadable += 1
        except Exception as exc:  # a rule bug must not lose the other files
            report_error(path, f"internal error ({type(exc).__name__}: {exc}); please report it")
            unreadable += 1
    if meeting is not None and moderngov_record is not None:
        _check_the_record(meeting, moderngov_record, read, rules, settings, results, checked)
    render = renderer(fmt)
    if fmt == "text":
        use_color = sys.stdout.isatty() if color is None else color
        text = render(results, checked, color=use_color)
    else:
        text = render(results, checked)
    sys.stdout.write(text)
    sys.stdout.flush()
    if unreadable:
        sys.exit(EXIT_INPUT_ERROR)
    failing = [f for found in results.values() for f in at_or_above(found, settings.fail_on)]
    if failing and not exit_zero:
        sys.exit(EXIT_FINDINGS)


def _check_the_record(meeting, record: Path, packs, rules, settings, results, checked) -> None:
    """The meeting as the council records it, with the inputs that are its fetched papers
    attached, checked by the MGV rules (the other rules have seen each file already)."""
    from ..linter import lint, targets
    from ..moderngov.fetch import MANIFEST, read_manifest
    from ..moderngov.pack import record_pack
    from ..rules import READS_MODERNGOV

    folder = record if record.is_dir() else record.parent
    if not (folder / MANIFEST).exists():
        return  # nothing says which inputs are its papers
    try:
        manifest = read_manifest(folder)
    except CouncilDocsError as exc:
        fail(exc.path, exc.problem)
    pack = record_pack(meeting, manifest, packs)
    against_record = [r for r in rules if r.reads == READS_MODERNGOV]
    name = meeting.source
    results[name] = lint(pack, against_record, settings.severity, moderngov=meeting)
    checked[name] = targets(pack, against_record, meeting)


def _meeting_record(path: Path):
    from ..moderngov.reader import read_meeting_file

    try:
        return read_meeting_file(path)
    except CouncilDocsError as exc:
        fail(exc.path, exc.problem)


def _packs(path: str, parsed: dict[str, Outcome]) -> Iterator[tuple[str, Pack | None]]:
    """The packs one input holds, each with the name its findings are reported under.

    None in place of a pack: an entry that could not be read, its error already printed.
    """
    from ..models import Pack
    from ..saved import read_pack_json, read_saved

    if path in parsed:
        outcome = parsed[path]
        if not outcome.ok:  # its one-line error is already printed by the progress
            yield path, None
            return
        yield path, Pack.model_validate_json(outcome.value.json)
    elif path.lower().endswith(".jsonl"):
        for entry in read_saved(path):
            if isinstance(entry, Pack):
                yield entry.source.path, entry
            elif entry.from_parse:
                click.echo(
                    f"councildocs: note: {entry.where}: skipped {entry.path}, which parse "
                    f"could not read ({entry.problem})",
                    err=True,
                )
            else:
                report_error(entry.where, entry.problem)
                yield entry.where, None
    else:  # saved .json (every other file was parsed above): read without the parsers
        yield path, read_pack_json(path)
