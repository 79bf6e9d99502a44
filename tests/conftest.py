"""Shared test fixtures: where the seed and the corpus live, skipping cleanly without them."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_93c56be8f999743d.txt"
CORPUS = SHARED / "corpus"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own cache folder."""
    monkeypatch.setenv("COUNCILDOCS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def _one_process_per_parse():
    """Parses in this process never fork the helper unless a test asks (test_parallel):
    whether a core is idle differs from run to run, and tests that measure a parse's
    memory or time must measure the same work each time."""
    from councildocs.parallel import HELPER

    HELPER.enable(False)
    yield
    HELPER.automatic()


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"../shared is not here ({relative}); CI always has it")
    return path


@pytest.fixture(scope="session")
def seed_pack():
    import councildocs

    if not SEED.exists():
        pytest.skip("../shared/seeds is not here; CI always has it")
    return councildocs.parse(SEED)


def corpus_pdfs() -> list[Path]:
    return sorted(CORPUS.rglob("*.pdf")) if CORPUS.exists() else []
