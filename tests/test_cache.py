"""The cache: keyed by content and versions, path restored on a hit, never half-written."""

from __future__ import annotations

import shutil

import pytest

import councildocs
from councildocs.cache import CACHE_DIR_VARIABLE, PackCache, code_fingerprint, default_cache_dir
from councildocs.models import SCHEMA_VERSION

from .conftest import shared_file


@pytest.fixture()
def seed_copy(tmp_path):
    path = tmp_path / "pack.txt"
    shutil.copy(shared_file("seeds/000_93c56be8f999743d.txt"), path)
    return path


def test_round_trip_restores_the_callers_path(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    assert cache.get(seed_copy) is None
    pack = councildocs.parse(seed_copy)
    cache.put(pack.source.sha256, pack.model_dump_json())
    moved = tmp_path / "elsewhere" / "renamed.txt"
    moved.parent.mkdir()
    shutil.copy(seed_copy, moved)
    hit = cache.get(moved)
    assert hit is not None and hit.source.path == str(moved)
    assert hit.agenda.items[5].title == "Modern Slavery - Update Report"
    assert hit.model_dump(exclude={"source": {"path"}}) == pack.model_dump(
        exclude={"source": {"path"}}
    )


def test_changed_file_misses(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    pack = councildocs.parse(seed_copy)
    cache.put(pack.source.sha256, pack.model_dump_json())
    seed_copy.write_text(seed_copy.read_text() + "\nOne more line.\n")
    assert cache.get(seed_copy) is None


def test_key_holds_content_versions_and_code(tmp_path):
    cache = PackCache(tmp_path)
    entry = cache.entry("ab" * 32, "text")
    assert entry.name == "ab" * 32 + "-text.json"
    folder = entry.parent.parent.name
    assert folder == (
        f"councildocs-{councildocs.__version__}-schema-{SCHEMA_VERSION}-{code_fingerprint()}"
    )
    assert len(code_fingerprint()) == 12


def test_a_corrupt_entry_is_a_miss(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    pack = councildocs.parse(seed_copy)
    cache.put(pack.source.sha256, '{"schema_name": "councildocs.Pack"}')
    assert cache.get(seed_copy) is None


def test_missing_file_is_a_miss(tmp_path):
    assert PackCache(tmp_path).get(tmp_path / "nowhere.pdf") is None


def test_writes_leave_no_temporary_files(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    pack = councildocs.parse(seed_copy)
    for _ in range(2):
        cache.put(pack.source.sha256, pack.model_dump_json())
    files = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert files == [cache.entry(pack.source.sha256, "text")]


def test_default_folder_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv(CACHE_DIR_VARIABLE, str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    assert PackCache().root == tmp_path / "mine"
    monkeypatch.delenv(CACHE_DIR_VARIABLE)
    assert default_cache_dir().name == "councildocs"


def test_a_hit_is_the_stored_json_with_only_the_path_changed(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    pack = councildocs.parse(seed_copy)
    stored = pack.model_dump_json(by_alias=True)
    cache.put(pack.source.sha256, stored)
    # quotes, a backslash, a newline and non-ASCII: each must be written as pydantic would
    moved = tmp_path / 'Gwënt "draft" \\ copy\nof pack.txt'
    shutil.copy(seed_copy, moved)
    text, source = cache.get_json(moved)
    assert source["path"] == str(moved) and source["page_count"] == pack.source.page_count
    pack.source.path = str(moved)
    assert text == pack.model_dump_json(by_alias=True)


def test_an_entry_without_a_source_path_is_a_miss(tmp_path, seed_copy):
    cache = PackCache(tmp_path / "cache")
    pack = councildocs.parse(seed_copy)
    cache.put(pack.source.sha256, '{"schema": "councildocs.Pack", "source": {"sha256": "ab"}}')
    assert cache.get_json(seed_copy) is None
