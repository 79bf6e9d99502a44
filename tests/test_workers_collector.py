"""A worker process collects no garbage while it reads a file and collects the file's
garbage before its next one, and a parse hands its Pack back old, which is safe because a
parse that returns leaves nothing in reference cycles from a text layer, however long its
file."""

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


def test_a_parse_leaves_nothing_in_cycles_whatever_its_length(short_and_long):
    """The premise of the slower pace and of the old Pack: what a parse allocates is freed
    by reference counting (the buffers PDFium writes text into once left a ctypes array
    type in cycles per page, per rectangle and per bookmark)."""
    short, long = short_and_long
    # the four copies are long enough for the helper process, which would take part of
    # the parse (and its garbage) out of this process whenever a core is idle
    HELPER.enable(False)
    try:
        _objects_left_in_cycles(short)  # first-time imports and schema building
        one, four = _objects_left_in_cycles(short), _objects_left_in_cycles(long)
    finally:
        HELPER.automatic()
    assert (one, four) == (0, 0)


@pytest.mark.parametrize(
    "name", ["kent_cabinet_pack.pdf", "programme_heading_pack.txt", "west_of_england_report.txt"]
)
def test_other_papers_leave_nothing_in_cycles_either(name):
    _objects_left_in_cycles(FIXTURES / name)  # first-time reading of its kind
    assert _objects_left_in_cycles(FIXTURES / name) == 0


def test_a_parse_hands_its_pack_back_in_the_oldest_generation(own_pace):
    """So the caller's next young collection does not traverse it (collector._make_old)."""
    gc.collect()
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    document = pack.documents[1]
    assert not any(o is document for o in gc.get_objects(generation=0))
    assert any(o is document for o in gc.get_objects(generation=2))
    assert gc.get_freeze_count() == 0  # made old, not frozen: a full collection still sees it


def test_a_parse_leaves_objects_the_caller_froze_frozen(own_pace):
    gc.collect()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
        assert gc.get_freeze_count() == frozen
        assert any(
            o is pack.documents[1]
            for o in gc.get_objects(generation=0) + gc.get_objects(generation=1)
        )
    finally:
        gc.unfreeze()


def test_a_parse_that_fails_leaves_its_traceback_young(own_pace, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\nnothing else")
    gc.collect()
    with pytest.raises(councildocs.CouncilDocsError) as caught:
        councildocs.parse(broken)
    deepest = caught.value.__traceback__  # the raise's own entry, made before the parse ended
    while deepest.tb_next is not None:
        deepest = deepest.tb_next
    young = gc.get_objects(generation=0) + gc.get_objects(generation=1)
    assert any(o is deepest for o in young)


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
        types.SimpleNamespace(
            get_threshold=gc.get_threshold,
            set_threshold=set_threshold,
            isenabled=gc.isenabled,
            get_freeze_count=gc.get_freeze_count,
            freeze=gc.freeze,
            unfreeze=gc.unfreeze,
        ),
    )
    before = pages_alive()
    pack = councildocs.parse(FIXTURES / "wolverhampton_pack.pdf")
    assert len(pack.documents) > 1
    assert len(pages_alive_at_restore) == 1
    assert pages_alive_at_restore[0] <= before  # none of the pack's 26
