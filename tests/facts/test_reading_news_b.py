"""Cast reading (news-b): a firm or reversing confirmation of a return, the newest explicit
word deciding between a confirmation and a denial; new cast whose role is given as a
description; the "What changed" lines such articles give. Sentences are made up."""

from __future__ import annotations

import pytest

from bot.answers.commands.changes import compare
from bot.answers.engine import Engine
from bot.facts.building.records import Sentence
from bot.facts.curated import load_entities
from bot.facts.reading.claims.returns import STATED, return_evidence, without_overturned
from bot.facts.reading.entities import EntityIndex
from bot.paths import DATA
from tests.conftest import TODAY, copy_corpus, load
from tests.facts.conftest import pairs


def _returns(lex, text: str) -> list[tuple[str, bool, int]]:
    index = EntityIndex(load_entities(DATA / "entities.toml"))
    s = Sentence(1, "x", 1, 0, len(text), text, text, "text", "", False)
    named = list(dict.fromkeys(e for _, _, e in index.spans(text)))
    return [(e, neg, hedged) for e, _, neg, hedged in return_evidence(s, named, index, lex)]


@pytest.mark.parametrize(
    "text",
    [
        "Lomon was confirmed to join the second season, contradicting a report from March.",
        "Park Ji-hu is officially back for the sequel.",
        "Cho Yi-hyun has signed on to return for the new season.",
        "Yoon Chan-young will return after all, the studio said.",
        "Ha Seung-ri will be back, reversing what her agency said in the spring.",
        "Im Jae-hyuk was confirmed to be back for season 2, overturning the rumoured exit.",
    ],
)
def test_a_firm_or_reversing_confirmation_is_a_stated_return(lex, text):
    got = _returns(lex, text)
    assert got and all(not neg and hedged == STATED for _, neg, hedged in got)


def test_a_firm_denial_stays_a_denial(lex):
    got = _returns(lex, "Kim Bo-yoon will not return after all, her agency said.")
    assert got and all(neg for _, neg, _ in got)


def test_the_news_turned_back_is_cut_from_its_clause(lex):
    kept, turned = without_overturned("X is back, reversing the denial from May. Then Y.", lex)
    assert turned and "denial" not in kept and kept.endswith(". Then Y.")
    assert without_overturned("X is back for season 2.", lex) == ("X is back for season 2.", False)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Seo Min-jae joins as a combat medic.", "a combat medic"),
        ("Seo Min-jae has joined the second season as a night-shift guard.", "a night-shift guard"),
        (
            "Seo Min-jae was cast as the new homeroom teacher who replaces Mr. Lee.",
            "the new homeroom teacher",
        ),
        ("Seo Min-jae comes aboard as a journalist, the studio said.", "a journalist"),
        ("Seo Min-jae has been tapped to play a ferry captain.", "a ferry captain"),
        (
            "Seo Min-jae will play a retired firefighter stationed at the shelter.",
            "a retired firefighter",
        ),
        ("Seo Min-jae rounds out the cast as a delivery driver.", "a delivery driver"),
    ],
)
def test_a_role_given_as_a_description_is_kept(collector, text, role):
    assert pairs(collector, text) == {("Seo Min-jae", role, True)}


@pytest.mark.parametrize(
    "text",
    [
        "Seo Min-jae joins in an undisclosed role.",
        "Seo Min-jae has joined the cast in a secret role.",
        "Seo Min-jae was cast as a new character.",
    ],
)
def test_a_role_kept_secret_is_not_revealed(collector, text):
    assert pairs(collector, text) == {("Seo Min-jae", None, True)}


def test_a_named_role_still_pairs_with_its_name(collector):
    got = pairs(collector, "Seo Min-jae joins the cast as the nurse Gong Ye-rin.")
    assert got == {("Seo Min-jae", "Gong Ye-rin", True)}


def test_joining_a_season_names_no_role(collector):
    assert pairs(collector, "Seo Min-jae joins in the new season.") == set()


def test_a_list_of_returns_still_pairs_in_order(collector):
    got = pairs(collector, "Ha Seung-ri and Lomon return as Jang Ha-ri and Lee Su-hyeok.")
    assert got == {("Ha Seung-ri", "Jang Ha-ri", False), ("Lomon", "Lee Su-hyeok", False)}


_FILLER = (
    "The zombie drama, set at a high school in the city of Hyosan, was one of the most watched "
    "non-English series on the service in its first weeks. Fans have followed every update on "
    "social media since the first season ended, and the writers have said the story will go "
    "beyond the school walls. The webtoon it adapts remains the source of the story. "
)
_ARTICLES = [
    (
        "2024-08-01",
        "Lomon's agency denied that he would come back for the second season of "
        "All of Us Are Dead. Seo Min-jae joins as a combat medic.",
    ),
    (
        "2025-02-01",
        "Lomon has signed on to return for the new season of All of Us Are Dead "
        "after all, reversing the earlier denial. Cho Yi-hyun is officially back as well.",
    ),
    (
        "2025-09-01",
        "Cho Yi-hyun will not return for the second season of All of Us Are Dead, "
        "her agency said, after all.",
    ),
]


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    paths = copy_corpus(tmp_path_factory.mktemp("newsb"))
    old = load(paths)
    changes = []
    for n, (date, text) in enumerate(_ARTICLES, 1):
        sid = f"95{n}_newsb"
        (paths.sources_dir / f"{sid}.txt").write_text(
            f"All of Us Are Dead season 2 cast update\n\n{text}\n\n{_FILLER}\n", encoding="utf-8"
        )
        with paths.manifest.open("a", encoding="utf-8") as f:
            f.write(
                f'\n[[source]]\nid = "{sid}"\ntitle = "Cast update {n}"\npublished = "{date}"\n'
                'date_basis = "printed"\ndate_clue = "printed in the article"\n'
            )
        new = load(paths)
        got = compare(old, new)
        changes.append(
            [f"{c.who}: {c.before} -> {c.after}" for c in got.returns]
            + [f"pair {p.actor_id}|{p.character_id}" for p in got.new_pairs]
        )
        old = new
    return Engine(old, prefix="!", today=lambda: TODAY), changes


def test_the_newest_explicit_word_decides_and_each_change_is_listed(run):
    engine, changes = run
    back = next(x.text for x in engine.answer("!status cast").lines if x.text.startswith("**Back"))
    confirmed = back.split("confirmed: ")[1].split(";")[0]
    assert "Lee Su-hyeok (Lomon)" in confirmed  # the newer confirmation beats the denial
    assert "Choi Nam-ra (Cho Yi-hyun)" in back.split("not back (denied): ")[1]  # and back again
    assert any("Lomon" in c and c.endswith("-> denied") for c in changes[0])
    assert any("combat medic" in c for c in changes[0])
    assert any("Lomon" in c and "denied -> confirmed" in c for c in changes[1])
    assert any("Cho Yi-hyun" in c and c.endswith("-> denied") for c in changes[2])
