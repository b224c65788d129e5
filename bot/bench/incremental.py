"""Build figures with the per-article cache (bot.facts.building.incremental): a cold build, a full
rebuild over a warm cache, and `add` of one article to N (duplicate check, rebuild)."""

from __future__ import annotations

import datetime as dt
import tempfile
import time
from pathlib import Path

from bot.facts.building.build import build
from bot.facts.sources.ingest import Article
from bot.facts.sources.library import add_source
from bot.paths import DataPaths


def _timed(fn) -> float:
    t = time.perf_counter()
    fn()
    return round(time.perf_counter() - t, 3)


def _numbered(paths: DataPaths) -> None:
    """Synthetic ids renamed the way `add` numbers articles ("1042_syn"), so an added article
    sorts after them as it does in a real library."""
    text = paths.manifest.read_text(encoding="utf-8")
    for p in sorted(paths.sources_dir.glob("syn_*.txt")):
        new = f"{1000 + int(p.stem[4:])}_syn"
        text = text.replace(f'id = "{p.stem}"', f'id = "{new}"')
        p.rename(p.with_name(f"{new}.txt"))
    paths.manifest.write_text(text, encoding="utf-8")


def incremental_figures(n: int) -> dict:
    """Seconds for: a build with an empty cache, a rebuild with the store deleted and the cache
    kept, and adding one more article (as `add` does it) to the N."""
    from bot.bench.synth import write_corpus

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), n + 1)
        _numbered(paths)
        text = paths.manifest.read_text(encoding="utf-8")
        cut = text.rindex("\n[[source]]")
        paths.manifest.write_text(text[:cut] + "\n", encoding="utf-8")
        last = sorted(paths.sources_dir.glob("*_syn.txt"))[-1]
        body = last.read_text(encoding="utf-8")
        last.unlink()
        cold = _timed(lambda: build(paths))
        paths.store.unlink()
        warm = _timed(lambda: build(paths))
        article = Article(
            "Synthetic update, one more", body, "2026-11-01", "estimated", "generated", "bench"
        )
        library = DataPaths.with_sources(
            paths.sources_dir, paths.manifest, paths.store, library=Path(tmp) / "instance"
        )
        add = _timed(lambda: add_source(library, article, dt.date(2026, 11, 2)))
        return {"articles": n, "cold_build_s": cold, "full_rebuild_s": warm, "add_one_s": add}
