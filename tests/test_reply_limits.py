"""Every reply fits Discord's limits as it would be sent, for every command, over the real
store and over a 1,000-article synthetic one: message text under 2,000 characters; embed title
256, description 4,096 (an answer's: one message's worth), field name 256 and value 1,024,
25 fields, footer 2,048, 6,000 in all. A cut is at a line boundary and says what it left out,
and never splits a footnote marker, a markdown link, inline code, bold or a spoiler bar."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.answers.engine import Engine
from bot.answers.replies.render import MESSAGE_LIMIT, clip, fit, to_text
from bot.console import reply, tree_commands
from bot.glue.embeds import answer_embed, quotes_embed
from tests.conftest import TODAY, load
from tests.test_fuzz import messages as fuzz_messages

BROKEN = re.compile(
    r"\[\d+(?![\d\]])"  # a footnote marker cut open: "[1"
    r"|\]\([^)\s]*$"  # a markdown link cut before its ")"
)


def intact(text: str) -> None:
    """No line of a reply holds half of a marker, link, code span, bold or spoiler bar."""
    for line in text.splitlines():
        assert not BROKEN.search(line), line
        for unit in ("**", "`", "||"):
            assert line.count(unit) % 2 == 0, (unit, line)


def within_limits(embed, answer_description: bool) -> None:
    assert len(embed.title or "") <= 256
    assert len(embed.description or "") <= (MESSAGE_LIMIT - 1 if answer_description else 4096)
    assert len(embed.fields) <= 25
    for f in embed.fields:
        assert len(f.name) <= 256 and 0 < len(f.value) <= 1024
        intact(f.value)
    assert len(embed.footer.text or "") <= 2048
    assert len(embed) <= 6000
    intact(embed.description or "")


def messages(engine: Engine, people: int) -> list[str]:
    """Every command with every kind of argument it takes (the first `people` names)."""
    store = engine.store
    names = [e.name for e in list(store.entities.values())[:people]]
    described = [d.text for d in store.described()[:people]]
    out = ["!cast", "!status", "!lore", "!sources", "!help", "!cast xyzzy", "!status pizza"]
    out += [f"!cast {n}" for n in [*names, *described, "the villain", "director", "Park"]]
    out += [f"!status {t}" for t in [*store.status_topics, "season 3", "season 9"]]
    out += [f"!status {n}" for n in names[:10]]
    out += [f"!lore {t}" for t in store.lore_topics]
    out += [f"!help {c.name}" for c in tree_commands()]
    out += [
        f"!ask {q}"
        for q in ("when will season 2 come out", "who is in season 2", "is cheong-san back")
    ]
    return out


def check_all(engine: Engine, people: int) -> int:
    """Check every reply as it would be sent; how many were long enough to be cut."""
    cut = 0
    for message in messages(engine, people):
        answer = reply(engine, message)  # as the console and Discord answer it, !help too
        text = to_text(answer)
        assert len(text) < MESSAGE_LIMIT, message
        intact(text)
        for spoilers in (True, False):
            within_limits(answer_embed(answer, spoilers, "Late post."), answer_description=True)
            within_limits(quotes_embed(answer, spoilers), answer_description=False)
        cut += "more" in text and len("\n".join(line.text for line in answer.lines)) > len(text)
    return cut


def test_every_reply_over_the_real_store_fits(engine):
    check_all(engine, people=len(engine.store.entities))


def test_status_cast_fits_one_message_and_keeps_who_is_back(engine):
    answer = engine.answer("!status cast")
    text = to_text(answer)
    assert len(text) < MESSAGE_LIMIT
    assert "**Back:**" in text and "**New cast:**" in text  # a trim would cut the list, not these
    description = answer_embed(answer).description
    assert len(description) < MESSAGE_LIMIT and "**Back:**" in description


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Engine:
    from bot.bench.synth import write_corpus

    paths = write_corpus(tmp_path_factory.mktemp("synthetic"), 1000)
    return Engine(load(paths), today=lambda: TODAY)


def test_every_reply_over_a_thousand_articles_fits(synthetic):
    assert len(synthetic.store.sources) > 1000
    assert check_all(synthetic, people=40) >= 3  # `!sources` and the long timelines were cut
    listing = to_text(synthetic.answer("!sources"))
    assert re.search(r"^…and \d+ more lines$", listing, re.M)


UNITS = st.sampled_from(
    ["[1]", "[12][3]", "**Back:**", "`!status`", "[link](https://x.y/z)", "“q”"]
)
WORDS = st.one_of(UNITS, st.text("abcdefg ", min_size=1, max_size=12))
LINES = st.builds(
    lambda bullet, words: bullet + " ".join(words),
    st.sampled_from(["", "• ", "[2] ", "||"]),
    st.lists(WORDS, min_size=1, max_size=60),
).map(lambda line: line + "||" if line.startswith("||") else line)


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(LINES, min_size=1, max_size=80), limit=st.integers(60, 2500))
def test_fit_keeps_whole_lines_within_the_limit(lines, limit):
    text = fit(lines, limit)
    assert len(text) <= limit
    clipped = {clip(line, limit) for line in lines}
    first = text.splitlines()[0]
    if first not in clipped and len(lines) > 1:  # only to make room for the count
        assert first.endswith("…") or first.endswith("…||")
        clipped.add(first)
    for line in text.splitlines():
        assert line in clipped or re.fullmatch(r"…and \d+ more( lines?)?", line), line
    for line in clipped:
        if line.endswith("…") or line.endswith("…||"):
            intact(line)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(message=fuzz_messages)
def test_any_message_is_sent_within_the_limits(engine, message):
    answer = engine.answer(message)
    text = to_text(answer)
    assert len(text) < MESSAGE_LIMIT
    intact(text)
    within_limits(answer_embed(answer), answer_description=True)
    within_limits(quotes_embed(answer), answer_description=False)
