"""A long pack is read and parsed partly in a helper process (this one, forked); the result
must be the same as doing it all in one process, page for page, whatever the helper does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time

import pypdfium2 as pdfium
import pytest

import councildocs
from councildocs import parallel
from councildocs.batch import ParsedPack, run_batch
from councildocs.parallel import HELPER, PARALLEL_MIN_PAGES
from councildocs.workers import default_limits

from .conftest import FIXTURES


def _long_pack(path, pages):
    """Repeat the fixture packs until the file is long enough to be read in parallel."""
    out = pdfium.PdfDocument.new()
    sources = [FIXTURES / "wolverhampton_pack.pdf", FIXTURES / "kent_cabinet_pack.pdf"]
    while len(out) < pages:
        for source in sources:
            src = pdfium.PdfDocument(str(source))
            out.import_pages(src)
            src.close()
    out.save(str(path))
    out.close()
    return path


@pytest.fixture(scope="module")
def long_pack(tmp_path_factory):
    return _long_pack(tmp_path_factory.mktemp("long") / "long.pdf", PARALLEL_MIN_PAGES + 20)


@pytest.fixture
def helper_forced():
    """Set the helper on or off for one test; back to automatic after it."""

    def force(on: bool) -> None:
        HELPER.enable(on)

    yield force
    HELPER.automatic()


def _helpers_started(monkeypatch) -> list[str]:
    """The names of the functions each helper was started for, in this process."""
    started: list[str] = []
    real = parallel.Forked.__init__

    def counting(self, function, args):
        started.append(getattr(function, "func", function).__name__)  # a partial: its function
        real(self, function, args)

    monkeypatch.setattr(parallel.Forked, "__init__", counting)
    return started


def test_the_helper_gives_the_same_pack(long_pack, helper_forced, monkeypatch):
    helper_forced(False)
    serial = councildocs.parse(long_pack)
    helper_forced(True)
    started = _helpers_started(monkeypatch)
    helped = councildocs.parse(long_pack)
    assert started == ["_read_from_back", "_documents_from_back"]  # pages, then documents
    assert helped.source.page_count >= PARALLEL_MIN_PAGES
    assert helped.model_dump() == serial.model_dump()
    # three copies of the two fixtures (36 pages a round): three crime tables, and a
    # report in each copy after the Wolverhampton one's pages
    assert helped.source.page_count == 108
    crime_tables = [
        t for d in helped.documents for t in d.tables if t.header[:2] == ["Crime type", "2016-2017"]
    ]
    assert [t.page for t in crime_tables] == [22, 58, 94]


def _fails(*_args):
    raise RuntimeError("the helper's part went wrong")


def test_a_helper_that_fails_leaves_its_part_to_this_process(long_pack, helper_forced, monkeypatch):
    helper_forced(False)
    serial = councildocs.parse(long_pack)
    helper_forced(True)
    real = parallel.Forked.__init__
    monkeypatch.setattr(
        parallel.Forked, "__init__", lambda self, function, args: real(self, _fails, args)
    )
    assert councildocs.parse(long_pack).model_dump() == serial.model_dump()


def test_a_helper_killed_on_the_way_leaves_its_part_to_this_process(
    long_pack, helper_forced, monkeypatch
):
    helper_forced(False)
    serial = councildocs.parse(long_pack)
    helper_forced(True)
    real = parallel.Forked.__init__

    def killed(self, function, args):
        real(self, function, args)
        os.kill(self.pid, 9)

    monkeypatch.setattr(parallel.Forked, "__init__", killed)
    assert councildocs.parse(long_pack).model_dump() == serial.model_dump()


def test_a_helper_that_dies_after_some_results_leaves_its_part_to_this_process(
    long_pack, helper_forced, monkeypatch
):
    """The helper writes each result as it makes it: one that dies after writing some has
    not finished, and this process does all it took, not only the results it lacks."""
    helper_forced(False)
    serial = councildocs.parse(long_pack)
    helper_forced(True)
    real = parallel.Forked.__init__

    def dies_after_one(self, function, args):
        def first_then_dead(*call_args):
            yield next(iter(function(*call_args)))
            os._exit(1)

        real(self, first_then_dead, args)

    monkeypatch.setattr(parallel.Forked, "__init__", dies_after_one)
    assert councildocs.parse(long_pack).model_dump() == serial.model_dump()


def test_pages_the_helper_read_share_their_text_styles(long_pack, helper_forced):
    """Its pages come back through one pickler: a style is one object across them (the
    layout counts runs of a style by identity), as it is across the pages read here."""
    from councildocs.extract import load

    helper_forced(True)
    pages = load(long_pack, None).pages
    styles: dict = {}
    for page in pages:
        for line in page.lines:
            for span in line.spans:
                styles.setdefault(span.style, set()).add(id(span.style))
    assert max(len(objects) for objects in styles.values()) == 2  # this process's, the helper's


def test_the_helper_leaves_no_process_behind(long_pack, helper_forced):
    helper_forced(True)
    councildocs.parse(long_pack)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every helper was collected: no child is left


def test_automatic_uses_the_helper_only_with_an_idle_core(monkeypatch):
    HELPER.automatic()
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_a_core_is_idle", lambda: True)
    assert HELPER.available()
    monkeypatch.setattr(parallel, "_a_core_is_idle", lambda: False)
    assert not HELPER.available()  # the machine is busy: one process is faster
    monkeypatch.setattr(parallel, "_a_core_is_idle", lambda: True)
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 1)
    assert not HELPER.available()


def test_automatic_never_forks_beside_another_thread(monkeypatch):
    HELPER.automatic()
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_a_core_is_idle", lambda: True)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        # a fork copies only the calling thread: a lock the other holds would never open
        assert not HELPER.available()
    finally:
        stop.set()
        thread.join()
    assert HELPER.available()


def test_an_idle_core_is_read_from_the_processes_running_now(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    real_open = open

    def loadavg(running: int):
        status = tmp_path / f"loadavg{running}"
        # a busy last minute (1.97) must not count: this run's own earlier work is in it
        status.write_text(f"1.97 1.20 0.80 {running}/190 4242\n", encoding="ascii")
        return lambda path, *a, **k: real_open(status if path == "/proc/loadavg" else path, *a, **k)

    monkeypatch.setattr("builtins.open", loadavg(1))
    assert parallel._a_core_is_idle()  # only this process runs: the second core is free
    monkeypatch.setattr("builtins.open", loadavg(2))
    assert not parallel._a_core_is_idle()


def _cores_lent(_path: str) -> int:
    return HELPER._lent_cores


def test_a_batch_lends_a_lone_long_pack_s_worker_the_spare_cores(long_pack):
    """One file with two jobs: its worker may use the helper; with as many files as jobs,
    no worker is lent a second core."""
    lone = list(run_batch([str(long_pack)], _cores_lent, jobs=2, limits=default_limits()))
    assert [o.value for o in lone] == [2]
    pair = list(run_batch([str(long_pack)] * 2, _cores_lent, jobs=2, limits=default_limits()))
    assert [o.value for o in pair] == [1, 1]


def _lent_cores_as_a_pack(path: str, **_options) -> ParsedPack:
    return ParsedPack(compact=str(HELPER._lent_cores), pages=1)


def test_one_file_on_the_command_line_is_lent_the_cores_jobs_gives(long_pack, monkeypatch):
    from click.testing import CliRunner

    from councildocs import batch
    from councildocs.cli import main

    monkeypatch.setattr(batch, "parse_file", _lent_cores_as_a_pack)
    runner = CliRunner()
    lent = {}
    for jobs in ("1", "2", "3"):
        result = runner.invoke(main, ["parse", str(long_pack), "--no-cache", "--jobs", jobs])
        assert result.exit_code == 0, result.output
        lent[jobs] = result.output.strip()
    assert lent == {"1": "1", "2": "2", "3": "3"}  # --jobs 1 is the serial run


def test_automatic_keeps_to_one_process_off_linux(monkeypatch):
    HELPER.automatic()
    monkeypatch.setattr(parallel, "_usable_cores", lambda: 2)
    monkeypatch.setattr(parallel, "_a_core_is_idle", lambda: True)
    monkeypatch.setattr(parallel.sys, "platform", "darwin")
    assert not HELPER.available()  # macOS's libraries are not fork-safe: never by default
    HELPER.enable(True)
    assert HELPER.available() == ("fork" in parallel.multiprocessing.get_all_start_methods())
    monkeypatch.setattr(parallel.sys, "platform", "linux")
    HELPER.automatic()
    assert HELPER.available()


def test_a_parse_that_fails_stops_its_helper_at_once(long_pack, helper_forced, monkeypatch):
    """An error here (or a consumer that stops early) must not wait for the helper's part:
    the helper is killed, and reaped."""
    from councildocs.extract import pdf

    helper_forced(True)
    here = os.getpid()
    document_pages = councildocs.parse(long_pack).source.page_count
    real_read_page = pdf._read_page

    def slow_there_failing_here(document, index, looks):
        if os.getpid() != here and index == document_pages - 1:
            time.sleep(30)  # the helper: still at its first page when this process fails
        elif index >= 3:
            raise RuntimeError("this process failed on the way")
        return real_read_page(document, index, looks)

    statuses = []

    def reap(pid):
        _, status = os.waitpid(pid, 0)
        statuses.append(status)

    monkeypatch.setattr(pdf, "_read_page", slow_there_failing_here)
    monkeypatch.setattr(parallel, "_reap", reap)
    with pytest.raises(RuntimeError, match="failed on the way"):
        councildocs.parse(long_pack)
    assert len(statuses) == 1
    assert os.WIFSIGNALED(statuses[0]) and os.WTERMSIG(statuses[0]) == 9  # killed, not awaited


def test_a_consumer_that_stops_early_stops_the_helper(helper_forced, monkeypatch):
    """Helper.share is a generator: closed after its first result, the helper it started
    is killed and reaped, and nothing of it is left."""
    helper_forced(True)
    statuses = []

    def reap(pid):
        _, status = os.waitpid(pid, 0)
        statuses.append(status)

    def slow_from_back(ends):
        while (index := ends.from_back()) is not None:
            time.sleep(30)  # never done before it is stopped
            yield index

    monkeypatch.setattr(parallel, "_reap", reap)
    shared = HELPER.share(10, lambda index: index * 2, slow_from_back)
    assert next(shared) == (0, 0)
    shared.close()
    assert len(statuses) == 1 and os.WTERMSIG(statuses[0]) == 9
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def test_without_a_helper_every_index_is_done_here(helper_forced):
    helper_forced(False)
    assert list(HELPER.share(4, lambda index: index * 2, lambda ends: iter(()))) == [
        (0, 0),
        (1, 2),
        (2, 4),
        (3, 6),
    ]


_MODELS_BUILT_AT_EACH_FORK = """
import json, sys
import pydantic
from councildocs import models, parallel
from councildocs.parallel import HELPER

def unbuilt():
    return sorted(
        name for name, value in vars(models).items()
        if isinstance(value, type) and issubclass(value, pydantic.BaseModel)
        and value.__module__ == models.__name__ and not value.__pydantic_complete__
    )

at_fork = []
real = parallel.Forked.__init__

def recording(self, function, args):
    at_fork.append((getattr(function, "func", function).__name__, len(unbuilt())))
    real(self, function, args)

parallel.Forked.__init__ = recording
HELPER.enable(True)
import councildocs
before = len(unbuilt())
councildocs.parse(sys.argv[1])
print(json.dumps({"before": before, "at_fork": at_fork}))
"""


def test_the_documents_helper_is_forked_with_every_model_built(long_pack):
    # each model is built at its first use; built in the parent before the documents are
    # shared out, the helper does not build them all again (a fresh interpreter: this one
    # has built them long ago)
    result = subprocess.run(
        [sys.executable, "-c", _MODELS_BUILT_AT_EACH_FORK, str(long_pack)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(result.stdout)
    assert report["before"] > 40  # none is built by importing the models
    assert report["at_fork"] == [["_read_from_back", report["before"]], ["_documents_from_back", 0]]


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts descriptors in /proc")
def test_the_helper_leaves_no_descriptor_open(long_pack, helper_forced, monkeypatch):
    helper_forced(True)
    started = _helpers_started(monkeypatch)
    councildocs.parse(long_pack)  # the first parse opens what stays open (imports, logs)
    before = sorted(os.listdir("/proc/self/fd"))
    councildocs.parse(long_pack)
    assert started[-2:] == ["_read_from_back", "_documents_from_back"]
    assert sorted(os.listdir("/proc/self/fd")) == before


class _Sized:
    def __init__(self, lines: int) -> None:
        self.lines = [None] * lines


def test_documents_are_shared_out_largest_first_at_both_ends():
    """The two processes start on the largest documents and meet at the smallest, so the one
    that finishes first waits only a small document's time for the other."""
    from councildocs.assembly import _largest_at_both_ends

    sizes = [19, 161, 26, 188, 306, 81, 66, 37]
    order = _largest_at_both_ends([_Sized(n) for n in sizes])
    assert sorted(order) == list(range(len(sizes)))
    half = len(order) // 2
    from_front = [sizes[i] for i in order[:half]]  # this process, from the front
    from_back = [sizes[i] for i in reversed(order[half:])]  # the helper, from the back
    assert from_front == [306, 161, 66, 26]
    assert from_back == [188, 81, 37, 19]


def test_a_pack_does_not_depend_on_the_order_its_documents_are_parsed_in(monkeypatch):
    """The helper's documents arrive in the order they are done, not the pack's. A page two
    documents share keeps its lines until both are parsed, whichever comes first: here the
    crime table's page also ends the document before the table's (as a front sheet may end
    on the page where the next document starts), and the table is found either way."""
    from councildocs import assembly

    real_split = assembly.split

    def sharing_the_table_page(source, front, refs):
        segments = real_split(source, front, refs)
        k = next(
            k
            for k, segment in enumerate(segments)
            if any(line.text.startswith("Crime type") for line in segment.lines)
        )
        table_page = next(
            p for p in segments[k].pages if any("Crime type" in line.text for line in p.lines)
        )
        first_line = next(line for line in segments[k].lines if line.page == table_page.number)
        segments[k].lines.remove(first_line)
        segments[k - 1].lines.append(first_line)
        segments[k - 1].pages.append(table_page)
        return segments

    def backwards(source, segments):
        for index in reversed(range(len(segments))):
            yield index, assembly._document(source, segments[index])

    def crime_tables(pack):
        return [t.page for d in pack.documents for t in d.tables if t.header[:1] == ["Crime type"]]

    monkeypatch.setattr(assembly, "split", sharing_the_table_page)
    pack = FIXTURES / "wolverhampton_pack.pdf"
    in_order = councildocs.parse(pack)
    monkeypatch.setattr(assembly, "_parse_segments", backwards)
    reversed_order = councildocs.parse(pack)
    assert crime_tables(in_order) == crime_tables(reversed_order) == [22]
    assert reversed_order.model_dump() == in_order.model_dump()
