"""Spoilers by content: a sentence that reveals a Season 1 fate is flagged at build time, and
every command hides it the same way; cast lists, release news and crew stay open."""

from __future__ import annotations

import pytest

from bot.facts.curated import load_lexicon
from bot.glue.embeds import answer_embed, quotes_embed
from bot.paths import DataPaths
from tests.conftest import TODAY, add_article, copy_corpus, load


@pytest.fixture(scope="module")
def rules():
    return load_lexicon(DataPaths().lexicon).spoilers


@pytest.mark.parametrize(
    ("text", "names_someone"),
    [
        ("He perished in the fire.", False),
        ("Nam-ra turned out to be a hybrid.", True),
        ("She is still alive after the bombing.", False),
        ("In the final scene the friends meet again.", False),
        ("Cheong-san was bitten by his rival.", True),
        # a hybrid is a twist even defined about no one; the bombing and the fire end Season 1
        ("Antibodies turn them into half zombies or 'hambies.'", False),
        ("The sound was used to lure them onto the rooftop and bomb them all together.", False),
        ("Quite a few zombies did not perish in the fire on the rooftop.", False),
    ],
)
def test_fates_are_spoilers(rules, text, names_someone):
    assert rules.is_spoiler(text, names_someone)


@pytest.mark.parametrize(
    ("text", "names_someone"),
    [
        ("The current list of actors includes Park Ji-hu as Nam On-jo.", True),
        ("Netflix has not announced a premiere date for season 2.", False),
        ("Lee Jae-kyoo directed the series and Chun Sung-il wrote it.", False),
        ("There is no cure for the virus other than death.", False),  # lore, about no one
        ("Season 2 would be about the survival of the undead.", False),
        ("Cho Yi-hyun is seen in the All of Us Are Dead season 2 video.", True),
        # set up in the first episode, not a twist
        ("Patient Zero was Lee Jin-su, the first human infected with the virus.", True),
    ],
)
def test_cast_release_crew_and_lore_are_not(rules, text, names_someone):
    assert not rules.is_spoiler(text, names_someone)


def test_flag_is_decided_at_build_time_from_the_words(tmp_path):
    paths = copy_corpus(tmp_path)
    add_article(
        paths,
        "900_fates",
        "Gwi-nam died in the fire, the article says. "
        "Netflix will release All of Us Are Dead season 2 in 2027. "
        "Park Ji-hu as Nam On-jo leads the cast.",
        "2026-01-01",
    )
    store = load(paths)
    mine = {s.display: s.spoiler for s in store.sentences.values() if s.source_id == "900_fates"}
    assert mine == {
        "Gwi-nam died in the fire, the article says.": True,
        "Netflix will release All of Us Are Dead season 2 in 2027.": False,
        "Park Ji-hu as Nam On-jo leads the cast.": False,
    }


QUERIES = [
    "!status",
    "!status cast",
    "!status trailer",
    "!cast Cheong-san",
    "!cast Nam-ra",
    "!cast Gwi-nam",
    "!lore ending",
    "!lore hybrids",
    "!lore immune",
    "!ask what happened to nam-ra",
    "!ask is cheong-san dead",
    "!ask who survived",
    "!ask how does season 1 end",
]


def test_no_fate_shows_unspoilered_in_any_command(engine, store):
    spoilers = [s.display[:50] for s in store.sentences.values() if s.spoiler]
    assert len(spoilers) > 10
    for q in QUERIES:
        answer = engine.answer(q)
        for line in answer.lines:
            if not line.spoiler:
                assert not any(s in line.text for s in spoilers), (q, line.text)
        embed = answer_embed(answer, spoilers=True)
        open_text = "".join(embed.description.split("||")[::2])
        assert not any(s in open_text for s in spoilers), q
        quotes = quotes_embed(answer, spoilers=True)
        for c in answer.citations:
            shown = [f.value for f in quotes.fields if c.quote[:40] in f.value]
            if c.spoiler and shown:
                assert all(f"||“{c.quote[:40]}" in v for v in shown), (q, c.quote)


def test_spoiler_lines_are_barred_only_while_spoilers_are_on(engine):
    answer = engine.answer("!lore ending")
    assert any(line.spoiler for line in answer.lines)
    assert "||" in answer_embed(answer, spoilers=True).description
    assert "||" not in answer_embed(answer, spoilers=False).description


def test_cast_lines_are_treated_alike(engine):
    # who returns is cast news: never hidden, whatever the cited sentences say
    for name in ("On-jo", "Su-hyeok", "Cheong-san", "Nam-ra"):
        for line in engine.answer(f"!cast {name}").lines:
            assert not line.spoiler, (name, line.text)
    digest = engine.answer("!status")
    assert not any(line.spoiler for line in digest.lines)


def test_scheduled_post_hides_what_commands_hide(store):
    from bot.answers.engine import Engine

    a = Engine(store, today=lambda: TODAY).status()
    b = Engine(store, today=lambda: TODAY).answer("!status")
    assert [(x.text, x.spoiler) for x in a.lines] == [(x.text, x.spoiler) for x in b.lines]
