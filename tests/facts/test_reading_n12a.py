"""Branch reading-n12a: an article is about the show when it names the title or enough of the
show's own people; the news of a later season, told as "the new installment" under a headline
about it, is that season's; production and casting news tells no story lore, and a sentence
about another season's ending is not the first season's."""

from __future__ import annotations

import pytest

from bot.facts.curated import load_entities, load_repairs
from bot.facts.reading.article import read_alone
from bot.facts.sources.ingest import IngestRefused, read_article
from bot.facts.sources.manifest import Source
from bot.facts.sources.show import is_about_show, show_names
from bot.paths import DATA
from tests.conftest import TODAY
from tests.facts.test_future_news import HERE, _lines, _run

NAMES = show_names(DATA / "entities.toml")
PEOPLE = load_entities(DATA / "entities.toml")
FILLER = " The rest of this post is the usual rambling about snacks and theories." * 12


def _alone(lex, body: str, title: str, published: str = "2026-11-05"):
    src = Source(
        id="x", title=title, published=published, estimated=False, date_clue="", body=body,
        sha256="",
    )  # fmt: skip
    return read_alone(src, load_repairs(DATA / "repairs.toml"), lex)


@pytest.mark.parametrize(
    "text",
    [
        "Season 2 roundup: Cheong-san is back, On-jo too, and Yoon Chan-young looks wrecked.",
        "Nam-ra and Su-hyeok share one shot, and Lomon said the rooftop scene took a week.",
    ],
)
def test_a_fan_piece_naming_the_shows_people_is_about_the_show(text):
    assert is_about_show(text, NAMES, PEOPLE)
    assert not is_about_show(text, NAMES)  # the title alone would refuse it


@pytest.mark.parametrize(
    "text",
    [
        "Park Ji-hu has a small part in the new season of Weak Hero as a quiet classmate.",
        "Lomon and Cho Yi-hyun star in a new romance series filming in Busan this spring.",
        "Yoon Chan-young plays a rookie detective in the thriller, opposite Kim Hye-soo.",
    ],
)
def test_another_series_naming_a_few_of_the_cast_is_not_about_the_show(text):
    assert not is_about_show(text, NAMES, PEOPLE)


def test_add_takes_a_roundup_without_the_title_and_refuses_another_show(tmp_path):
    got = read_article(str(HERE / "n12" / "03.txt"), published="2025-09-20", today=TODAY)
    assert "Cheong-san" in got.body
    other = tmp_path / "other.txt"
    other.write_text(
        "Weak Hero Class 2 review: a meaner sequel\n\nPark Ji-hu, who also appears in this "
        "season, has a small but memorable part as a classmate." + FILLER,
        encoding="utf-8",
    )
    with pytest.raises(IngestRefused, match="not about the show") as exc:
        read_article(str(other), published="2025-05-01", today=TODAY)
    assert "\n" not in str(exc.value) and "add an article about the show" in str(exc.value)


LATER = (
    "Netflix has renewed the series for a third season, eight months after the second season "
    "premiered on March 20. Director Lee Jae-kyoo will return for the new installment, which "
    "is expected to begin filming in the second half of 2027. Netflix did not say whether the "
    "new season would again drop all at once. The streamer's slate for 2027 will be shown in "
    "January.\n\nThe second season's eight episodes drew big numbers in their first week.\n"
)


def test_the_new_installment_under_a_later_seasons_headline_is_that_seasons(lex):
    alone = _alone(lex, LATER, "Netflix orders third season of the zombie drama")
    by = {(c.sentence_id, c.topic): c.season for c in alone.claims}
    text = {s.id: s.display for s in alone.sentences}
    filming = [sid for (sid, t) in by if t == "filming"]
    assert filming and all(by[(sid, "filming")] == 3 for sid in filming)
    assert "2027" in text[filming[0]]
    for (sid, topic), season in by.items():
        if text[sid].startswith(("Netflix did not say", "The streamer's slate")):
            assert season == 3, topic
        if "the second season premiered" in text[sid] and topic == "release":
            assert season == 2  # named by its number: still Season 2's premiere
        if text[sid].startswith("The second season's"):
            assert season == 2, topic


def test_a_sentence_on_after_season_2_news_stays_season_2(lex):
    body = (
        "Netflix said the series returned Friday with its second season. The seven-episode "
        "season, released Sept. 18, follows the survivors a year on.\n"
    )
    alone = _alone(lex, body, "Zombie drama tops the chart, gets third season", "2026-09-22")
    assert {c.season for c in alone.claims if c.topic == "release"} == {2}


def test_the_new_season_under_a_season_2_headline_stays_season_2(lex):
    body = "Lee Jae-kyoo will return for the new installment, expected to begin filming in 2027.\n"
    alone = _alone(lex, body, "What we know about the sequel", published="2026-01-05")
    assert [c.season for c in alone.claims if c.topic == "filming"] == [2]


@pytest.mark.parametrize(
    "text",
    [
        "Pre-production is under way in Paju, where crews are building a set for the quarantine "
        "camp.",
        "Seo plays Baek Yun-hee, the army virologist running tests inside the quarantine camp.",
        "Joining the cast is newcomer Seo Ji-wan, who takes the role of an army virologist at "
        "the quarantine camp.",
        "Yoon Chan-young will reprise his role as the student who appeared to die at Hyosan.",
    ],
)
def test_production_and_casting_news_tells_no_lore(lex, text):
    assert _alone(lex, text + "\n", "Season 2 news", "2025-03-11").lore == []


def test_a_role_in_brackets_leaves_the_story_lore(lex):
    text = "Park Ji-hu (who plays On-jo, the girl who escapes the outbreak) waves at the camera.\n"
    assert [t for _, t, _ in _alone(lex, text, "Season 2 news").lore] == ["outbreak"]


def test_another_seasons_ending_is_not_the_first_seasons(lex):
    later = "The second season ended with the virus spreading to a second school.\n"
    first = "The first season ended with the reveal that Nam-ra is a hybrid.\n"
    assert "ending" not in {t for _, t, _ in _alone(lex, later, "News").lore}
    assert "ending" in {t for _, t, _ in _alone(lex, first, "News").lore}


@pytest.fixture(scope="module")
def n12(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n12a"), "n12")


def test_n12_season_3_news_stays_out_of_season_2(n12):
    engine = n12[0]
    filming = " ".join(line.text for line in engine.answer("!status filming").lines)
    assert "2027" not in filming and "September 6, 2025" in filming
    release = " ".join(line.text for line in engine.answer("!status release").lines)
    assert "new season would again" not in release and "slate for 2027" not in release
    assert "Premiered March 20, 2026" in _lines(engine)["Release window"]
    ask = [line.text for line in engine.answer("!ask when will season 3 start filming").lines]
    assert "second half of 2027" in ask[1] and "don't say" not in " ".join(ask)


def test_n12_lore_is_the_story(n12):
    engine = n12[0]
    outbreak = " ".join(line.text for line in engine.answer("!lore outbreak").lines)
    ending = " ".join(line.text for line in engine.answer("!lore ending").lines)
    assert "Paju" not in outbreak and "Baek Yun-hee" not in outbreak
    assert "second season ended" not in ending
