"""!status: a newer "not yet" disputes an older explicit event, conditionals never decide,
cast claims say whom they name, !sources says when each article was added."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.answers.engine import Engine
from bot.answers.evidence.status.conditions import is_conditional
from bot.answers.replies.render import to_text
from tests.conftest import TODAY, add_article, copy_corpus, load


def engine_with(root: Path, *articles: tuple[str, str], added: str = "") -> Engine:
    """The shipped articles plus never-seen ones, each (published, body), in order."""
    paths = copy_corpus(root)
    for i, (published, body) in enumerate(articles):
        add_article(paths, f"9{i}0_s10_{i}", body, published, title=f"Test article {i}")
    if added:
        with paths.manifest.open("a", encoding="utf-8") as f:
            f.write(f'added = "{added}"\n')
    return Engine(load(paths), prefix="!", today=lambda: TODAY)


def line(answer, start: str) -> str:
    return next(x.text for x in answer.lines if x.text.startswith(start))


# --- 1. disputes ----------------------------------------------------------------------------


def test_seed_trailer_is_disputed_in_the_digest_and_side_by_side(engine):
    digest = engine.answer("!status")
    trailer = line(digest, "**Trailer:**")
    assert trailer.startswith("**Trailer:** No trailer yet · 2024-04-09")
    assert trailer.endswith("(disputed, see `!status trailer`)")
    text = to_text(engine.answer("!status trailer"))
    assert "**Sources disagree:** No trailer yet (2024-04-09)" in text
    assert "Teaser out (2023-07-01, est.)" in text
    assert len(to_text(digest)) < 2000 and len(text) < 2000


def test_seed_digest_changes_only_the_trailer_line(engine):
    digest = engine.answer("!status")
    others = [x.text for x in digest.lines if "disputed" in x.text]
    assert len(others) == 1 and others[0].startswith("**Trailer:**")
    assert line(digest, "**Filming:**").startswith("**Filming:** Filming not started · 2023-07-01")
    assert "No premiere date announced · 2024-04-09" in line(digest, "**Release window:**")


def test_a_later_absence_disputes_an_earlier_firm_event(tmp_path):
    e = engine_with(
        tmp_path,
        ("2025-01-05", "Netflix officially confirmed that filming began in November 2024."),
        ("2025-06-01", "Filming for season 2 has not started yet, the director said."),
    )
    assert "(disputed, see `!status filming`)" in line(e.answer("!status"), "**Filming:**")
    text = to_text(e.answer("!status filming"))
    assert "**Sources disagree:** Filming not started (2025-06-01, est.)" in text
    assert "Filming began, November 2024 (2025-01-05, est.)" in text


def test_a_later_event_overturns_an_earlier_absence_without_dispute(tmp_path):
    e = engine_with(
        tmp_path,
        ("2025-01-05", "Netflix officially confirmed that filming began in November 2024."),
    )
    filming = line(e.answer("!status"), "**Filming:**")
    assert "Filming began, November 2024" in filming and "disputed" not in filming


@pytest.mark.parametrize(
    "later",
    [
        "There may not be a trailer for a while.",  # hedged: not as firm as the report
        "The teaser was pulled and there is no trailer now.",  # a setback is news
    ],
)
def test_no_dispute_without_comparable_weight(tmp_path, later):
    e = engine_with(
        tmp_path,
        ("2025-02-01", "Netflix released the official teaser for season 2 on YouTube."),
        ("2025-10-01", later),
    )
    assert "disputed" not in line(e.answer("!status"), "**Trailer:**")


def test_a_rumour_is_no_dispute_and_stays_labelled(tmp_path):
    e = engine_with(
        tmp_path,
        ("2025-01-05", "Rumours suggest that filming has wrapped."),
        ("2025-01-06", "Netflix confirmed that filming has not begun yet."),
    )
    assert "disputed" not in line(e.answer("!status"), "**Filming:**")
    text = to_text(e.answer("!status filming"))
    assert "Sources disagree" not in text and "(rumoured)" in text


# --- 3. conditionals ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("If and only if the strike subsides and filming begins, we can expect it in 2024.", True),
        ("Should the strike end soon, then filming will begin in the autumn.", True),
        ("Unless the schedule slips, the teaser trailer will drop in March 2025.", True),
        ("Fans hope that, if all goes well, filming starts in May.", True),
        ("The teaser dropped, even if fans wanted more.", False),
        ("Fans asked if filming began.", False),
        ("Filming should begin in May.", False),
        ("If you missed it: filming on season two officially wrapped last Friday.", False),
        ("In case you missed it, the teaser is out.", False),
        ("If so, filming starts in May.", False),
    ],
)
def test_conditional_sentences(text, expected):
    assert is_conditional(text) is expected


def test_seed_conditional_is_labelled_not_an_expectation(engine):
    text = to_text(engine.answer("!status filming"))
    # Dropped at reading time or labelled here: never a plain expectation.
    assert "Filming expected to begin [" not in text
    assert "Filming expected to begin (conditional)" in text or "If and only if" not in text
    assert "**Now:** Filming not started" in text


def test_a_conditional_never_decides(tmp_path):
    e = engine_with(
        tmp_path,
        ("2025-01-05", "Unless the schedule slips, the teaser trailer will drop in March 2025."),
    )
    text = to_text(e.answer("!status trailer"))
    assert "**Now:** No trailer yet" in text and "Teaser planned, March 2025 (conditional)" in text


# --- 5. cast labels -------------------------------------------------------------------------


def test_cast_claims_say_whom_they_name(engine):
    answer = engine.answer("!status cast")
    bullets = [x.text for x in answer.lines if x.text.startswith("• ")]
    assert any("Cast list (returning (confirmed)): Nam On-jo" in b for b in bullets)
    assert any("Roh Yoon-seo new, role not revealed" in b for b in bullets)
    assert sum("— Cast news [" in b for b in bullets) <= 1
    assert len(to_text(answer)) < 2000


def test_cast_list_and_a_new_return(tmp_path, engine):
    full = engine.status.cast_claims
    lists = [full.label(c) for c in engine.store.claims["cast"]]
    assert any(x and x.startswith("Cast list (returning (confirmed)): ") for x in lists)
    e = engine_with(
        tmp_path,
        ("2025-01-05", "Netflix confirmed that Lomon will return as Lee Su-hyeok in season 2."),
    )
    assert "Lee Su-hyeok returning (confirmed)" in to_text(e.answer("!status cast"))


# --- 6. !sources ----------------------------------------------------------------------------


def test_sources_say_when_each_article_was_added(tmp_path, engine):
    shipped = engine.answer("!sources")
    assert all(", shipped with the bot — " in x.text for x in shipped.lines)
    e = engine_with(tmp_path, ("2025-01-05", "Filming began in November 2024."), added="2026-11-20")
    lines = [x.text for x in e.answer("!sources").lines]
    assert lines[0].startswith("2025-01-05 (estimated), added 2026-11-20 — Test article 0")
    assert len(to_text(e.answer("!sources"))) < 2000


def test_a_reason_clause_is_no_claim_of_its_own_topic(engine, tmp_path):
    # "Since there is no word on the filming aspect …, there is no teaser or official trailer"
    # is trailer news: the filming timeline leaves it out, the trailer one keeps it
    filming = to_text(engine.answer("!status filming"))
    assert "no word on the filming aspect" not in filming
    assert "no word on the filming aspect" in to_text(engine.answer("!status trailer"))
    e = engine_with(
        tmp_path,
        ("2025-03-01", "Since filming wrapped only last week, there is no teaser trailer yet."),
    )
    # a reason that reports news is still that topic's claim
    assert "Since filming wrapped only last week" in to_text(e.answer("!status filming"))
    assert "Since filming wrapped only last week" in to_text(e.answer("!status trailer"))
