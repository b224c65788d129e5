"""The answer engine: every command, spelling variants, unknowns, limits and citations."""

from __future__ import annotations

import json

import pytest

from bot.answers.engine import Engine
from bot.answers.replies.render import to_dict, to_json, to_text
from tests.conftest import collapse, engine_with_article

CAST_CASES = [
    ("!cast onjo", "Nam On-jo", "Park Ji-hu"),
    ("!cast On-jo", "Nam On-jo", "Park Ji-hu"),
    ("!cast ON JO", "Nam On-jo", "Park Ji-hu"),
    ("!cast 온조", "Nam On-jo", "Park Ji-hu"),
    ("!cast 남라", "Choi Nam-ra", "Cho Yi-hyun"),
    ("!cast Nam-ra", "Choi Nam-ra", "Cho Yi-hyun"),
    ("!cast Chung-san", "Lee Cheong-san", "Yoon Chan-young"),
    ("!cast cheong san", "Lee Cheong-san", "Yoon Chan-young"),
    ("!cast Cheon-San", "Lee Cheong-san", "Yoon Chan-young"),
    ("!cast Park Ji-hoo", "Park Ji-hu", "Nam On-jo"),
    ("!cast jihoo", "Park Ji-hu", "Nam On-jo"),
    ("!cast Yoon Chan-yeong", "Yoon Chan-young", "Lee Cheong-san"),
    ("!cast Lee Soo-hyuk", "Lee Su-hyeok", "Lomon"),
    ("!cast Hyo-rung", "Seo Hyo-ryung", "Kim Bo-yoon"),
    ("!cast hyoryung", "Seo Hyo-ryung", "Kim Bo-yoon"),
    ("!cast Lomon", "Lomon", "Lee Su-hyeok"),
    ("!cast Park Solomon", "Lomon", "Lee Su-hyeok"),
    ("!cast eunji", "Min Eun-ji", "Oh Hye-soo"),
    ("!cast gwi-nam", "Yoon Gwi-nam", "Yoo In-soo"),
    ("!CAST onjo", "Nam On-jo", "Park Ji-hu"),
    ("!cast Onjoo", "Nam On-jo", "Park Ji-hu"),
    ("!cast Cheongsna", "Lee Cheong-san", "Yoon Chan-young"),
]


@pytest.mark.parametrize(("message", "match", "other"), CAST_CASES, ids=[c[0] for c in CAST_CASES])
def test_cast_variants(engine, message, match, other):
    answer = engine.answer(message)
    assert answer.ok and answer.command == "cast" and answer.match == match
    assert other in answer.lines[0].text
    assert answer.citations


def test_cast_says_lomon_is_the_actor(engine):
    text = to_text(engine.answer("!cast Lomon"))
    assert "Lomon (also printed Park Solomon) plays Lee Su-hyeok" in text
    assert "Lee Su-hyeok plays" not in text


def test_cast_reports_return_with_citations(engine):
    answer = engine.answer("!cast onjo")
    assert "also printed Park Ji-hoo" in answer.lines[0].text
    assert any("returns" in line.text and "[" in line.text for line in answer.lines)


def test_new_cast_role_not_revealed(engine):
    answer = engine.answer("!cast Roh Yoon-seo")
    assert answer.ok and "role has not been revealed" in answer.lines[0].text


@pytest.mark.parametrize(
    ("role", "person"),
    [("director", "Lee Jae-kyoo"), ("writer", "Chun Sung-il"), ("webtoon author", "Joo Dong-geun")],
)
def test_cast_crew_roles(engine, role, person):
    answer = engine.answer(f"!cast {role}")
    assert answer.ok and answer.match == person and answer.citations


def test_cast_director_aliases(engine):
    for spelling in ("Lee JQ", "J.Q. Lee", "Lee Jal Q", "Lee Jae Gyu", "이재규"):
        assert engine.answer(f"!cast {spelling}").match == "Lee Jae-kyoo", spelling


def test_cast_table(engine):
    answer = engine.answer("!cast")
    assert answer.ok and len(answer.lines) >= 10
    assert any("Nam On-jo: Park Ji-hu" in line.text for line in answer.lines)


@pytest.mark.parametrize("query", ["Park", "Lee", "Yoon", "Kim"])
def test_did_you_mean_never_guesses(engine, query):
    answer = engine.answer(f"!cast {query}")
    assert not answer.ok and answer.match is None
    assert 1 <= len(answer.suggestions) <= 3
    assert "Did you mean" in answer.lines[0].text


def test_unknown_name(engine):
    answer = engine.answer("!cast xyzzy")
    assert not answer.ok and not answer.suggestions and "don't know" in answer.lines[0].text


def test_never_names_a_wrong_actor(engine, store):
    # Every answer that names an actor for a character agrees with the extracted pairs.
    truth = {(p.actor_id, p.character_id) for p in store.pairs}
    for e in store.entities.values():
        if e.kind != "character":
            continue
        answer = engine.answer(f"!cast {e.name}")
        for p in store.pairs:
            if p.character_id == e.id:
                assert store.entities[p.actor_id].name in answer.lines[0].text
        assert all((p.actor_id, p.character_id) in truth for p in store.pairs)


def test_status_digest(engine):
    answer = engine.answer("!status")
    text = to_text(answer)
    assert answer.ok and answer.command == "status"
    assert "As of 2024-04-09, 2 years 7 months old" in text
    renewal = next(line.text for line in answer.lines if line.text.startswith("**Renewal:**"))
    assert "Renewed" in renewal and "June 6, 2022" in renewal  # as its article prints it
    release = next(
        line.text for line in answer.lines if line.text.startswith("**Release window:**")
    )
    assert "No premiere date announced · 2024-04-09" in release
    trailer = next(line.text for line in answer.lines if line.text.startswith("**Trailer:**"))
    # a 2024 "no trailer yet" does not silently overturn the 2023 report of a teaser: the
    # newer state shows, disputed
    assert "No trailer yet" in trailer and "disputed, see `!status trailer`" in trailer
    for line in answer.lines[1:-1]:
        assert line.text.startswith("**") and "[" in line.text, line.text  # one cited line each
        assert "earlier:" not in line.text and "\n" not in line.text


def test_status_leads_with_a_newer_article(tmp_path):
    engine = engine_with_article(
        tmp_path,
        "900_premiere",
        "Netflix confirmed the premiere date: All of Us Are Dead season 2 will be released "
        "in October 2026.",
        "2026-09-01",
    )
    answer = engine.answer("!status")
    release = next(
        line.text for line in answer.lines if line.text.startswith("**Release window:**")
    )
    assert "October 2026" in release and "2026-09-01, est." in release
    assert "As of 2026-09-01" in answer.lines[0].text
    timeline = to_text(engine.answer("!status release"))
    assert timeline.index("October 2026") < timeline.index("No premiere date announced")


@pytest.mark.parametrize(
    ("query", "label", "needle"),
    [
        ("jonus", "The Jonus virus", "Jonus virus"),
        ("jonas", "The Jonus virus", "Jonus virus"),
        ("hamby", "Hybrids", "hambies"),
        ("hambie", "Hybrids", "hambies"),
        ("24khz", "The 24 kHz sound", "24KHz"),
        ("patient zero", "Patient zero", "Patient Zero"),
        ("immortal", "Immune and immortal", "immortal"),
    ],
)
def test_lore(engine, query, label, needle):
    answer = engine.answer(f"!lore {query}")
    assert answer.ok and answer.match.startswith(label)
    assert 1 <= len(answer.lines) <= 3 and len(answer.citations) == len(answer.lines)
    assert any(needle in line.text for line in answer.lines)


def test_lore_topics_and_unknown(engine):
    topics = engine.answer("!lore")
    assert topics.ok and any("jonus" in line.text for line in topics.lines)
    assert not engine.answer("!lore pizza").ok


@pytest.mark.parametrize(
    ("question", "match"),
    [
        ("when will season 2 come out", "Release window"),
        ("when is season 2 coming out??", "Release window"),
        ("who directed it", "Lee Jae-kyoo"),
        ("how many episodes", "Episodes"),
        ("is there a trailer", "Trailer"),
        ("has it been renewed", "Renewal"),
        ("has filming started", "Filming"),
        ("who plays nam-ra", "Choi Nam-ra"),
        ("is cheong san coming back", "Lee Cheong-san"),
        ("what is the 24khz sound", "The 24 kHz sound"),
    ],
)
def test_ask(engine, question, match):
    answer = engine.answer(f"!ask {question}")
    assert answer.ok and answer.command == "ask" and answer.match == match and answer.citations


def test_ask_does_not_know(engine):
    answer = engine.answer("!ask what is the capital of france")
    assert not answer.ok and not answer.citations and answer.suggestions


def test_sources_and_unknown_commands(engine):
    sources = engine.answer("!sources")
    assert sources.ok and len(sources.lines) == 5
    assert any("(estimated)" in line.text for line in sources.lines)
    # the printed date is not marked estimated; a shipped article says it came with the bot
    assert sources.lines[0].text.startswith("2024-04-09, shipped with the bot —")
    assert engine.answer("!jonus").match == "The Jonus virus"
    assert engine.answer("!onjo").match == "Nam On-jo"
    hint = engine.answer("!foo")
    assert not hint.ok and "!help" in hint.lines[0].text


def test_prefix_from_configuration(store):
    engine = Engine(store, prefix="?")
    assert engine.answer("?cast onjo").match == "Nam On-jo"
    assert "?help" in to_text(engine.answer("?"))  # `?help` itself: tests/test_console.py


HOSTILE = [
    "",
    "!",
    "!cast",
    "!cast @everyone",
    "!cast <@123> <@&456> @here",
    "!ask " + "a" * 5000,
    "!cast " + "x" * 5000,
    "!cast \u200b\u200bonjo\u202e",
    "!cast \x00\x07\x1b[31monjo",
    "!lore 🧟🧟🧟",
    "!ask '; DROP TABLE sentences; --",
    "!cast Robert'); DROP TABLE entities;--",
    "!ask **bold** __u__ `code` ||spoiler|| > quote",
    "!!!!",
    "!status extra words",
]


@pytest.mark.parametrize("message", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_gets_a_normal_reply(engine, message):
    answer = engine.answer(message)
    text = to_text(answer)
    assert text and len(text) <= 4096
    assert "@everyone" not in text and "@here" not in text
    assert "<@" not in text and "<@&" not in text
    assert "DROP TABLE" not in text or "DROP TABLE" not in text.upper().split("“")[0]


def test_zero_width_input_still_matches(engine):
    assert engine.answer("!cast \u200bon\u200bjo").match == "Nam On-jo"


def test_json_contract(engine):
    data = json.loads(to_json(engine.answer("!cast onjo")))
    assert set(data) == {"command", "ok", "match", "text", "citations", "suggestions", "lines"}
    assert data["command"] == "cast" and data["ok"] is True and data["match"] == "Nam On-jo"
    assert isinstance(data["text"], str) and len(data["text"]) <= 4096
    for c in data["citations"]:
        assert set(c) == {
            *("source", "title", "published", "estimated", "quote", "n", "spoiler"),
            *("url", "outlet"),  # empty for the shipped articles, which have no address
        }
        assert len(c["published"]) == 10 and isinstance(c["estimated"], bool)
    assert all(set(x) == {"text", "spoiler"} for x in data["lines"])
    fate = to_dict(engine.answer("!ask did cheongsan die"))
    assert any(x["spoiler"] for x in fate["lines"]) and any(c["spoiler"] for c in fate["citations"])
    release = to_dict(engine.answer("!ask when will season 2 come out"))
    assert not any(c["spoiler"] for c in release["citations"])
    nothing = to_dict(engine.answer("!cast xyzzy"))
    assert nothing["ok"] is False and nothing["match"] is None and nothing["citations"] == []


MESSAGES = [c[0] for c in CAST_CASES] + [
    "!status",
    "!cast",
    "!cast director",
    "!lore jonus",
    "!lore hamby",
    "!lore cure",
    "!lore hyosan",
    "!lore webtoon",
    "!lore sound",
    "!ask how many episodes",
    "!ask who wrote it",
    "!ask what happened to nam-ra",
    "!ask is there a cure",
    "!jonus",
    "!sources",
]


def test_every_citation_is_verbatim(engine, texts):
    seen = 0
    for message in MESSAGES:
        for c in engine.answer(message).citations:
            seen += 1
            assert collapse(c.quote) in texts[c.source], (message, c.quote)
    assert seen > 50


def test_replies_fit_discord_limits(engine):
    for message in MESSAGES:
        answer = engine.answer(message)
        assert len(to_text(answer)) <= 4096
        assert all(len(line.text) <= 1024 for line in answer.lines), message
