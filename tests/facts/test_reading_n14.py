"""Future-news round 14, kept after the round (graded 3 of 6 topics before its fixes), and the
mechanisms its misreadings showed: a wrap confirmed "the next day" is done on its date, a
report the article denies (and a headline naming it) starts nothing, "the final two episodes"
are no count, a clause about Season 1 counts Season 1's episodes, the day a release was
pushed back or announced is no premiere date, "no date yet" beside a restated window keeps
the window, and a sign-off is no lore fact."""

from __future__ import annotations

import pytest

from bot.facts.reading.article import read_alone
from bot.facts.reading.claims.numbers import episode_counts
from bot.facts.sources.manifest import Source
from bot.facts.text import Repairer
from tests.facts.test_claims import claims
from tests.facts.test_future_news import _lines, _run


@pytest.fixture(scope="module")
def n14(tmp_path_factory):
    return _run(tmp_path_factory.mktemp("n14fix"), "n14")


def test_n14_reads_the_topics_as_expected(n14):
    lines = _lines(n14[0])
    assert "Renewed, June 6, 2022" in lines["Renewal"]
    assert "Filming wrapped, in post-production, October 24, 2025 · 2025-11-04" in lines["Filming"]
    assert "Full trailer out, June 11, 2026 · 2026-07-07" in lines["Trailer"]
    assert "Premiered July 3, 2026 · 2026-07-07" in lines["Release window"]
    assert lines["Episodes"].startswith("**Episodes:** 8 episodes · 2026-04-16")
    assert not any("disputed" in line for line in lines.values())  # no "2 episodes" against 8
    back = lines["Back"]
    confirmed, _, denied = back.partition("; not back (denied):")
    for name in ("Nam On-jo", "Lee Cheong-san", "Yoon Gwi-nam", "Eun-ji", "Seo Hyo-ryung"):
        assert name in confirmed
    assert "Lee Na-yeon" in denied
    for new in (
        "Roh Yoon-seo (Han Yu-ri)",
        "Park Hae-on (Jeong Mi-rae)",
        "Ahn Tae-rim (Gu Seong-cheol)",
        "Lim Da-on (Oh Jae-kyung)",
    ):
        assert new in lines["New cast"]


def test_n14_changes_per_article(n14):
    art1, art2, art3, art4, art5 = n14[1]
    # the denied October report and the headline naming it start no shoot; Season 1's twelve
    # episodes are no Season 2 count
    assert not any(c.startswith("Filming") for c in art1)
    assert not any("12 episodes (2024-08-29)" in c for c in art1)
    assert any("Filming began, March 3, 2025" in c for c in art2)
    assert any("-> Expected: 2026 (2025-03-06)" in c for c in art2)
    assert any("wrapped, in post-production, October 24, 2025" in c for c in art3)
    assert not any(c.startswith("Release window") for c in art3)  # the window restated
    assert any("-> Premiere date: June 26, 2026" in c for c in art4)
    assert any("-> 8 episodes (2026-04-16)" in c for c in art4)
    assert any("-> Premiered July 3, 2026" in c for c in art5)
    assert not any("May 29" in c for step in n14[1] for c in step)  # the day of the delay


def test_n14_timelines_hold_no_misread_values(n14):
    engine = n14[0]
    release = "\n".join(line.text for line in engine.answer("!status release").lines)
    assert "May 29" not in release
    episodes = "\n".join(line.text for line in engine.answer("!status episodes").lines)
    assert "— 2 episodes" not in episodes and "— 12 episodes [" not in episodes
    filming = "\n".join(line.text for line in engine.answer("!status filming").lines)
    assert "expected to wrap" not in filming and "August 28, 2024" not in filming


def _article(lex, body: str, published: str, title: str = "Season 2 news"):
    src = Source(
        id="x",
        title=title,
        published=published,
        estimated=False,
        date_clue="",
        body=f"{title}\n\n{body}",
        sha256="",
    )
    return read_alone(src, Repairer([]), lex)


def _told(alone, topic: str) -> list[tuple[str, str, str]]:
    return [(c.state, c.modality, c.value) for c in alone.claims if c.topic == topic]


def test_a_wrap_confirmed_the_next_day_is_done_on_its_date(lex):
    got = claims(
        lex,
        "The next day the studio confirmed that the season 2 shoot was completed on May 3.",
        "2025-05-20",
    )
    assert got["filming"][:3] == ("wrapped", "confirmed", "May 3, 2025")
    # a bare "next" still points ahead
    assert claims(lex, "Filming on season 2 wraps next week.")["filming"][0] == "wrapped:planned"


def test_a_report_the_article_denies_starts_nothing(lex):
    body = (
        "On the 3rd, a morning show quoted an industry source as saying that the crew would "
        'start filming season 2 in May. A spokesperson told reporters on the 4th, "The '
        "filming schedule for season 2 has not been set yet. The report of a May start is "
        'not true."'
    )
    alone = _article(lex, body, "2025-02-05", "Netflix on Season 2 May Shoot Report")
    states = {state for state, _, _ in _told(alone, "filming")}
    assert states and states <= {"not_started"}


@pytest.mark.parametrize(
    "text",
    [
        "Studio Denies Season 2 May Filming Report",
        "Netflix comments on the season 2 shoot report on Monday.",
    ],
)
def test_a_topic_word_naming_a_report_is_no_event(lex, text):
    assert claims(lex, text).get("filming", ("not_started",))[0] == "not_started"


def test_a_part_of_the_run_is_no_count(lex):
    numbers = lex.claims["values"]["numbers"]
    comparison = lex.claims["values"]["comparison"]
    assert episode_counts("the season's final two episodes felt rushed", numbers, comparison) == []
    assert episode_counts("the first three episodes drag", numbers, comparison) == []
    assert episode_counts("All eight episodes were released at once.", numbers, comparison) == ["8"]


def test_a_clause_about_season_one_counts_its_episodes(lex):
    got = claims(lex, "The first season ran ten episodes; the episode count for season 2 is open.")
    assert got.get("episodes", ("none",))[0] == "none"
    # a count of the new season beside it stays
    got = claims(lex, "Season 2 has nine episodes, and the first season had ten episodes.")
    assert got["episodes"][2] == "9"


@pytest.mark.parametrize(
    "text",
    [
        "Netflix delayed the premiere of season 2 on May 2, citing extra sound work.",
        "The season 2 premiere date was announced on May 2.",
    ],
)
def test_the_day_of_an_act_on_the_release_is_no_premiere_date(lex, text):
    alone = _article(lex, text, "2026-06-01")
    assert not any(value == "May 2, 2026" for _, _, value in _told(alone, "release"))


def test_the_premiere_day_beside_an_act_stays(lex):
    text = "Season 2 will premiere on June 12, Netflix announced on May 2."
    assert _told(_article(lex, text, "2026-06-01"), "release") == [
        ("date", "confirmed", "June 12, 2026")
    ]
    # the claim read the delay's day; the day still ahead that the sentence gives is the news
    text = "Netflix delayed the season 2 premiere on May 2, and it now arrives on June 12."
    assert [v for _, _, v in _told(_article(lex, text, "2026-06-01"), "release")] == [
        "June 12, 2026"
    ]


def test_no_date_beside_a_restated_window_keeps_the_window(lex):
    body = (
        "There is still no premiere date for season 2. All signs point to 2027, the year "
        "Netflix named back in March."
    )
    assert _told(_article(lex, body, "2026-05-10"), "release") == [("window", "expected", "2027")]
    # a next sentence telling something else leaves the "not yet" alone
    other = "There is still no premiere date for season 2. The cast met fans in March."
    assert [s for s, _, _ in _told(_article(lex, other, "2026-05-10"), "release")] == ["none"]


def test_a_sign_off_is_no_lore_fact(lex):
    body = (
        "She signed off her post with a wave. Thank you, Hyosan. Long live Hyosan High! "
        "Hyosan forever. Hyosan High School is where the outbreak begins in the first episode."
    )
    alone = _article(lex, body, "2026-05-10")
    shown = {alone.sentences[sid - 1].display for sid, _, _ in alone.lore}
    assert shown == {"Hyosan High School is where the outbreak begins in the first episode."}
