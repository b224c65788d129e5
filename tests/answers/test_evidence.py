"""`!ask` by evidence: the predicate, one scoring for every candidate, the honest decline,
two-part questions, follow-ups and `ask --explain` (mechanisms, not known messages)."""

from __future__ import annotations

import pytest

from bot.answers.reading.concepts import Concepts
from bot.answers.reading.frame import asks_itself, split_parts
from bot.answers.reading.question import normalise
from bot.answers.reading.recent import RecentFrames
from bot.answers.replies.explain import explain_text
from bot.answers.replies.render import to_text
from tests.conftest import engine_with_article


@pytest.fixture(scope="module")
def concepts(store):
    return Concepts(store.vocab)


@pytest.mark.parametrize(
    ("fan", "article"),
    [
        ("axed", "cancelled"),
        ("perished", "died"),
        ("kids", "students"),
        ("eps", "episodes"),
        ("villain", "antagonist"),
        ("premiered", "release"),
    ],
)
def test_a_fan_word_and_the_article_word_share_a_concept(concepts, fan, article):
    assert concepts.of_text(fan) == concepts.of_text(article) != frozenset()


def test_the_predicate_is_what_remains_besides_type_season_and_names(engine):
    frame = engine.ask.frame("when will season 2 come out")
    assert frame.question.atype == "when" and frame.question.season == 2
    assert frame.concepts == {"release"}
    frame = engine.ask.frame("did cheong-san perish in season 1")
    assert frame.people and frame.concepts == {"die"}


def test_a_question_with_no_predicate_keeps_the_routed_answer(engine):
    (trace,) = engine.ask.explain("who is jin-su")
    assert not trace.frame.concepts and "routed answer" in trace.reason


def test_a_candidate_covering_none_of_the_predicate_never_answers(engine):
    ans = engine.answer("!ask is season 2 gonna be nice and spooky tho")
    assert not ans.ok
    for trace in engine.ask.explain("is season 2 gonna be nice and spooky tho"):
        assert all(not s.accepted for s in trace.candidates if not s.covered)


QUESTIONS = [
    "is season 2 gonna be good",
    "how old is on-jo",
    "where was it shot",
    "what is the budget of season 2",
    "did the writers strike affect s2",
    "who is the principal of hyosan",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_the_nearby_line_is_never_a_sentence_the_scoring_accepts(engine, question):
    ans = engine.answer(f"!ask {question}")
    near = [ln.text for ln in ans.lines if ln.text.startswith("Nearby")]
    if ans.ok or not near:
        return
    (trace,) = engine.ask.explain(question)
    frame = trace.frame
    for sid, row in engine.store.sentences.items():
        if row.display[:60] in near[0]:
            assert not engine.ask.evidence.score_sentence(frame, sid).accepted


def test_a_status_word_alone_does_not_hand_the_question_to_a_timeline(engine):
    ans = engine.answer("!ask who is gonna be the villain in season 2")
    text = to_text(ans)
    assert "**Now:**" not in text and "Renewal" not in ans.title


def test_the_source_list_answers_questions_about_the_articles(engine):
    newest = max(engine.store.sources.values(), key=lambda s: (s.published, s.id))
    oldest = min(engine.store.sources.values(), key=lambda s: (s.published, s.id))
    assert newest.title in to_text(engine.answer("!ask which is the latest article you have"))
    assert oldest.title in to_text(engine.answer("!ask what's the oldest source"))


def test_a_new_article_changes_the_source_answer(tmp_path):
    body = "All of Us Are Dead season 2 will premiere on Netflix in 2031, Netflix said. " * 20
    eng = engine_with_article(tmp_path, "900_newest", body, "2031-01-01")
    assert "900_newest" in to_text(eng.answer("!ask whats the newest article u got"))


def test_two_part_messages_split_but_names_joined_by_and_do_not():
    assert split_parts("is dae-su back? and ha-ri?") == ["is dae-su back", "and ha-ri?"]
    assert split_parts("who made the virus and why") == ["who made the virus", "why"]
    assert split_parts("is there a romance between on-jo and cheong-san") == [
        "is there a romance between on-jo and cheong-san"
    ]


def test_a_tail_with_no_subject_or_question_of_its_own_stays_with_its_question(engine):
    vocab = engine.ctx.store.vocab
    alone = lambda p: asks_itself(normalise(p), vocab)  # noqa: E731
    assert split_parts("is the cure real? honestly?", alone) == ["is the cure real? honestly?"]
    assert split_parts("who wrote it? the exact name?", alone) == ["who wrote it? the exact name?"]
    assert split_parts("is it out? when is it on", alone) == ["is it out", "when is it on"]
    assert split_parts("is he back? and her?", alone) == ["is he back", "and her?"]
    # through the engine: a tag is no second part, so no second "don't know"
    text = to_text(engine.answer("!ask when will season 2 come out? agree?"))
    assert "agree?**" not in text.lower()


def test_two_parts_with_one_answer_print_it_once(engine):
    ctx = engine.ctx
    pair = next(p for p in ctx.store.pairs if p.character_id)
    actor, char = ctx.name(pair.actor_id), ctx.name(pair.character_id)
    ans = engine.answer(f"!ask who plays {char}? who plays {char} again?")
    once = to_text(engine.answer(f"!ask who plays {char}"))
    assert to_text(ans).count(actor) == once.count(actor)


def test_each_part_is_answered_and_one_article_is_one_footnote(engine):
    ans = engine.answer("!ask has filming started? and when will it come out")
    text = to_text(ans)
    assert "**Has filming started?**" in text and "when will it come out?**" in text.lower()
    by_source = {}
    for c in ans.citations:
        assert by_source.setdefault(c.source, c.n) == c.n


def test_a_follow_up_reuses_the_previous_frame_with_the_new_subject(engine):
    first = engine.answer("!ask is dae-su coming back")
    alone = engine.answer("!ask and ha-ri?")
    follow = engine.answer("!ask and ha-ri?", first.frame)
    assert follow.frame.asked == "is ha-ri coming back"
    assert follow.query == "/ask is ha-ri coming back"  # the Quotes button rebuilds it
    assert to_text(follow) == to_text(engine.answer("!ask is ha-ri coming back"))
    assert alone.query == "/ask and ha-ri?"


def test_why_after_a_question_asks_its_reason(engine):
    first = engine.answer("!ask did cheong-san die")
    assert engine.answer("!ask why?", first.frame).frame.asked == "why did cheong-san die"
    assert engine.answer("!ask what about him", first.frame).frame.asked == "did cheong-san die"


def test_recent_frames_forget_after_their_ttl():
    now = [0.0]
    recent = RecentFrames(ttl=300, clock=lambda: now[0])
    recent.put(("u", "c"), "frame")
    now[0] = 299
    assert recent.get(("u", "c")) == "frame" and recent.get(("u", "other")) is None
    now[0] = 301
    assert recent.get(("u", "c")) is None


def test_explain_shows_the_analysis_and_every_score_part(engine):
    text = explain_text(engine.ctx, engine.ask.evidence, engine.ask.explain("was season 2 axed"))
    for part in ("type:", "season:", "entities:", "predicate:", "axed->", "coverage", "decision:"):
        assert part in text


def test_a_common_concept_refines_but_is_never_required(engine):
    ev = engine.ask.evidence
    frame = engine.ask.frame("can zombies be cured")
    assert set(ev.keys(frame)) < frame.concepts  # "zombie" is in too many sentences to be key
    only_key = [
        sid
        for sid in engine.store.sentences
        if set(ev.keys(frame)) <= ev.sentence_concepts(sid)
        and not frame.concepts <= ev.sentence_concepts(sid)
        and engine.ctx.check.readable(sid)
    ]
    assert any(ev.score_sentence(frame, sid).accepted for sid in only_key)
