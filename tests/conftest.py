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
