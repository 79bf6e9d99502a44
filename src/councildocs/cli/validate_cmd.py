"""councildocs validate: check packs (PDF, text export, or saved Pack JSON) against the rules.

Exit codes (as ruff's): 0 no finding at or above the fail level, 1 findings, 2 a usage
error, a bad config, or an input that could not be read. One unreadable file is reported on
stderr in one line, and as an IO001 finding in the output (as ruff's E902), and never costs
the other files their findings.
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
from ..output.escaping import for_terminal
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
from ._ocr_options import ocr_options, ocr_settings
from ._rule_options import preview_option, rule_options, rule_settings

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
@click.argument("inputs", nargs=-1)
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
    "--extend-select",
    multiple=True,
    help="Rules to run besides those selected (same references as --select).",
)
@preview_option
@click.option(
    "--baseline",
    "baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Report only findings not in this baseline file (from --write-baseline).",
)
@click.option(
    "--write-baseline",
    "write_baseline_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write every finding's fingerprint to this file, for --baseline, and exit 0.",
)
@click.option("--statistics", is_flag=True, help="Count findings per rule instead of listing them.")
@click.option(
    "--show-settings",
    is_flag=True,
    help="Print the settings in force, the file they came from and the rules each input "
    "gets, and exit.",
)
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
@ocr_options
@batch_options
@exclude_option
def validate(
    inputs: tuple[str, ...],
    fmt: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    extend_select: tuple[str, ...],
    preview: bool | None,
    baseline_path: Path | None,
    write_baseline_path: Path | None,
    statistics: bool,
    show_settings: bool,
    fail_on: str | None,
    exit_zero: bool,
    moderngov_record: Path | None,
    config_path: Path | None,
    color: bool | None,
    ocr_mode: str,
    ocr_languages: str,
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
    from ..linter import at_or_above, lint, targets, unreadable
    from ..rules import UnknownRule
    from ..saved import is_saved

    settings = rule_settings(
        config_path, select, ignore, fail_on, extend_select=extend_select, preview=preview
    )
    try:
        rules = settings.rules()
    except UnknownRule as exc:
        fail(f"--select/--ignore {exc.path}", exc.problem)
    if not inputs and not show_settings:
        fail("validate", "no INPUTS given (files, folders or globs to check)")
    paths = input_files(inputs, exclude=exclude) if inputs else []
    if show_settings:
        sys.stdout.write(_settings_text(settings, paths))
        return
    accepted = _read_baseline(baseline_path) if baseline_path else None
    meeting = _meeting_record(moderngov_record) if moderngov_record else None
    to_parse = [p for p in paths if not is_saved(p)]
    cache = open_cache(cache_dir, no_cache)
    ocr = ocr_settings(
        ocr_mode, ocr_languages, single_file=len(to_parse) == 1, jobs=jobs, quiet=quiet
    )
    # one file alone keeps stderr quiet, as a linter's single-file run does
    with Progress(len(to_parse), quiet=quiet or len(paths) == 1, verb="parsed") as progress:
        parsed = {
            o.path: o
            for o in parse_packs(to_parse, jobs=jobs, cache=cache, progress=progress, ocr=ocr)
        }
    results: dict[str, list[Finding]] = {}
    checked: dict[str, list] = {}
    read: list[Pack] = []
    unreadable_files = 0
    report_io = any(rule.code == "IO001" for rule in rules)

    def cannot_read(name: str, problem: str) -> None:
        nonlocal unreadable_files
        unreadable_files += 1
        if report_io:
            results.setdefault(name, []).append(unreadable(name, problem, settings.severity))

    for path in paths:
        try:
            for name, pack, problem in _packs(path, parsed):
                if pack is None:  # already reported on stderr, in one line
                    cannot_read(name, problem)
                    continue
                if meeting is not None:
                    read.append(pack)
                name = _distinct(name, results)
                file_rules = settings.rules(name)
                results[name] = lint(pack, file_rules, settings.severity, moderngov=meeting)
                checked[name] = targets(pack, file_rules, meeting)
        except CouncilDocsError as exc:
            report_error(exc.path, exc.problem)
            cannot_read(path, exc.problem)
        except Exception as exc:  # a rule bug must not lose the other files
            problem = f"internal error ({type(exc).__name__}: {exc}); please report it"
            report_error(path, problem)
            cannot_read(path, problem)
    if meeting is not None and moderngov_record is not None:
        _check_the_record(meeting, moderngov_record, read, rules, settings, results, checked)
    if write_baseline_path is not None:
        _write_baseline(write_baseline_path, results)
        sys.exit(EXIT_INPUT_ERROR if unreadable_files else 0)
    if accepted is not None:
        results = {
            name: [f for f in found if f.code == "IO001" or f.fingerprint not in accepted]
            for name, found in results.items()
        }
    failing = [f for found in results.values() for f in at_or_above(found, settings.fail_on)]
    if unreadable_files:
        exit_code = EXIT_INPUT_ERROR
    elif failing and not exit_zero:
        exit_code = EXIT_FINDINGS
    else:
        exit_code = 0
    if statistics:
        text = _statistics(results, as_json=fmt == "json")
    elif fmt == "text":
        use_color = sys.stdout.isatty() if color is None else color
        text = renderer(fmt)(results, checked, color=use_color)
    else:
        text = renderer(fmt)(results, checked, exit_code=exit_code)
    sys.stdout.write(text)
    sys.stdout.flush()
    if exit_code:
        sys.exit(exit_code)


def _distinct(name: str, results: dict[str, list[Finding]]) -> str:
    """The name a pack's findings are reported under: its path, told apart from an earlier
    pack of the same path (two parses of one file saved in one JSON Lines file)."""
    if name not in results:
        return name
    number = 2
    while f"{name} (pack {number} of this path)" in results:
        number += 1
    return f"{name} (pack {number} of this path)"


def _statistics(results: dict[str, list[Finding]], as_json: bool) -> str:
    """Findings counted per rule, most first, as ruff's --statistics prints them."""
    counted: dict[tuple[str, str], int] = {}
    for found in results.values():
        for finding in found:
            counted[(finding.code, finding.name)] = counted.get((finding.code, finding.name), 0) + 1
    rows = sorted(counted.items(), key=lambda kv: (-kv[1], kv[0][0]))
    if as_json:
        import json

        records = [{"code": c, "name": n, "count": k} for (c, n), k in rows]
        return json.dumps(records, indent=2) + "\n"
    width = max((len(str(k)) for _, k in rows), default=1)
    return "".join(f"{k:>{width}}  {c:<7} {n}\n" for (c, n), k in rows)


def _settings_text(settings, paths: list[str]) -> str:
    """The settings in force, where they came from, and the rules each input would get."""
    import json

    shown = settings.model_dump(mode="json", by_alias=True, exclude={"source"})
    lines = [f"Settings from: {settings.source or '(defaults: no config file found)'}"]
    lines += [f"{key} = {json.dumps(value)}" for key, value in shown.items()]
    lines.append(f"rules = {json.dumps([rule.code for rule in settings.rules()])}")
    for path in paths:
        ignored = settings.ignored_for(path)
        if ignored:
            codes = [rule.code for rule in settings.rules(path)]
            lines.append(f"rules for {path} = {json.dumps(codes)}")
    return "\n".join(lines) + "\n"


def _read_baseline(path: Path) -> set[str]:
    from ..baseline import BaselineError, read_baseline

    try:
        return read_baseline(path)
    except BaselineError as exc:
        fail(str(path), str(exc))
    raise AssertionError("unreachable")


def _write_baseline(path: Path, results: dict[str, list[Finding]]) -> None:
    from ..baseline import write_baseline

    try:
        count = write_baseline(path, [f for found in results.values() for f in found])
    except OSError as exc:
        fail(str(path), f"cannot write the baseline ({exc.strerror or exc})")
    click.echo(f"councildocs: wrote {count} findings to baseline {path}", err=True)


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


def _packs(path: str, parsed: dict[str, Outcome]) -> Iterator[tuple[str, Pack | None, str | None]]:
    """The packs one input holds, each with the name its findings are reported under.

    None in place of a pack, with the problem: an entry that could not be read, its error
    already printed.
    """
    from ..models import Pack
    from ..saved import read_pack_json, read_saved

    if path in parsed:
        outcome = parsed[path]
        if not outcome.ok:  # its one-line error is already printed by the progress
            yield path, None, outcome.error
            return
        yield path, Pack.model_validate_json(outcome.value.json), None
    elif path.lower().endswith(".jsonl"):
        for entry in read_saved(path):
            if isinstance(entry, Pack):
                yield entry.source.path, entry, None
            elif entry.from_parse:
                click.echo(
                    f"councildocs: note: {for_terminal(entry.where)}: skipped "
                    f"{for_terminal(str(entry.path))}, which parse could not read "
                    f"({for_terminal(entry.problem)})",
                    err=True,
                )
            else:
                report_error(entry.where, entry.problem)
                yield entry.where, None, entry.problem
    else:  # saved .json (every other file was parsed above): read without the parsers
        yield path, read_pack_json(path), None
