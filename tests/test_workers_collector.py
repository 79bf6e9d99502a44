"""A worker process collects no garbage while it reads a file and collects the file's
garbage before its next one, which is safe because a parse leaves only a few objects in
reference cycles, however long its file."""

from __future__ import annotations

import gc
import weakref

import pypdfium2 as pdfium
import pytest

import councildocs
from councildocs.collector import PARSE_THRESHOLDS
from councildocs.parallel import HELPER
from councildocs.workers import default_limits, run_in_workers

from .conftest import FIXTURES


def _collector_state(_path: str):
    return gc.isenabled(), None, 0.0


def test_a_worker_collects_nothing_while_it_reads_a_file_and_the_caller_keeps_its_pace():
    before = gc.get_threshold(), gc.isenabled()
    results = list(run_in_workers(["a", "b"], _collector_state, jobs=2, limits=default_limits()))
    assert [value for _, (value, _, _) in results] == [False, False]
    assert (gc.get_threshold(), gc.isenabled()) == before


class _Knot:
    """An object in a reference cycle: only the cyclic collector frees it."""

    def __init__(self) -> None:
        self.myself = self


_LEFT_BY_THE_LAST_FILE: list[weakref.ref] = []


def _leave_a_knot(_path: str):
    """The worker's file: says whether the knot the previous file left is gone, and leaves
    one of its own."""
    gone = [ref() is None for ref in _LEFT_BY_THE_LAST_FILE]
    _LEFT_BY_THE_LAST_FILE[:] = [weakref.ref(_Knot())]
    return gone, None, 0.0


def test_a_worker_collects_what_a_file_left_in_cycles_before_its_next_file():
    results = list(run_in_workers(["a", "b", "c"], _leave_a_knot, jobs=1, limits=default_limits()))
    # one worker reads the three in turn: no knot before the first, each one gone after
    assert [value for _, (value, _, _) in results] == [[], [True], [True]]


def _pack_of(path, copies: int):
    out = pdfium.PdfDocument.new()
    for _ in range(copies):
        source = pdfium.PdfDocument(str(FIXTURES / "wolverhampton_pack.pdf"))
        out.import_pages(source)
        source.close()
    out.save(str(path))
    out.close()
    return path


def _objects_left_in_cycles(path) -> int:
    gc.collect()
    gc.disable()
    try:
        pack = councildocs.parse(path)
        pack.model_dump_json()
        del pack
        return gc.collect()
    finally:
        gc.enable()


@pytest.fixture(scope="module")
def short_and_long(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cycles")
    return _pack_of(folder / "one.pdf", 1), _pack_of(folder / "four.pdf", 4)


def test_a_parse_leaves_few_objects_in_cycles_whatever_its_length(short_and_long):
    """The premise of the slower pace: what a parse allocates is freed by reference counting,
    so four times the pages leave no more garbage for the collector than one."""
    short, long = short_and_long
    # the four copies are long enough for the helper process, which would take part of
    # the parse (and its garbage) out of this process whenever a core is idle
    HELPER.enable(False)
    try:
        _objects_left_in_cycles(short)  # first-time imports and schema building
        one, four = _objects_left_in_cycles(short), _objects_left_in_cycles(long)
    finally:
        HELPER.automatic()
    assert one < 1000
    assert four <= one + 100


@pytest.fixture
def own_pace():
    """A pace of the test's own for the collector, and CPython's back after the test."""
    before = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    yield (900, 11, 12)
    gc.set_threshold(*before)


def test_a_parse_slows_the_collector_and_gives_the_callers_pace_back(own_pace, monkeypatch):
    from councildocs import assembly

    seen = []
    real = assembly.assemble

    def recording(source):
        seen.append(gc.get_threshold())
        return real(source)

    monkeypatch.setattr(assembly, "assemble", recording)
    councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    assert seen == [PARSE_THRESHOLDS]
    assert gc.get_threshold() == own_pace


def test_a_parse_that_fails_gives_the_pace_back_too(own_pace, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnothing else")
    with pytest.raises(councildocs.CouncilDocsError):
        councildocs.parse(broken)
    assert gc.get_threshold() == own_pace


def test_parses_in_two_threads_share_the_slower_pace_until_the_last_ends(own_pace):
    from councildocs.collector import CollectorPace

    pace = CollectorPace()
    first, second = pace.slowed(), pace.slowed()
    first.__enter__()
    second.__enter__()
    first.__exit__(None, None, None)
    assert gc.get_threshold() == PARSE_THRESHOLDS  # the second still runs
    second.__exit__(None, None, None)
    assert gc.get_threshold() == own_pace


def test_a_pace_set_during_a_parse_is_kept(own_pace):
    from councildocs.collector import CollectorPace

    with CollectorPace().slowed():
        gc.set_threshold(5000, 5, 5)
    assert gc.get_threshold() == (5000, 5, 5)


def test_a_parse_frees_its_pages_before_the_callers_pace_comes_back(own_pace, monkeypatch):
    """The caller's first young collection, due as soon as its pace is back, traverses the
    Pack alone: the pages it was read from are gone by then."""
    import types

    from councildocs import collector
    from councildocs.extract import Page

    def pages_alive() -> int:  # other tests' pages too, which this parse cannot free
        return sum(isinstance(o, Page) for o in gc.get_objects())

    pages_alive_at_restore = []

    def set_threshold(*thresholds):
        if thresholds == own_pace:
            pages_alive_at_restore.append(pages_alive())
        gc.set_threshold(*thresholds)

    monkeypatch.setattr(
        collector,
        "gc",
        types.SimpleNamespace(get_threshold=gc.get_threshold, set_threshold=set_threshold),
    )
    before = pages_alive()
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    assert len(pack.documents) > 1
    assert len(pages_alive_at_restore) == 1
    assert pages_alive_at_restore[0] <= before  # none of the pack's 26
