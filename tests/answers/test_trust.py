"""Trust rules that must hold for any article: an unseen one below is written for the test."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from bot.answers.evidence.status.digest import stance, status_digest
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead Season 3 Confirmed\n\n"
    "Netflix has confirmed a third season of All of Us Are Dead, and season 3 will premiere in "
    "March 2027. Writer: Kim Nam-su has written the third season. "
    "Park Ji-hu will be back as Nam On-jo in season 3, after Lee Na-yeon was left behind. "
    "Rumours say filming of season 3 has not begun, but nobody has confirmed it. "
    "The glowbane mutation lets a hybrid sleep for years because the virus slows her heart.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("fresh"), "900_season3", NEW, "2026-10-01")


def text(engine: Engine, message: str) -> str:
    answer = engine.answer(message)
    return "\n".join([to_text(answer), *(c.quote for c in answer.citations)])


def test_a_new_article_answers_the_season_it_names(fresh):
    assert "third season" in text(fresh, "!ask is a third season planned?")
    assert "March 2027" in text(fresh, "!ask when will season 3 premiere")
    assert "March 2027" not in text(fresh, "!ask when did the first season air")


def test_a_word_a_new_article_explains_is_lore(fresh):
    reply = text(fresh, "!lore glowbane")
    assert "glowbane" in reply and "Did you mean" not in reply
    assert "because the virus slows her heart" in text(
        fresh, "!ask why can a hybrid sleep for years"
    )


def test_a_role_printed_by_a_new_article_is_listed(fresh):
    reply = text(fresh, "!cast writer")
    assert "Kim Nam-su" in reply and "Chun Sung-il" in reply


def test_a_return_belongs_to_its_own_clause(fresh):
    store = fresh.store
    new = {sid for sid, s in store.sentences.items() if s.source_id == "900_season3"}
    back = {e for e, rows in store.returns.items() for sid, _, _ in rows if sid in new}
    assert "nam-on-jo" in back and "lee-na-yeon" not in back


def test_a_rumour_never_supports_not_started(fresh):
    rumour = ("rumour", "rumor", "buzz", "speculation")
    for ts in status_digest(fresh.store):
        if stance(ts.lead) != "no":
            continue
        for c in [ts.lead, *ts.agreeing]:
            quote = fresh.store.sentences[c.sentence_id].display.lower()
            assert not any(w in quote for w in rumour), (ts.topic, quote)


def test_hopes_are_not_expectations(engine, store):
    for c in store.claims.get("release", []):
        if c.value:
            assert "hopes of" not in store.sentences[c.sentence_id].display


def test_the_lead_is_the_most_explicit_plain_statement(engine, store):
    renewal = engine.ctx.topic("renewal")
    assert renewal is not None and not renewal.lead.hedged
    lead = store.sentences[renewal.lead.sentence_id].display.lower()
    assert any(w in lead for w in ("confirmed", "renewed", "official announcement"))
    assert renewal.lead.value  # the statement that prints the date decides, and is quoted


def test_status_through_ask_carries_the_as_of_line(engine):
    for q in (
        "when will season 2 come out",
        "has filming started",
        "is there a trailer",
        "has it been renewed",
        "how many episodes",
    ):
        assert "As of 2024-04-09" in to_text(engine.answer(f"!ask {q}")), q


def test_the_honest_answer_labels_what_is_nearby(engine):
    answer = engine.answer("!ask where was it shot?")
    assert not answer.ok and "don't say where" in answer.lines[0].text
    near = [line for line in answer.lines if "[" in line.text]
    assert len(near) <= 1 and all(line.text.startswith("Nearby, not an answer") for line in near)


def test_curated_roles_route_but_are_not_shown_as_cited(engine, store):
    printed = engine.cast.printed
    for e in store.entities.values():
        if e.kind != "crew":
            continue
        reply = to_text(engine.answer(f"!cast {e.name}"))
        for role in e.roles:
            if role not in printed.roles_of(e.id):
                assert f": {role} [" not in reply and f"; {role} [" not in reply, (e.name, role)
        for role in e.roles:  # ...yet every curated role still finds them
            assert e.name in to_text(engine.answer(f"!cast {role}")) or printed.who(role), role


def test_no_reply_quotes_a_sentence_opening_on_stray_punctuation(store):
    for s in store.sentences.values():
        assert s.quote[:1] not in "”’.,;:)]}–—-", s.quote
