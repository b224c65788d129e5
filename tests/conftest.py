"""Shared fixtures: the real store built once into a temp dir, and corpus helpers."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from bot.answers.engine import Engine
from bot.facts.store import FactStore, load_store
from bot.paths import DATA, DataPaths

TODAY = dt.date(2026, 11, 21)


def pytest_configure(config):
    # The owner's instance folder of a developer's checkout never leaks into a test.
    os.environ["HYOSAN_INSTANCE"] = tempfile.mkdtemp(prefix="hyosan-instance-")


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def source_texts() -> dict[str, str]:
    """Every shipped article, whitespace collapsed, by source id."""
    return {
        p.stem: collapse(p.read_text(encoding="utf-8")) for p in (DATA / "sources").glob("*.txt")
    }


def copy_corpus(root: Path) -> DataPaths:
    """A writable copy of the shipped sources and manifest; curated data stays shared."""
    src = root / "sources"
    shutil.copytree(DATA / "sources", src)
    manifest = root / "sources.toml"
    shutil.copy(DATA / "sources.toml", manifest)
    return DataPaths.with_sources(src, manifest, root / "facts.sqlite")


def add_article(
    paths: DataPaths, sid: str, body: str, published: str, title: str = "A new article"
) -> None:
    (paths.sources_dir / f"{sid}.txt").write_text(body, encoding="utf-8")
    with paths.manifest.open("a", encoding="utf-8") as f:
        f.write(
            f'\n[[source]]\nid = "{sid}"\ntitle = "{title}"\npublished = "{published}"\n'
            f'date_basis = "estimated"\ndate_clue = "written for a test"\n'
        )


def load(paths: DataPaths) -> FactStore:
    return asyncio.run(load_store(paths))


def engine_with_article(root: Path, sid: str, body: str, published: str) -> Engine:
    """An engine over the shipped articles plus one written for the test (a never-seen one)."""
    paths = copy_corpus(root)
    add_article(paths, sid, body, published)
    return Engine(load(paths), today=lambda: TODAY)


@pytest.fixture(scope="session")
def real_paths(tmp_path_factory) -> DataPaths:
    root = tmp_path_factory.mktemp("real")
    return DataPaths(store=root / "facts.sqlite")


@pytest.fixture(scope="session")
def store(real_paths) -> FactStore:
    return load(real_paths)


@pytest.fixture(scope="session")
def engine(store) -> Engine:
    return Engine(store, prefix="!", today=lambda: TODAY)


@pytest.fixture(scope="session")
def texts() -> dict[str, str]:
    return source_texts()
