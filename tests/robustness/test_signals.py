"""An interrupted batch exits 130 (SIGINT) or 143 (SIGTERM), leaving no temporary file."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ..conftest import FIXTURES


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupted_batch_exit_code_and_no_temp_file(tmp_path, signum, code):
    inputs = tmp_path / "in"
    inputs.mkdir()
    for number in range(30):  # enough that the run is still going after the first file
        shutil.copy(FIXTURES / "programme_heading_pack.txt", inputs / f"p{number}.txt")
    out = tmp_path / "out"
    out.mkdir()
    command = [str(Path(sys.executable).parent / "councildocs"), "parse", str(inputs)]
    run = subprocess.Popen(
        [*command, "--no-cache", "-j", "1", "-o", str(out / "all.jsonl")],
        stderr=subprocess.PIPE,
        text=True,
    )
    assert run.stderr.readline().startswith("ok ")  # the batch is under way
    run.send_signal(signum)
    rest = run.stderr.read()
    assert run.wait(timeout=60) == code
    assert "stopped by" in rest.splitlines()[-1]
    assert list(out.iterdir()) == []  # neither the output nor its temporary file
