"""Descriptions printed next to a name are extracted by sentence shape, at build time, and a
never-seen article's description is found after a rebuild with no code change."""

from __future__ import annotations

import pytest

from bot.facts.building.records import Sentence
from bot.facts.curated import EntityDef
from bot.facts.reading.descriptions import DescriptionCollector
from bot.facts.reading.entities import EntityIndex
from tests.conftest import engine_with_article

PEOPLE = [
    EntityDef(id="kim-da-eun", kind="character", name="Kim Da-eun"),
    EntityDef(id="park-so-ra", kind="character", name="Park So-ra"),
    EntityDef(id="lee-ji-ah", kind="actor", name="Lee Ji-ah"),
]


def described(text: str) -> set[tuple[str, str]]:
    index = EntityIndex(PEOPLE)
    collector = DescriptionCollector(index)
    s = Sentence(1, "src", 0, 0, len(text), text, text, "text", "", False)
    collector.collect(s, index.spans(text))
    return {(d.entity_id, d.text) for d in collector.result()}


@pytest.mark.parametrize(
    ("text", "who", "what"),
    [
        ("Kim Da-eun, the new school nurse, arrives.", "kim-da-eun", "the new school nurse"),
        (
            "Kim Da-eun (Lee Ji-ah), the new school nurse, arrives.",
            "kim-da-eun",
            "the new school nurse",
        ),
        ("Then Kim Da-eun (the class president) speaks.", "kim-da-eun", "the class president"),
        ("Lee Ji-ah, who plays the bully Kim Da-eun, spoke.", "kim-da-eun", "the bully"),
        (
            "Kim Da-eun is a student who hides in the gym.",
            "kim-da-eun",
            "a student who hides in the gym",
        ),
        ("Kim Da-eun was the first to turn.", "kim-da-eun", "the first to turn"),
        ("The new principal is Kim Da-eun.", "kim-da-eun", "The new principal"),
        ("We meet her sister, Kim Da-eun, in episode 3.", "kim-da-eun", "her sister"),
        (
            "Kim Da-eun, who was last seen on the roof, returns.",
            "kim-da-eun",
            "who was last seen on the roof",
        ),
        ("Kim Da-eun (Lee Ji-ah), the villain was believed dead.", "kim-da-eun", "the villain"),
    ],
)
def test_each_sentence_shape_gives_a_description(text, who, what):
    assert (who, what) in described(text)


@pytest.mark.parametrize(
    "text",
    [
        "Lee Ji-ah, who plays Kim Da-eun, spoke.",  # a cast pair, not a description
        "As Kim Da-eun, the rest of the cast includes the following performers:",
        "With the reveal that Kim Da-eun survived, season 2 begins.",
        "Kim Da-eun and Park So-ra are friends.",
        "When Kim Da-eun was a bit late, it rained.",
        "It was Kim Da-eun.",
    ],
)
def test_sentences_that_describe_no_one_give_nothing(text):
    assert described(text) == set()


def test_real_store_descriptions_are_printed_in_their_sentence(store):
    rows = store.described()
    assert rows
    for row in rows:
        assert row.text in store.sentences[row.sentence_id].display
        assert row in store.described(row.entity_id)
    assert any(r.text == "the villain character" for r in store.described("yoon-gwi-nam"))
    assert store.described("no-such-person") == []


def test_a_never_seen_article_describes_a_new_person_after_a_rebuild(tmp_path):
    body = (
        "A new face joins the show.\n\n"
        "Kim Da-eun (Lee Ji-ah), the new school nurse, arrives at Hyosan High in season 2.\n"
    )
    engine = engine_with_article(tmp_path, "900_nurse", body, "2025-01-02")
    assert ("character:kim-da-eun", "the new school nurse") in {
        (r.entity_id, r.text) for r in engine.store.described()
    }
    answer = engine.answer("!cast the school nurse")
    assert answer.ok and answer.match == "Kim Da-eun"
    assert "“the new school nurse”" in answer.lines[0].text
    assert any(c.source == "900_nurse" and "school nurse" in c.quote for c in answer.citations)
