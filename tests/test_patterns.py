"""The store of compiled patterns gives what compiling gives, and is used only where it
holds the same source, flags and regex release."""

from __future__ import annotations

import json
import pickle
import subprocess
import sys

import pytest
import regex

from councildocs.patterns import PatternStore

from .conftest import FIXTURES


def _store_of(tmp_path, patterns):
    store = PatternStore(tmp_path / "compiled-patterns.pickle")
    store.record()
    for pattern, flags in patterns:
        store.compiled(pattern, flags)
    assert store.write() == len(patterns)
    return store.path


def _refusing_to_compile(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError(f"compiled {args!r} instead of reading it from the store")

    monkeypatch.setattr(regex, "compile", refuse)


def test_a_stored_pattern_is_read_not_compiled(tmp_path, monkeypatch):
    path = _store_of(tmp_path, [(r"(?P<day>\d{1,2})\s+(\p{L}+)", 0), (r"cllr\.?", regex.I)])
    _refusing_to_compile(monkeypatch)
    store = PatternStore(path)
    date = store.compiled(r"(?P<day>\d{1,2})\s+(\p{L}+)")
    assert date.search("on 12 June 2018").groups() == ("12", "June")
    assert date.groupindex == {"day": 1}
    assert store.compiled(r"cllr\.?", regex.I).findall("CLLR. Smith and Cllr Jones") == [
        "CLLR.",
        "Cllr",
    ]


def test_a_pattern_the_store_lacks_is_compiled(tmp_path):
    path = _store_of(tmp_path, [(r"\d+", 0)])
    store = PatternStore(path)
    assert store.compiled(r"\d+", regex.I).flags & regex.I  # other flags: not the stored one
    assert store.compiled(r"[a-z]+").findall("ab 12 cd") == ["ab", "cd"]


def test_a_store_of_another_regex_release_is_not_used(tmp_path, monkeypatch):
    path = _store_of(tmp_path, [(r"\d+", 0)])
    with open(path, "rb") as stored:
        contents = pickle.load(stored)
    contents["release"] = ("2000.1.1", contents["release"][1])
    path.write_bytes(pickle.dumps(contents))
    compiles = []
    real = regex.compile
    monkeypatch.setattr(regex, "compile", lambda *a: compiles.append(a) or real(*a))
    assert PatternStore(path).compiled(r"\d+").findall("a 1 b 22") == ["1", "22"]
    assert compiles == [(r"\d+", 0)]


@pytest.mark.parametrize("contents", [b"", b"not a pickle", pickle.dumps(["a", "list"])])
def test_a_damaged_or_missing_store_leaves_every_pattern_to_be_compiled(tmp_path, contents):
    path = tmp_path / "compiled-patterns.pickle"
    path.write_bytes(contents)
    assert PatternStore(path).compiled(r"\w+").findall("two words") == ["two", "words"]
    assert PatternStore(tmp_path / "none.pickle").compiled(r"\w+").match("x")


def test_writing_needs_a_record_of_the_patterns(tmp_path):
    with pytest.raises(RuntimeError):
        PatternStore(tmp_path / "p.pickle").write()


_WRITE_THE_PACKAGE_STORE = """
import sys
from pathlib import Path
from councildocs import patterns
patterns.STORE.path = Path(sys.argv[1])
print(patterns.write_store())
"""

_IMPORT_EVERYTHING_COUNTING_COMPILES = """
import json, pkgutil, sys
from importlib import import_module
from pathlib import Path
import regex
from councildocs import patterns
patterns.STORE.path = Path(sys.argv[1])
compiles = []
real = regex.compile
regex.compile = lambda *args, **kwargs: compiles.append(repr(args[0])) or real(*args, **kwargs)
import councildocs
for module in pkgutil.walk_packages(councildocs.__path__, "councildocs."):
    import_module(module.name)
print(json.dumps(compiles))
"""


def _python(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_package_store_holds_every_pattern_the_modules_compile(tmp_path):
    store = tmp_path / "compiled-patterns.pickle"
    assert int(_python(_WRITE_THE_PACKAGE_STORE, str(store))) > 300
    # a fresh process reading that store compiles none of them as its modules load
    assert json.loads(_python(_IMPORT_EVERYTHING_COUNTING_COMPILES, str(store))) == []
    # and without a store, it compiles every one
    compiled_without = json.loads(
        _python(_IMPORT_EVERYTHING_COUNTING_COMPILES, str(tmp_path / "absent.pickle"))
    )
    assert len(compiled_without) > 300


def test_every_stored_pattern_finds_what_compiling_it_finds(tmp_path):
    store = tmp_path / "compiled-patterns.pickle"
    _python(_WRITE_THE_PACKAGE_STORE, str(store))
    with open(store, "rb") as stored:
        patterns = pickle.load(stored)["patterns"]
    text = (FIXTURES / "programme_heading_pack.txt").read_text(encoding="utf-8")
    for (source, flags), pattern in patterns.items():
        fresh = regex.compile(source, flags)
        assert (pattern.pattern, pattern.flags, pattern.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        sample = text if isinstance(source, str) else text.encode("utf-8")
        assert [m.span() for m in pattern.finditer(sample)] == [
            m.span() for m in fresh.finditer(sample)
        ], source
