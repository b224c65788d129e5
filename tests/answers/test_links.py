"""Yes/no questions that link two named things are answered from the cast, crew and alias
facts, yes or no first (questions generated from the store, not known messages)."""

from __future__ import annotations

from bot.answers.replies.render import to_text


def _first(engine, question: str) -> str:
    return engine.answer(f"!ask {question}").lines[0].text


def test_a_cast_pair_is_confirmed_and_a_wrong_one_denied(engine):
    ctx = engine.ctx
    pairs = [p for p in ctx.store.pairs if p.character_id][:6]
    assert len(pairs) >= 2
    for p, other in zip(pairs, pairs[1:] + pairs[:1], strict=True):
        actor, char = ctx.name(p.actor_id), ctx.name(p.character_id)
        assert _first(engine, f"is {actor} {char}?").startswith("Yes")
        if other.character_id != p.character_id and other.actor_id != p.actor_id:
            wrong = ctx.name(other.character_id)
            assert _first(engine, f"is {actor} playing {wrong}").startswith("No")


def test_a_printed_crew_role_is_confirmed_and_another_holder_named(engine):
    ctx, printed = engine.ctx, engine.cast.printed
    director = printed.who("director")
    assert director
    assert _first(engine, f"is {ctx.name(director[0])} the director?").startswith("Yes")
    others = [e for e in printed.who("writer") if e not in director]
    for eid in others:
        reply = _first(engine, f"is {ctx.name(eid)} the director?")
        assert reply.startswith("No") and ctx.name(director[0]) in reply


def test_two_printed_names_of_one_person_are_the_same_person(engine):
    ctx = engine.ctx
    checked = 0
    for p in ctx.store.pairs:
        actor = ctx.store.entities[p.actor_id]
        also = ctx.printed_variants(actor, [sid for sid, _ in p.evidence])
        for alias in also:
            ans = engine.answer(f"!ask is {alias} the same person as {ctx.name(actor.id)}")
            # "Yes" only when one sentence prints both; else what each name is credited with
            assert ans.lines[0].text.startswith(("Yes", "No article says")), to_text(ans)
            assert alias in to_text(ans) and ctx.name(actor.id) in to_text(ans)
            checked += 1
    assert checked


def test_a_link_question_that_asks_more_is_not_answered_by_the_link_alone(engine):
    ctx = engine.ctx
    p = next(p for p in ctx.store.pairs if p.character_id)
    q = f"is {ctx.name(p.actor_id)} coming back as {ctx.name(p.character_id)}"
    assert not _first(engine, q).startswith(("Yes:", "No:"))


def test_an_either_or_question_gets_the_facts_not_a_yes(engine):
    ctx, printed = engine.ctx, engine.cast.printed
    director = printed.who("director")[0]
    name = ctx.name(director)
    for q in (f"is {name} the director or the writer?", f"is {name} the writer or the director"):
        lines = [ln.text for ln in engine.answer(f"!ask {q}").lines]
        assert not any(t.startswith(("Yes", "No")) for t in lines)
        assert lines[0].startswith(name) and "director" in lines[0]
    assert _first(engine, f"is {name} the director or not").startswith("Yes")
