"""Saved ``councildocs parse`` output read back into Packs.

Three shapes, as ``parse`` writes them:

- ``.json`` holding one Pack (``parse pack.pdf -o pack.json``);
- ``.json`` holding an array (``parse packs/ --format json``);
- ``.jsonl``, one Pack per line (``parse packs/ > packs.jsonl``).

In the last two, a file ``parse`` could not read is a record ``{"path": ..., "error": ...}``
in its place: :func:`read_saved` yields it as a :class:`SavedFailure` marked ``from_parse``
so a caller can skip it with a note. A line that is neither a Pack nor such a record is a
:class:`SavedFailure` too (``from_parse`` False): one bad line never costs the others.

Saved output is UTF-8; a byte order mark (as Windows editors save it) is allowed. Bytes
that are not UTF-8, and JSON nested deeper than any Pack (a hostile file), are one
clean error naming the file or the line, never a traceback.
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import UnreadableInput
from .inputs import SAVED_SUFFIXES as SAVED_SUFFIXES  # re-exported: named here first
from .inputs import check_regular_file
from .inputs import is_saved as is_saved
from .models import Pack


@dataclass(frozen=True)
class SavedFailure:
    """An entry of a saved file that is not a Pack.

    ``where`` names the entry (``packs.jsonl:3``). ``from_parse``: the entry is the error
    record ``parse`` wrote for ``path``, a file it could not read; otherwise the entry
    itself is broken and ``problem`` says how.
    """

    where: str
    problem: str
    from_parse: bool
    path: str | None = None


def pack_from_json(data: str | bytes, name: str) -> Pack:
    """One Pack from its JSON text; :class:`UnreadableInput` naming ``name`` if it is not one."""
    if isinstance(data, bytes):
        data = _utf8(data, name)
    try:
        return Pack.model_validate_json(data)
    except ValidationError as exc:
        raise UnreadableInput(name, _not_a_pack(exc)) from None


def read_pack_json(path: str | Path) -> Pack:
    """The one Pack a ``.json`` file holds."""
    return pack_from_json(_read_bytes(path), str(path))


def read_saved(path: str | Path) -> Iterator[Pack | SavedFailure]:
    """Every entry of a saved file, in order: Packs, and failures in their place.

    A file that cannot be read at all (missing, not JSON) raises :class:`UnreadableInput`.
    A ``.jsonl`` file is read line by line, so an archive of any size streams.
    """
    name = str(path)
    if name.lower().endswith(".jsonl"):
        yield from _read_lines(path)
        return
    data = _read_bytes(path)
    if data.lstrip()[:1] != b"[":
        yield pack_from_json(data, name)
        return
    try:
        entries = json.loads(_utf8(data, name))
    except json.JSONDecodeError as exc:
        raise UnreadableInput(name, f"not JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise UnreadableInput(name, f"not councildocs parse output ({_TOO_DEEP})") from None
    if not isinstance(entries, list) or not entries:
        raise UnreadableInput(name, "not councildocs parse output (an empty array)")
    first = _entry(entries[0], f"{name}[1]")
    if isinstance(first, SavedFailure) and not first.from_parse:
        # an array whose first entry is no pack is some other JSON, not parse output
        raise UnreadableInput(name, f"not councildocs parse output (first entry: {first.problem})")
    yield first
    for number, entry in enumerate(entries[1:], start=2):
        yield _entry(entry, f"{name}[{number}]")


def _read_lines(path: str | Path) -> Iterator[Pack | SavedFailure]:
    name = str(path)
    check_regular_file(path)
    try:
        handle = open(path, "rb")
    except FileNotFoundError:
        raise UnreadableInput(name, "no such file") from None
    except OSError as exc:
        raise UnreadableInput(name, f"cannot read it ({exc.strerror})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            if number == 1:
                raw = raw.removeprefix(codecs.BOM_UTF8)
            if not raw.strip():
                continue
            where = f"{name}:{number}"
            try:
                line = _utf8(raw, where)
            except UnreadableInput as exc:
                yield SavedFailure(where, exc.problem, from_parse=False)
                continue
            yield _line(line, where)


def _line(line: str, where: str) -> Pack | SavedFailure:
    try:
        return Pack.model_validate_json(line)  # the common case, in pydantic's JSON mode
    except ValidationError as exc:
        invalid = exc
    try:
        entry = json.loads(line)
    except json.JSONDecodeError as exc:
        return SavedFailure(where, f"not JSON ({exc.msg})", from_parse=False)
    except RecursionError:
        return SavedFailure(where, f"not a Pack ({_TOO_DEEP})", from_parse=False)
    if _is_error_record(entry):
        return _entry(entry, where)
    return SavedFailure(where, _not_a_pack(invalid), from_parse=False)


def _entry(entry: Any, where: str) -> Pack | SavedFailure:
    if _is_error_record(entry):
        return SavedFailure(where, str(entry["error"]), from_parse=True, path=str(entry["path"]))
    try:
        return Pack.model_validate(entry)
    except ValidationError as exc:
        return SavedFailure(where, _not_a_pack(exc), from_parse=False)


def _is_error_record(entry: Any) -> bool:
    return isinstance(entry, dict) and set(entry) == {"path", "error"}


_TOO_DEEP = "JSON nested deeper than any Pack"


def _utf8(data: bytes, name: str) -> str:
    """Saved output's text: UTF-8, after a byte order mark if there is one."""
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = (
            f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); saved JSON is UTF-8"
        )
        raise UnreadableInput(name, problem) from None


def _read_bytes(path: str | Path) -> bytes:
    check_regular_file(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(str(path), "no such file") from None
    except OSError as exc:
        raise UnreadableInput(str(path), f"cannot read it ({exc.strerror})") from None


def _not_a_pack(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "top level"
    return f"not councildocs Pack JSON ({where}: {first['msg']})"
