"""Regular expressions compiled once per installation, not once per process.

The ``regex`` module compiles a pattern in Python: the 350 patterns that the vocabulary,
the parsers and the rules define cost each process some 75 ms, a third of its start-up
and a twentieth of a long pack's serial parse. A compiled ``regex`` pattern pickles as its
compiled code (regex's own pickling), and loads from that in a twentieth of the time.

:func:`compiled` gives the pattern from the package's store of compiled patterns where
the store holds it, compiled from the same source with the same flags by the same
``regex`` release, and compiles it otherwise. So the store changes no result, only the
time: a pattern edited since the store was written, or a store from another release of
``regex``, is simply compiled. ``python -m councildocs.patterns`` writes the store (into
the package's ``__pycache__``, beside its bytecode and as trusted as that); ``make
install`` and ``make bench`` run it. Nothing writes it while parsing.
"""

from __future__ import annotations

import pickle
import pkgutil
from importlib import import_module
from pathlib import Path

import regex

_Key = tuple[str | bytes, int]


class PatternStore:
    """Compiled patterns by source and flags, read from ``path`` on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stored: dict[_Key, regex.Pattern] | None = None
        self._recorded: dict[_Key, regex.Pattern] | None = None

    def compiled(self, pattern: str | bytes, flags: int = 0) -> regex.Pattern:
        key = (pattern, int(flags))
        if self._stored is None:
            self._stored = self._read()
        found = self._stored.get(key)
        if found is None:
            found = regex.compile(pattern, flags)
        if self._recorded is not None:
            self._recorded[key] = found
        return found

    def record(self) -> None:
        """From now on keep every pattern asked for, for :meth:`write` (a process that
        compiles patterns from data as it runs must not: the record would only grow)."""
        self._recorded = {}

    def write(self) -> int:
        """Store the patterns recorded since :meth:`record`; returns how many."""
        if self._recorded is None:
            raise RuntimeError("record() the patterns before writing them")
        from .atomic import open_binary_atomically

        contents = {"release": _release(), "patterns": self._recorded}
        with open_binary_atomically(self.path) as out:
            pickle.dump(contents, out, protocol=pickle.HIGHEST_PROTOCOL)
        return len(self._recorded)

    def _read(self) -> dict[_Key, regex.Pattern]:
        try:
            with open(self.path, "rb") as stored:
                contents = pickle.load(stored)
            if contents["release"] == _release():
                return contents["patterns"]
        except Exception:  # none written yet, or damaged: compile as if there were none
            pass
        return {}


def _release() -> tuple[str, int]:
    # the compiled code is regex's own, and a pattern without a version flag is compiled
    # for the default version
    return regex.__version__, int(regex.DEFAULT_VERSION)


STORE = PatternStore(Path(__file__).parent / "__pycache__" / "compiled-patterns.pickle")


def compiled(pattern: str | bytes, flags: int = 0) -> regex.Pattern:
    """``regex.compile(pattern, flags)``, from the package's store where it holds it."""
    return STORE.compiled(pattern, flags)


def write_store() -> int:
    """Import every module of the package, and store every pattern they compile as they
    load; returns how many. Run in a fresh process (``python -m councildocs.patterns``):
    the modules loaded before it are not seen."""
    import councildocs

    STORE.record()
    for module in pkgutil.walk_packages(councildocs.__path__, "councildocs."):
        try:
            import_module(module.name)
        except ImportError:  # a module for an optional dependency that is not installed
            continue
    return STORE.write()


if __name__ == "__main__":
    from councildocs.patterns import write_store as write_the_package_store

    count = write_the_package_store()
    print(f"{count} compiled patterns stored")
