"""Run the selected rules over a Pack and return findings: models in, ``list[Finding]`` out.

Rules read the models only, so a pack parsed now and a pack loaded from saved JSON
(``Pack.model_validate_json``) are checked alike. A rule that reads a document kind is called
once per document of that kind; a ``pack`` rule once per pack. :func:`validate` is the
public entry point (``councildocs.validate``): a file or a Pack in, findings out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from .models import Finding, Pack, Severity
from .rules import READS_FILE, READS_MODERNGOV, READS_PACK, Rule, all_rules

if TYPE_CHECKING:
    from .moderngov.models import ModernGovMeeting

SEVERITY_RANK = {Severity.info: 0, Severity.warning: 1, Severity.error: 2}


def validate(
    path_or_pack: str | Path | Pack,
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    *,
    severities: Mapping[str, Severity] | None = None,
    moderngov: ModernGovMeeting | str | Path | None = None,
    preview: bool = False,
) -> list[Finding]:
    """Check a pack against the rules and return what they find.

    ``path_or_pack``: a PDF, a text export or saved ``parse`` JSON (read with
    :func:`councildocs.pipeline.read`), or a :class:`~councildocs.models.Pack` already in hand.
    ``select``: the rules to run, all when None; ``ignore``: rules not to run. Each is a
    reference or a list of them: a code (``"FIG001"``), a code prefix (``"FIG"``), a rule
    name (``"percentage-change"``), a family or a group (``"consistency"``).
    ``severities``: a code's severity instead of the rule's default (``{"CON003": "info"}``).
    ``moderngov``: the council's record of the meeting (a
    :class:`~councildocs.moderngov.models.ModernGovMeeting`, or the ``meeting.xml`` that
    ``councildocs moderngov fetch`` saved, or its folder); the MGV rules check the pack
    against it, and run only when it is given. ``preview``: also run the rules still in
    preview (heuristics not yet shown free of false alarms on the corpus).

    Findings come in document then page order, each with code, severity, message, document,
    page and the text it quotes. Raises :class:`~councildocs.rules.UnknownRule` for a
    reference that names no rule and :class:`~councildocs.errors.CouncilDocsError` for a
    file that cannot be read. No config file is read: the CLI does that, a script says
    what it wants.

    >>> [f.code for f in validate("pack.pdf", select="FIG")]
    ['FIG001', 'FIG001']
    """
    if isinstance(path_or_pack, Pack):
        pack = path_or_pack
    else:
        from .pipeline import read  # the parsers, only when there is a file to read

        pack = read(path_or_pack)
    if isinstance(moderngov, str | Path):
        from .moderngov.reader import read_meeting_file

        moderngov = read_meeting_file(moderngov)
    return lint(
        pack, selected_rules(select, ignore, preview=preview), severities, moderngov=moderngov
    )


def selected_rules(
    select: str | Iterable[str] | None = None,
    ignore: str | Iterable[str] | None = None,
    *,
    extend_select: Iterable[str] = (),
    extend_ignore: Iterable[str] = (),
    preview: bool = False,
) -> list[Rule]:
    """The rules ``select`` names (all when None) and ``extend_select`` adds, less those
    ``ignore`` and ``extend_ignore`` name; preview rules only when ``preview``."""
    from .rules import resolve

    if isinstance(select, str):
        select = [select]
    if isinstance(ignore, str):
        ignore = [ignore]
    rules = all_rules()
    chosen = set(rules) if select is None else set().union(*(resolve(r) for r in select))
    for reference in extend_select:
        chosen |= resolve(reference)
    for reference in [*(ignore or ()), *extend_ignore]:
        chosen -= resolve(reference)
    return [rules[code] for code in sorted(chosen) if preview or not rules[code].preview]


def lint(
    pack: Pack,
    rules: Iterable[Rule] | None = None,
    severities: Mapping[str, Severity] | None = None,
    *,
    moderngov: ModernGovMeeting | None = None,
) -> list[Finding]:
    """Findings of ``rules`` (default: all) on ``pack``, in document then page order.

    ``severities`` overrides a rule's default severity by code; ``moderngov`` is the record
    the MGV rules compare the pack with (without it they do not run).
    """
    severities = severities or {}
    findings: list[Finding] = []
    for rule in rules if rules is not None else all_rules().values():
        severity = Severity(severities.get(rule.code, rule.severity))
        if rule.reads == READS_FILE:
            continue  # a file that was read has nothing for IO rules: see unreadable()
        if rule.reads == READS_PACK:
            targets = [(None, pack)]
        elif rule.reads == READS_MODERNGOV:
            targets = [(None, moderngov)] if moderngov is not None else []
        else:
            targets = [(i, d) for i, d in enumerate(pack.documents) if d.kind == rule.reads]
        seen: set[tuple] = set()
        for index, target in targets:
            for hit in rule.check(target, pack):
                index_in_pack = hit.document if hit.document is not None else index
                key = (index_in_pack, hit.message, hit.quote)
                if (
                    key in seen
                ):  # the same passage reached twice (e.g. in an item and its resolution)
                    continue
                seen.add(key)
                findings.append(
                    Finding(
                        code=rule.code,
                        name=rule.name,
                        severity=severity,
                        message=hit.message,
                        path=pack.source.path,
                        document=document_number(index_in_pack),
                        document_title=(
                            pack.documents[index_in_pack].title
                            if index_in_pack is not None
                            else None
                        ),
                        page=hit.page,
                        quote=hit.quote,
                    )
                )
    findings.sort(
        key=lambda f: (
            -1 if f.document is None else f.document,
            f.page if f.page is not None else 0,
            f.code,
        )
    )
    from .locate import place

    return place(findings, pack)


def unreadable(
    path: str, problem: str, severities: Mapping[str, Severity] | None = None
) -> Finding:
    """The IO001 finding for a file that could not be read, as ruff's E902 is a finding."""
    from .locate import fingerprint
    from .rules import get

    rule = get("IO001")
    severity = Severity((severities or {}).get(rule.code, rule.severity))
    finding = Finding(code=rule.code, name=rule.name, severity=severity, message=problem, path=path)
    return finding.model_copy(update={"fingerprint": fingerprint(finding)})


def document_number(index: int | None) -> int | None:
    """How every output names a document: 1 for the first, as a reader counts them."""
    return None if index is None else index + 1


def at_or_above(findings: Iterable[Finding], level: Severity) -> list[Finding]:
    return [f for f in findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[Severity(level)]]


def targets(
    pack: Pack, rules: Iterable[Rule], moderngov: ModernGovMeeting | None = None
) -> list[tuple[str, int | None, str | None]]:
    """What each rule ran on: (code, document number or None for the pack, document title)."""
    ran: list[tuple[str, int | None, str | None]] = []
    for rule in rules:
        if rule.reads == READS_PACK or (rule.reads == READS_MODERNGOV and moderngov is not None):
            ran.append((rule.code, None, None))
        elif rule.reads in (READS_MODERNGOV, READS_FILE):
            continue
        else:
            ran += [
                (rule.code, document_number(i), d.title)
                for i, d in enumerate(pack.documents)
                if d.kind == rule.reads
            ]
    return ran
