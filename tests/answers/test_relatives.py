"""A name followed by a family word asks of the relative an article describes so, not of the
person named; a relative no article describes is an honest "the sources don't say"; and a
Hangul name is read without the particle typed onto it ("청산이")."""

from __future__ import annotations

import pytest

from bot.answers.engine import Engine
from tests.conftest import engine_with_article

NEW = (
    "All of Us Are Dead: the orchard cut\n\n"
    "In the orchard cut, Dae-su’s grandmother, Yang Geum-ja (Kim Hae-sook), runs the apple farm "
    "behind the school.\n"
)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Engine:
    return engine_with_article(tmp_path_factory.mktemp("kin"), "905_orchard", NEW, "2026-10-06")


def test_a_relative_described_so_is_who_is_asked(fresh):
    frame = fresh.ask.frame("who plays dae-su's granny")
    (eid,) = frame.people
    assert fresh.store.entities[eid].name == "Yang Geum-ja"
    ans = fresh.answer("!ask who plays dae-su's granny")
    assert ans.ok and "Kim Hae-sook" in " ".join(line.text for line in ans.lines)


def test_asking_the_name_of_a_relative_described_so_gives_them(fresh):
    ans = fresh.answer("!ask what is dae-su's grandma called")
    assert ans.ok and any("Yang Geum-ja" in c.quote for c in ans.citations)


def test_a_relative_no_article_describes_is_not_the_person_named(fresh):
    ans = fresh.answer("!ask who plays dae-su's mom")
    assert not ans.ok
    assert "Dae-su" not in (ans.title or "")


def test_a_hangul_name_is_read_without_the_particle_typed_onto_it(engine):
    plain = engine.ask.find.named("청산 살아있어")
    assert plain and engine.ask.find.named("청산이 살아있어") == [("청산이", plain[0][1])]
    assert engine.ask.frame("청산이 살아있어").people == (plain[0][1],)
    assert engine.ask.find.named("온조는") == [("온조는", engine.ask.find.named("온조")[0][1])]
