"""`!status`: a short digest, and `!status <topic>` timelines with fuzzy topic names."""

from __future__ import annotations

import re

import pytest

from bot.answers.commands.status import DIGEST_LIMIT, SUBCOMMANDS, Status
from bot.answers.replies.render import to_text
from bot.answers.types import Citer


def description(answer) -> str:
    return "\n".join(line.text for line in answer.lines)


def test_digest_fits_a_phone_screen(engine):
    answer = engine.answer("!status")
    assert len(description(answer)) <= DIGEST_LIMIT
    topics = [line for line in answer.lines if line.text.startswith("**")]
    labels = [line.text.split(":**")[0] for line in topics]
    assert len(labels) == len(set(labels))  # one line per topic, no nested lines
    assert all(not line.text.startswith(" ") for line in answer.lines)
    assert answer.lines[0].text.startswith("As of ") and " old " in answer.lines[0].text


@pytest.mark.parametrize(
    ("typed", "topic"),
    [
        ("trailer", "trailer"),
        ("trailers", "trailer"),
        ("Trailer", "trailer"),
        ("teaser", "trailer"),
        ("trai", "trailer"),
        ("filmin", "filming"),
        ("shooting", "filming"),
        ("premiere", "release"),
        ("release date", "release"),
        ("episode", "episodes"),
        ("eps", "episodes"),
        ("renewed", "renewal"),
        ("renewl", "renewal"),
        ("cast", "cast"),
        ("Release window", "release"),
    ],
)
def test_topic_names_are_fuzzy(engine, typed, topic):
    assert engine.status.topic_for(typed) == topic
    answer = engine.answer(f"!status {typed}")
    assert answer.ok and answer.title.startswith("Season 2 status: ")


@pytest.mark.parametrize("typed", [*SUBCOMMANDS, "subscibe", "unsubscribe #general", "xyzzy"])
def test_subcommand_words_are_not_topics(engine, typed):
    assert engine.status.topic_for(typed) is None
    answer = engine.answer(f"!status {typed}")
    assert not answer.ok and "!status" in to_text(answer)


def test_near_miss_of_a_subcommand_points_at_it(engine):
    assert "`!status subscribe`" in to_text(engine.answer("!status subscibe #news"))


def test_each_topic_has_its_own_timeline_newest_first(engine):
    seen = set()
    for topic in engine.status.topics():
        answer = engine.answer(f"!status {topic}")
        assert answer.ok and answer.match == engine.store.status_topics[topic].label
        text = description(answer)
        assert text not in seen
        seen.add(text)
        dates = re.findall(r"^• (\d{4}-\d{2}-\d{2})", text, re.M)
        assert dates and dates == sorted(dates, reverse=True)
        for line in answer.lines:
            if line.text.startswith("• "):
                assert re.search(r"\[\d+\]", line.text)  # every claim has its footnote


def test_a_newer_absence_disputes_an_older_event(engine):
    # "we don't even have a trailer" (2024) against "Netflix dropped the teaser" (2023): the
    # newer state leads, both sides shown
    text = to_text(engine.answer("!status trailer"))
    assert "**Now:** No trailer yet · 2024-04-09" in text
    assert "**Sources disagree:** No trailer yet (2024-04-09)" in text
    assert "vs Teaser out (2023-07-01, est.)" in text
    assert "— Teaser out [" in text  # the 2023 report stays in the timeline, dated


def test_expected_back_is_complete_or_counted(engine):
    status: Status = engine.status
    back, _ = status.cast.items()
    assert len(back) >= 5
    full = status.cast.short(Citer(engine.store), 10_000)[0].text
    assert all(name.split(" (")[0] in full for name, _ in back) and "more" not in full
    tight = status.cast.short(Citer(engine.store), 100)[0].text
    listed = tight.split(":** ")[1].split(" +")[0]
    shown = [n for group in listed.split("; ") for n in group.split(": ")[1].split(", ")]
    more = int(re.search(r"\+(\d+) more", tight).group(1))
    assert len(shown) + more == len(back)


def test_the_digest_words_each_return_as_cast_does(engine):
    """`!status` and `!cast` use one return stance: confirmed, expected or only speculated."""
    digest = next(x.text for x in engine.answer("!status").lines if x.text.startswith("**Back"))
    groups = dict(g.split(": ", 1) for g in digest.split(":** ", 1)[1].split(" [")[0].split("; "))
    words = {"confirmed": "(confirmed)", "expected": "expected", "only speculated": "speculated"}
    for stance, names in groups.items():
        for name in names.split(" +")[0].split(", "):
            card = to_text(engine.answer(f"!cast {name}")).splitlines()[2]
            assert words[stance] in card, (name, stance, card)


def test_cast_timeline_lists_everyone_expected_back(engine):
    text = to_text(engine.answer("!status cast"))
    for name, _ in engine.status.cast.items()[0]:
        assert name in text
