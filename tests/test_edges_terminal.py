"""The README's batch commands, run as a user runs them: stderr a real terminal, stdout
redirected. Progress goes to the terminal; the data goes to the file or the pipe, always.

CliRunner is no terminal, so these start the installed command with its stderr on the
slave side of a pseudo-terminal (``pty.openpty``), as an interactive shell would.
"""

from __future__ import annotations

import json
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES, ROOT

PACKS = [FIXTURES / "wolverhampton_pack.pdf", FIXTURES / "kent_cabinet_pack.pdf"]


def installed_command() -> list[str]:
    """The ``councildocs`` script pip put beside this interpreter, as a user runs it."""
    script = shutil.which("councildocs", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip(f"no councildocs script beside {sys.executable}; install the package")
    return [script]


def user_environment(**extra: str) -> dict[str, str]:
    """The user's environment, with this checkout's source in front of the installed one."""
    return {**os.environ, "PYTHONPATH": str(ROOT / "src"), **extra}


def run_with_terminal_stderr(arguments: list[str], stdout, cwd: Path) -> tuple[int, str]:
    """Run ``councildocs`` with stderr on a pseudo-terminal: (exit code, what it showed)."""
    controller, terminal = pty.openpty()
    env = user_environment(TERM="xterm-256color", COLUMNS="100")
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [*installed_command(), *arguments],
        stdin=subprocess.DEVNULL,
        stdout=stdout,
        stderr=terminal,
        cwd=cwd,
        env=env,
    )
    os.close(terminal)
    shown = bytearray()
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal's last writer has gone
            break
        if not chunk:
            break
        shown += chunk
    os.close(controller)
    return process.wait(timeout=120), shown.decode("utf-8", "replace")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_json_lines_reach_the_redirected_file_not_the_terminal(tmp_path, jobs):
    out = tmp_path / "packs.jsonl"
    with out.open("wb") as handle:
        code, shown = run_with_terminal_stderr(
            ["parse", *map(str, PACKS), "--jobs", jobs, "--no-cache"], handle, tmp_path
        )
    assert code == 0, shown
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["path"] for line in lines] == list(map(str, PACKS))
    assert '"schema_name"' not in shown  # no JSON on the screen
    assert "parsed 2, failed 0" in shown  # the progress and summary did reach it


def test_summary_format_goes_down_the_pipe(tmp_path):
    # `| less` in the README: stdout is a pipe, stderr the terminal
    reader, writer = os.pipe()
    with os.fdopen(writer, "wb") as pipe_end:
        code, shown = run_with_terminal_stderr(
            ["parse", *map(str, PACKS), "--format", "summary", "--no-cache"], pipe_end, tmp_path
        )
    with os.fdopen(reader, "rb") as pipe:
        piped = pipe.read().decode("utf-8")
    assert code == 0, shown
    assert piped.startswith(f"{PACKS[0]} (26 pages)\n")
    assert "├── Agenda (7 items)" in piped
    assert "├── Agenda" not in shown
