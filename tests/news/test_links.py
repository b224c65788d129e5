"""Added articles keep their URL and outlet; answers link them, `!sources` lists them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from bot.answers.engine import Engine
from bot.answers.replies.render import to_text
from bot.facts.sources.ingest import read_article
from bot.facts.sources.library import add_source
from bot.glue.embeds import answer_embed
from bot.paths import DataPaths
from tests.conftest import TODAY, copy_corpus, load

PAGES = Path(__file__).parent.parent / "facts" / "pages"
URL = "https://news.example/aouad-s2-trailer(teaser)"


def test_a_linked_article_is_named_and_linked_in_answers_and_sources(tmp_path):
    base = copy_corpus(tmp_path)
    paths = DataPaths.with_sources(
        base.sources_dir, base.manifest, base.store, library=tmp_path / "instance"
    )
    article = read_article(
        str(PAGES / "trailer_article.html"), url=URL, outlet="Zombie Screen Weekly",
        today=dt.date(2026, 11, 22),
    )
    sid = add_source(paths, article, dt.date(2026, 11, 22)).source_id
    assert f'url = "{URL}"' in paths.library_manifest.read_text(encoding="utf-8")
    engine = Engine(load(paths), today=lambda: TODAY)
    answer = engine.answer("!status trailer")
    cited = next(c for c in answer.citations if c.source == sid)
    assert (cited.url, cited.outlet) == (URL, "Zombie Screen Weekly")
    assert URL in to_text(answer) and "· Zombie Screen Weekly" in to_text(answer)
    sources_field = answer_embed(answer).fields[0].value
    assert "[Zombie Screen Weekly](https://news.example/aouad-s2-trailer%28teaser%29)" in (
        sources_field
    )
    listing = to_text(engine.answer("!sources"))
    assert f"2026-09-30, added 2026-11-22 — {article.title} · Zombie Screen Weekly <{URL}>" in (
        listing
    )
