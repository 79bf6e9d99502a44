"""rules: one module per stable code, found by discovery; the module docstring is its docs.

A rule module (``rules/<code>_<slug>.py``) declares

- ``CODE`` (``FIG001``; never reused: a retired code stays as an alias in ``ALIASES``),
- ``NAME`` (a kebab-case slug), ``SEVERITY`` (a :class:`~councildocs.contract.Severity`),
- ``READS``: ``"pack"`` for checks across documents, a document kind (``"report"``,
  ``"minutes"``, ...) to be called once per document of that kind, or ``"moderngov"`` for a
  check of the pack against the council's ModernGov record of the meeting (called with the
  :class:`~councildocs.moderngov.models.ModernGovMeeting`, and only when one is given),
- ``check(target, pack)``: yields :class:`~councildocs.rules._support.Hit` s,
- ``PREVIEW = True`` (optional) for a heuristic rule not yet shown free of false alarms on
  the corpus: it runs only when preview is asked for (``--preview``, ``preview = true``),

and a docstring whose first line says what it checks, followed by an explanation, an
**Anti-pattern** (a pack excerpt that fails) and then a **Best practice** (one that passes).
``councildocs rules`` and ``docs/rules.md`` (``make rules-doc``) are made from these.
Modules whose names start with ``_`` are helpers, not rules. Adding a rule edits no list.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from ..contract import DocumentKind, Severity
from ..errors import UnknownRule as UnknownRule  # raised here; re-exported

READS_PACK = "pack"
READS_MODERNGOV = "moderngov"
#: a rule about reading the file itself (IO001): it has no pack to check, and its finding is
#: made where the file failed to be read
READS_FILE = "file"
ANTI_PATTERN = "**Anti-pattern**"
BEST_PRACTICE = "**Best practice**"

#: Code prefix → (family, group). ``--select`` accepts a code, a prefix, a family or a group.
FAMILIES: dict[str, tuple[str, str]] = {
    "AGD": ("agenda", "structure"),
    "DOC": ("segmentation", "structure"),
    "MIN": ("minutes", "structure"),
    "REP": ("reports", "structure"),
    "CON": ("consistency", "consistency"),
    "FIG": ("figures", "figures"),
    "PUB": ("publication", "publication"),
    "MGV": ("moderngov", "consistency"),
    "VOT": ("votes", "consistency"),
    "IO": ("input", "input"),
}

#: The family prefix of a code: its leading letters (``FIG`` of FIG001, ``IO`` of IO001).
_CODE = re.compile(r"^(?P<prefix>[A-Z]+)(?P<number>\d+)$")

#: Where each rule's documentation lives; SARIF's ``helpUri`` is this with the rule's anchor.
DOCS_URL = "https://github.com/councildocs/councildocs/blob/main/docs/rules.md"


def family_prefix(code: str) -> str:
    match = _CODE.match(code)
    return match.group("prefix") if match else code


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    reads: str
    check: Callable[..., Iterator]
    doc: str
    module: str
    preview: bool = False

    @property
    def status(self) -> str:
        """``preview`` (runs only when asked for) or ``stable``."""
        return "preview" if self.preview else "stable"

    @property
    def anchor(self) -> str:
        """The heading's anchor in docs/rules.md."""
        return f"{self.code.lower()}-{self.name}"

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URL}#{self.anchor}"

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0].strip()

    @property
    def family(self) -> str:
        return FAMILIES[family_prefix(self.code)][0]

    @property
    def group(self) -> str:
        return FAMILIES[family_prefix(self.code)][1]

    @property
    def explanation(self) -> str:
        """The docstring without its summary line: explanation and examples."""
        return "\n".join(self.doc.strip().splitlines()[1:]).strip()

    @property
    def description(self) -> str:
        """The explanation alone, before the examples."""
        return self.explanation.split(ANTI_PATTERN, 1)[0].strip()

    @property
    def anti_pattern(self) -> str:
        """The failing example, dedented."""
        return _example(self.explanation.split(ANTI_PATTERN, 1)[1].split(BEST_PRACTICE, 1)[0])

    @property
    def best_practice(self) -> str:
        """The passing example, dedented."""
        return _example(self.explanation.split(BEST_PRACTICE, 1)[1])


def _example(block: str) -> str:
    return textwrap.dedent(block.strip("\n")).strip()


def _rule_from(module: ModuleType) -> Rule:
    code = module.CODE
    if not _CODE.match(code) or family_prefix(code) not in FAMILIES:
        raise TypeError(f"{module.__name__}: CODE {code!r} is not a family prefix and a number")
    reads = module.READS
    if reads not in (READS_PACK, READS_MODERNGOV, READS_FILE) and reads not in set(DocumentKind):
        raise TypeError(
            f"{module.__name__}: READS {reads!r} is not 'pack', 'moderngov', 'file' or a "
            "document kind"
        )
    doc = module.__doc__ or ""
    if doc.find(ANTI_PATTERN) < 0 or doc.find(BEST_PRACTICE) < doc.find(ANTI_PATTERN):
        raise TypeError(f"{module.__name__}: docstring lacks **Anti-pattern** / **Best practice**")
    return Rule(
        code=code,
        name=module.NAME,
        severity=Severity(module.SEVERITY),
        reads=reads,
        check=module.check,
        doc=doc,
        module=module.__name__,
        preview=bool(getattr(module, "PREVIEW", False)),
    )


@cache
def all_rules() -> dict[str, Rule]:
    """Every rule, by code, in code order."""
    found: dict[str, Rule] = {}
    for info in pkgutil.iter_modules(__path__):
        if info.name.startswith("_"):
            continue
        rule = _rule_from(importlib.import_module(f"{__name__}.{info.name}"))
        if rule.code in found:
            raise TypeError(
                f"two rules claim {rule.code}: {found[rule.code].module}, {rule.module}"
            )
        found[rule.code] = rule
    return dict(sorted(found.items()))


def get(code: str) -> Rule:
    rules = all_rules()
    try:
        return rules[code.upper()]
    except KeyError:
        raise UnknownRule(code, "no such rule; `councildocs rules` lists them") from None


def resolve(reference: str) -> set[str]:
    """The codes a reference names: ``ALL``, a code, a code prefix, a rule name, a family or
    a group. Codes win over names; an unknown reference raises :class:`UnknownRule`."""
    rules = all_rules()
    ref = reference.strip()
    upper = ref.upper()
    if upper == "ALL":
        return set(rules)
    if upper in rules:
        return {upper}
    by_prefix = {code for code in rules if code.startswith(upper)}
    if by_prefix and upper.isalnum() and upper[:2].isalpha():
        return by_prefix
    lower = ref.lower()
    named = {code for code, rule in rules.items() if lower in (rule.name, rule.family, rule.group)}
    if named:
        return named
    raise UnknownRule(
        reference,
        f"names no rule (give a code like FIG001, a prefix like FIG, "
        f"a rule name, or a group: {', '.join(sorted({r.group for r in rules.values()}))})",
    )
