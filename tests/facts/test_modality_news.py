"""Hedges, hearsay and denials on never-seen articles (tests/facts/future_news/modality, added
in date order): talk on an unnamed source's word is rumoured, a confirmation said not to have
happened leaves the news unconfirmed, a denial in a later sentence takes back the report it
follows, and the change summaries report only what really moved, who is back included."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from bot.answers.commands.changes import changes_answer, compare
from bot.answers.engine import Engine
from bot.facts.reading.claims.readers import readers
from bot.facts.reading.claims.reading import Reading, clauses
from bot.facts.reading.claims.returns import EXPECTED, RUMOURED, STATED, return_stance
from tests.conftest import TODAY, add_article, copy_corpus, load

FOLDER = Path(__file__).parent / "future_news" / "modality"


@pytest.fixture(scope="module")
def steps(tmp_path_factory):
    """[(old store, new store)] per article added, in date order."""
    entries = tomllib.loads((FOLDER / "articles.toml").read_text(encoding="utf-8"))["article"]
    paths = copy_corpus(tmp_path_factory.mktemp("modality"))
    old, out = load(paths), []
    for n, e in enumerate(sorted(entries, key=lambda e: e["published"]), 1):
        body = (FOLDER / e["file"]).read_text(encoding="utf-8")
        add_article(paths, f"93{n}_modality", body, e["published"], e["title"])
        new = load(paths)
        out.append((old, new))
        old = new
    return out


def modality(lex, sentence: str) -> list[str]:
    r = readers(lex)
    whole = Reading.of(sentence)
    return [r.modality.read(Reading.of(c), whole).modality for _, c in clauses(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Multiple outlets said filming resumed in April.",
        "According to one gossip blog, the premiere slipped to 2027.",
        "Several fan pages are claiming the teaser lands next week.",
        "Word is the finale was reshot in Incheon.",
        "Viewers insist the trailer was cut short.",
    ],
)
def test_talk_on_an_unnamed_sources_word_is_rumoured(lex, sentence):
    assert set(modality(lex, sentence)) == {"rumoured"}


def test_a_confirmation_said_not_to_have_happened_leaves_the_other_clause_unconfirmed(lex):
    assert modality(lex, "Filming wrapped in June, but the studio declined to confirm.")[0] == (
        "rumoured"
    )
    assert (
        modality(lex, "The teaser is out, though this could not be independently confirmed.")[0]
        == "rumoured"
    )
    assert modality(lex, "Lomon is back, which has not been confirmed.")[0] == "rumoured"
    # about a thing of its own: the other clause stands, and its own clause is a "not yet"
    said = "The renewal was never officially announced, but the cast is back on set."
    assert modality(lex, said) == ["confirmed", "confirmed"]
    said = "Filming wrapped in June, and Netflix has not confirmed a premiere date."
    assert modality(lex, said) == ["confirmed", "confirmed"]
    assert (
        modality(lex, "Filming wrapped, and Netflix hasn't announced anything about a date.")[0]
        == "confirmed"
    )


@pytest.mark.parametrize(
    "sentence, negated, firmness",
    [
        (
            "Kim Bo-yoon is reportedly back as Hyo-ryung, but her agency has not confirmed it.",
            False,
            RUMOURED,
        ),
        ("The streamer has not confirmed her return.", False, RUMOURED),  # no denial either
        ("Netflix confirmed that Lomon will reprise his role in Season 2.", False, STATED),
        ("Lomon is expected to return in Season 2.", False, EXPECTED),
        ("Lomon will not return in Season 2.", True, STATED),
    ],
)
def test_a_return_is_worded_as_firmly_as_its_clause(lex, sentence, negated, firmness):
    assert return_stance(sentence, lex.returns, lex) == (negated, firmness)


def _status(store) -> dict[str, str]:
    lines = Engine(store, prefix="!", today=lambda: TODAY).answer("!status").lines
    return {x.text.split(":**")[0].strip("*"): x.text for x in lines if x.text.startswith("**")}


def test_hearsay_changes_no_status_and_a_return_only_speculated(steps):
    old, new = steps[1]  # the fan blog's rumours
    changes = compare(old, new)
    assert not any(c.topic in ("release", "episodes") for c in changes.status)
    moved = {r.who.split(" (")[0]: (r.before, r.after) for r in changes.returns}
    assert moved == {"Lee Na-yeon": ("not said", "speculated")}


def test_a_denial_in_the_next_sentence_takes_back_the_report(steps):
    old, new = steps[2]
    mine = {sid for sid, s in new.sentences.items() if s.source_id == "933_modality"}
    claims = [c for cs in new.claims.values() for c in cs if c.sentence_id in mine]
    told = {new.sentences[c.sentence_id].display[:40]: c for c in claims}
    assert not any("April 2025" in c.value for c in claims)  # the denied premiere report
    assert not any(c.topic == "episodes" for c in claims)  # the denied count
    assert "Last month a handful of outlets" not in " ".join(told)
    status = _status(new)
    assert "April" not in status["Release window"]
    assert status["Episodes"].startswith("**Episodes:** 8 episodes")  # the firm count stands
    assert "not back (denied): Lee Na-yeon" in status["Back"]
    moved = {r.who.split(" (")[0]: (r.before, r.after) for r in compare(old, new).returns}
    assert moved["Lee Na-yeon"] == ("speculated", "denied")


def test_a_persons_denial_is_shown_with_the_talk_it_denies(steps):
    engine = Engine(steps[2][1], prefix="!", today=lambda: TODAY)
    text = "\n".join(x.text for x in engine.answer("!status lee na-yeon").lines)
    assert "does not return" in text and "earlier talk of a return" in text
    assert "• Her agency refuted the report" in text
    assert "• Some reports had also claimed that Lee Yoo-mi would reprise" in text  # the talk


def test_new_cast_is_new_and_footnoted_to_its_first_article(steps):
    _, final = steps[3]
    new_cast = _status(final)["New cast"]
    for who in (
        "Seo Ha-neul (Bae Jun-ho)",
        "Do Kyung-soo (Baek Man-sik)",
        "Kwon Na-rae (Oh Se-jin)",
    ):
        assert who in new_cast
    pair = next(p for p in final.pairs if final.entities[p.actor_id].name == "Seo Ha-neul")
    first = min(
        pair.evidence, key=lambda e: final.sources[final.sentences[e[0]].source_id].published
    )
    assert final.sentences[first[0]].source_id == "933_modality"


def test_change_summaries_name_who_is_back_with_the_deciding_quote(steps):
    old, new = steps[3]
    changes = compare(old, new)
    text = [x.text for x in changes_answer(changes, old, new).lines]
    cheong = next(t for t in text if t.strip().startswith("Lee Cheong-san"))
    assert "expected → confirmed" in cheong and "“Netflix announced that Yoon Chan-young" in cheong
    assert "New cast pair: Kwon Na-rae as Oh Se-jin (new cast) [1]" in text
    assert not any(t.strip().startswith("Oh Se-jin") for t in text)  # said once
    assert not changes.status or all(c.topic != "episodes" for c in changes.status)


def test_denied_talk_of_a_cancellation_a_date_and_a_return_moves_nothing_but_the_return(steps):
    old, new = steps[4]
    changes = compare(old, new)
    assert not changes.status  # no "Cancelled", no "August 2025": both reports were denied
    moved = {r.who.split(" (")[0]: (r.before, r.after) for r in changes.returns}
    assert moved == {
        # both are listed in a seed article's Season 2 cast: Dae-su's return was confirmed
        # before the denial, Mi-jin's stays confirmed
        "Yang Dae-su": ("confirmed", "denied"),
    }


def test_a_rumour_that_someone_is_not_back_is_neither_a_return_nor_a_denial(lex):
    said = "Lomon will not return in Season 2, an insider reportedly told a blog."
    assert return_stance(said, lex.returns, lex) is None


def test_a_named_outlets_report_denied_the_next_day_moves_no_state(tmp_path):
    from tests.conftest import engine_with_article

    body = (
        "Production notes\n\n"
        "Variety reported that filming on Season 2 wrapped in August 2026. Netflix denied "
        "the report the next day.\n"
    )
    engine = engine_with_article(tmp_path, "942_denied", body, "2026-10-02")
    filming = next(x.text for x in engine.answer("!status").lines if "Filming:" in x.text)
    assert "wrapped" not in filming


def test_a_denial_in_the_story_takes_back_no_return(tmp_path):
    from tests.conftest import engine_with_article

    body = (
        "Season 2 preview\n\n"
        "In the new season, Lomon is back as Lee Su-hyeok, the streamer confirmed. He denies "
        "being infected when the soldiers find him.\n"
    )
    engine = engine_with_article(tmp_path, "943_story", body, "2026-10-03")
    back = next(x.text for x in engine.answer("!status").lines if x.text.startswith("**Back"))
    assert "Lee Su-hyeok" in back.split("; not back")[0]


def test_a_snapshot_saved_before_who_is_back_was_kept_reports_no_return_change(steps):
    from bot.answers.commands.changes import change_snapshot, changes_since, status_snapshot

    old, new = steps[3]
    assert changes_since(status_snapshot(old), new).returns == []  # an upgrade posts nothing
    moved = changes_since(change_snapshot(old), new).returns
    assert [r.who for r in moved if r.before == "expected"] == ["Lee Cheong-san (Yoon Chan-young)"]
    assert changes_since(change_snapshot(new), new).returns == []


@pytest.mark.parametrize(
    "sentence, negated, firmness",
    [
        ("Whether Kim Bo-yoon comes back as Hyo-ryung has the fans talking.", False, RUMOURED),
        ("If Lomon returns in Season 2 remains to be seen.", False, RUMOURED),
        # a negation saying what the return is, not that it is off
        ("Lomon's return in Season 2 is not a gimmick, the writer says.", False, STATED),
    ],
)
def test_a_return_put_as_a_question_or_described(lex, sentence, negated, firmness):
    assert return_stance(sentence, lex.returns, lex) == (negated, firmness)


def test_not_part_of_the_new_season_is_an_exit(lex):
    from bot.facts.text import PhraseSet

    s2 = PhraseSet.of(tuple(lex.claims["values"]["return_s2"]))
    assert return_stance("Lomon is not part of Season 2, his agency said.", s2, lex) == (
        True,
        STATED,
    )
