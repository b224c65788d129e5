"""Footnotes number articles, not sentences: one footnote per article, in order of first use."""

from __future__ import annotations

import json
import re

import pytest

from bot.answers.replies.render import to_json, to_text
from bot.answers.types import Citer, common_prefix, short_label
from tests.conftest import collapse

QUERIES = [
    "!status",
    "!status trailer",
    "!status cast",
    "!cast On-jo",
    "!cast",
    "!cast director",
    "!lore jonus",
    "!lore ending",
    "!ask when will season 2 come out",
    "!ask who is in season 2",
    "!ask what happened to nam-ra",
]


@pytest.mark.parametrize("query", QUERIES)
def test_each_article_is_one_footnote_numbered_by_first_use(engine, query):
    answer = engine.answer(query)
    assert answer.citations, query
    # one footnote per article, and one article per footnote
    by_n: dict[int, set[str]] = {}
    for c in answer.citations:
        by_n.setdefault(c.n, set()).add(c.source)
    assert all(len(sources) == 1 for sources in by_n.values())
    sources = [c.source for c in answer.articles]
    assert len(sources) == len(set(sources)) == len(by_n)
    assert sorted(by_n) == list(range(1, len(by_n) + 1))
    # markers appear in the lines in the order the articles were first cited
    marks = re.findall(r"\[(\d+)\]", " ".join(line.text for line in answer.lines))
    first_use = list(dict.fromkeys(int(m) for m in marks))
    assert first_use == sorted(first_use) == list(range(1, len(by_n) + 1))
    # no article listed twice in the sources block
    text = to_text(answer)
    block = text.split("Sources", 1)[1]
    for src in sources:
        assert block.count(src) == 1


def test_one_marker_per_article_in_a_line(store):
    cite = Citer(store)
    same = [sid for sid, s in store.sentences.items() if s.source_id == "004_fc0cb16fffc47836"]
    other = next(sid for sid, s in store.sentences.items() if s.source_id != "004_fc0cb16fffc47836")
    assert cite.cite_all(same[:3]) == "[1]"
    assert cite.cite(same[5]) == "[1]"
    assert cite.cite(other) == "[2]"
    assert len(cite.citations) == 5  # every quote kept, under two footnotes
    assert [c.n for c in cite.citations] == [1, 1, 1, 1, 2]


def test_json_keeps_one_citation_per_quote_with_its_footnote(engine, texts):
    answer = engine.answer("!status")
    data = json.loads(to_json(answer))
    quotes = [(c["source"], c["quote"]) for c in data["citations"]]
    assert len(quotes) == len(set(quotes)) == len(answer.citations)
    assert len(quotes) > len(answer.articles)  # several quotes share a footnote
    for c in data["citations"]:
        assert collapse(c["quote"]) in texts[c["source"]]
        assert f"[{c['n']}]" in data["text"]


def test_labels_drop_the_shared_title_words_and_are_never_empty(store):
    titles = [s.title for s in store.sources.values()]
    prefix = common_prefix(titles)
    labels = [short_label(t, prefix) for t in titles]
    assert all(labels) and len(set(labels)) == len(labels)  # distinct, none a date alone
    shortened = [label for label, t in zip(labels, titles, strict=True) if label != t]
    assert shortened and all(not x.lower().startswith("all of us are dead") for x in shortened)
    # a title that is only the shared words keeps them: "[2] 2023-07-01 (est.)" says nothing
    assert short_label("All of Us Are Dead Season 2", prefix) == "All of Us Are Dead Season 2"


def test_common_prefix_needs_several_titles():
    assert common_prefix(["Only one title here"]) == []
    assert common_prefix(["Show: a", "Show: b", "Other c"]) == ["show"]
    assert short_label("Show: a rather long name", ["show"]) == "a rather long name"


def test_autocomplete_ranks_by_prefix_and_stops(engine):
    assert engine.complete_names("onj") == ["Nam On-jo"]
    assert engine.complete_names("On-j")[0] == "Nam On-jo"
    assert engine.complete_names("dir") == ["director"]
    assert engine.complete_names("zzq") == []
    nam = engine.complete_names("nam")
    assert {"Nam On-jo", "Choi Nam-ra"} <= set(nam) and len(nam) <= 6
    assert engine.complete_status("trai") == ["trailer"]
    assert engine.complete_lore("ham")[0] == "hybrid"
