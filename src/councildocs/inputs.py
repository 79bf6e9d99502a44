"""Turning command-line arguments (files, folders, globs) into the list of files to read.

Folders are walked as ruff walks them: hidden folders and files (``.git``, ``.venv``),
virtual environments and package caches are skipped, and so is whatever the ``.gitignore``
files of the folder and its repository ignore. ``exclude`` patterns (``--exclude`` and the
``exclude`` setting) use the same syntax and apply to files found in folders and by globs.
A file named explicitly is always read: naming it says it is wanted.
"""

from __future__ import annotations

import atexit
import errno
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

READABLE_SUFFIXES = (".pdf", ".txt", ".json")

#: folders never walked into, besides hidden ones and any holding a ``pyvenv.cfg``
SKIPPED_FOLDERS = frozenset({"node_modules", "site-packages", "__pycache__", "__pypackages__"})

#: the argument that means standard input
STDIN = "-"

#: saved ``parse`` output: one Pack or an array (.json), one Pack per line (.jsonl)
SAVED_SUFFIXES = (".json", ".jsonl")


#: paths that name this process's standard input or an inherited pipe (``<(cmd)``): read
#: once, into memory, as ``-`` is, since a pipe cannot be read twice (hash, then parse)
PIPE_NAMES = re.compile(r"^/(?:dev/stdin|dev/fd/\d+|proc/self/fd/\d+)$")


def is_pipe_name(path: str | Path) -> bool:
    return bool(PIPE_NAMES.match(str(path)))


#: more than this on a pipe is no council paper (and ``< /dev/zero`` must end)
MAX_PIPED_BYTES = 1 << 30


def read_pipe(stream, name: str) -> bytes:
    """Everything on a pipe (standard input, ``<(cmd)``), read once, up to
    :data:`MAX_PIPED_BYTES`; :class:`~councildocs.errors.UnreadableInput` beyond."""
    from .errors import UnreadableInput

    chunks, total = [], 0
    while chunk := stream.read(1 << 20):
        total += len(chunk)
        if total > MAX_PIPED_BYTES:
            raise UnreadableInput(name, f"more than {MAX_PIPED_BYTES >> 30} GiB on the pipe")
        chunks.append(chunk)
    return b"".join(chunks)


def check_regular_file(path: str | Path) -> os.stat_result:
    """The file's status if it is a regular file (a symlink to one is fine); else
    :class:`~councildocs.errors.UnreadableInput` saying what it is.

    Asked before the file is opened: opening a FIFO waits for a writer, and a device
    (``/dev/zero``) reads without end, so either would hang a run instead of failing it.
    """
    from .errors import UnreadableInput

    name = str(path)
    try:
        status = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableInput(name, "a symlink loop (the link leads back to itself)") from None
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            if os.path.islink(path):
                raise UnreadableInput(
                    name, "a broken symlink (its target does not exist)"
                ) from None
            raise UnreadableInput(name, "no such file") from None
        raise UnreadableInput(name, f"cannot read the file ({exc.strerror})") from None
    if stat.S_ISREG(status.st_mode):
        return status
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableInput(name, "is a folder, not a file")
    raise UnreadableInput(name, f"not a regular file (it is {describe_file_type(status)})")


def describe_file_type(status: os.stat_result) -> str:
    mode = status.st_mode
    if stat.S_ISFIFO(mode):
        return "a FIFO or pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a plain file"


#: how far into a file a PDF reader looks for ``%PDF-`` (junk before it is tolerated)
PDF_HEADER_WINDOW = 1024


def looks_like_pdf(data: bytes, name: str = "") -> bool:
    """Whether a file's bytes are a PDF: ``%PDF-`` at the start, or within the first KiB as
    PDF readers allow (a mail gateway's prefix) unless the file is named ``.txt``, whose
    text may well quote ``%PDF-`` (an export of a page about PDFs)."""
    if data.lstrip()[:5] == b"%PDF-":
        return True
    return not name.lower().endswith(".txt") and b"%PDF-" in data[:PDF_HEADER_WINDOW]


def is_saved(path: str | Path) -> bool:
    """Whether a file is saved ``parse`` output, by its name (see :mod:`councildocs.saved`)."""
    return str(path).lower().endswith(SAVED_SUFFIXES)


def expand_paths(
    arguments: list[str],
    suffixes: tuple[str, ...] = READABLE_SUFFIXES,
    exclude: Sequence[IgnorePattern] = (),
) -> list[str]:
    """Files as given; folders walked for ``suffixes``; globs expanded; ``exclude`` left out.

    A named file that does not exist is passed through, so the reader reports it as missing
    rather than it vanishing silently from a batch. A web address (``https://...``) is
    downloaded first (:func:`download_to_temporary`).
    """
    found: list[str] = []
    for argument in arguments:
        path = Path(argument)
        if is_web_address(argument):
            found.append(download_to_temporary(argument))
        elif argument != STDIN and path.is_dir():
            found.extend(walk_folder(path, suffixes, exclude))
        elif glob.has_magic(argument):
            found.extend(
                match
                for match in sorted(glob.glob(argument, recursive=True))
                if not _inside_ignored(Path(match), exclude)
            )
        else:
            found.append(argument)
    seen: set[str] = set()
    return [p for p in found if not (p in seen or seen.add(p))]


def is_web_address(argument: str) -> bool:
    return argument.lower().startswith(("http://", "https://"))


def download_to_temporary(url: str) -> str:
    """The document at ``url`` in a temporary folder that is removed when the process ends,
    named for the address and ending .pdf or .txt as its content is. Raises
    :class:`~councildocs.moderngov.errors.ModernGovError` (one line: the address, the
    problem) for an error page, a timeout or a broken download."""
    from .moderngov.http import PoliteClient  # httpx, only when there is an address

    folder = Path(tempfile.mkdtemp(prefix="councildocs-download-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    name = re.sub(r"[^A-Za-z0-9.=_-]+", "_", url.split("://", 1)[1].split("/", 1)[-1])[-80:]
    with PoliteClient(min_interval=0) as client:
        download = client.download(url, folder / f"{name}.download")
    with open(download.path, "rb") as handle:
        is_pdf = looks_like_pdf(handle.read(PDF_HEADER_WINDOW))
    return str(download.path.rename(download.path.with_suffix(".pdf" if is_pdf else ".txt")))


def _inside_ignored(path: Path, patterns: Sequence[IgnorePattern]) -> bool:
    """Whether the path, or a folder it is in, is ignored: a glob reaches into folders."""
    if is_ignored(path, path.is_dir(), patterns):
        return True
    return any(is_ignored(folder, True, patterns) for folder in Path(os.path.abspath(path)).parents)


def configured_exclude(
    cli_patterns: Sequence[str], start: Path | None = None
) -> list[IgnorePattern]:
    """``--exclude`` patterns (relative to the current folder) after the settings file's
    ``exclude`` (relative to the file's folder), as one list."""
    from .config_file import find_config, read_table

    patterns: list[IgnorePattern] = []
    config = find_config(start)
    if config is not None:
        table = read_table(config) or {}
        configured = table.get("exclude", [])
        if not isinstance(configured, list) or not all(isinstance(p, str) for p in configured):
            from .config_file import ConfigError

            raise ConfigError(f"{config}: exclude: give a list of patterns")
        patterns += ignore_patterns(configured, config.parent)
    patterns += ignore_patterns(cli_patterns, start or Path.cwd())
    return patterns


# --- walking a folder ----------------------------------------------------------------------


def walk_folder(
    root: Path, suffixes: tuple[str, ...], exclude: Sequence[IgnorePattern] = ()
) -> list[str]:
    """The files under ``root`` with ``suffixes``, in sorted order, skipping what a repository
    keeps out of sight: hidden and tool folders, virtual environments, ``.gitignore``d paths."""
    inherited = [*exclude, *_repository_ignores(root)]
    found: list[str] = []
    ignores_below: dict[Path, list[IgnorePattern]] = {root: inherited}
    for folder, folders, files in os.walk(root):
        here = Path(folder)
        patterns = ignores_below.pop(here)
        if here != root:
            patterns = [*patterns, *_gitignore_of(here)]
        kept = []
        for name in sorted(folders):
            child = here / name
            if _is_kept_out_of_sight(child) or is_ignored(child, True, patterns):
                continue
            kept.append(name)
            ignores_below[child] = patterns
        folders[:] = kept  # os.walk descends into these only
        for name in sorted(files):
            file = here / name
            if (
                not name.startswith(".")
                and file.suffix.lower() in suffixes
                and not is_ignored(file, False, patterns)
            ):
                found.append(str(file))
    return sorted(found)


def _is_kept_out_of_sight(folder: Path) -> bool:
    name = folder.name
    return name.startswith(".") or name in SKIPPED_FOLDERS or (folder / "pyvenv.cfg").is_file()


def _repository_ignores(root: Path) -> list[IgnorePattern]:
    """The ``.gitignore`` patterns that reach ``root``: its own and those of the folders
    above it up to the repository's top (the folder holding ``.git``), outermost first."""
    folder = Path(os.path.abspath(root))
    chain = [folder]
    while not (folder / ".git").exists() and folder.parent != folder:
        folder = folder.parent
        chain.append(folder)
    if not (folder / ".git").exists():
        chain = chain[:1]  # not in a repository: the folder's own .gitignore only
    return [pattern for directory in reversed(chain) for pattern in _gitignore_of(directory)]


def _gitignore_of(folder: Path) -> list[IgnorePattern]:
    try:
        text = (folder / ".gitignore").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    return ignore_patterns(text.splitlines(), folder)


# --- .gitignore patterns -------------------------------------------------------------------


@dataclass(frozen=True)
class IgnorePattern:
    """One line of a ``.gitignore`` (or an ``--exclude``), relative to the folder ``base``."""

    base: Path
    regex: re.Pattern[str]
    negated: bool
    folders_only: bool


def ignore_patterns(lines: Iterable[str], base: Path) -> list[IgnorePattern]:
    """The patterns of ``.gitignore`` lines (git's syntax), relative to ``base``."""
    patterns = []
    base = Path(os.path.abspath(base))
    for line in lines:
        line = line.rstrip("\n")
        if not line.endswith("\\ "):
            line = line.rstrip(" ")
        if not line or line.startswith("#"):
            continue
        negated = line.startswith("!")
        if negated or line.startswith("\\!") or line.startswith("\\#"):
            line = line[1:]
        folders_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        body = _translate(line.lstrip("/"))
        prefix = "" if anchored else "(?:.*/)?"
        regex = re.compile(f"^{prefix}{body}$", re.DOTALL)
        patterns.append(IgnorePattern(base, regex, negated, folders_only))
    return patterns


def _translate(pattern: str) -> str:
    """A gitignore glob as a regex over a ``/``-separated relative path."""
    out = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("/**", i) and i + 3 == len(pattern):
            out.append("/.*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) != -1:
            inside = pattern[i + 1 : close]
            if inside.startswith("!"):
                inside = "^" + inside[1:]
            out.append(f"[{inside.replace(chr(92), chr(92) * 2)}]")
            i = close + 1
        elif pattern[i] == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


def is_ignored(path: Path, is_folder: bool, patterns: Sequence[IgnorePattern]) -> bool:
    """Whether the last pattern that matches ``path`` ignores it (``!`` ones re-include)."""
    absolute = Path(os.path.abspath(path))
    ignored = False
    for pattern in patterns:
        if pattern.folders_only and not is_folder:
            continue
        try:
            relative = absolute.relative_to(pattern.base).as_posix()
        except ValueError:
            continue  # a pattern of another folder
        if relative != "." and pattern.regex.match(relative):
            ignored = not pattern.negated
    return ignored
