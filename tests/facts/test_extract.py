"""Extraction on the real sources: sentences, display repair, cast pairs, claims, lore."""

from __future__ import annotations

from bot.facts.text import Repairer, split_sentences
from tests.conftest import collapse


def pairs_by_name(store) -> dict[str, set[str | None]]:
    out: dict[str, set[str | None]] = {}
    for p in store.pairs:
        char = store.entities[p.character_id].name if p.character_id else None
        out.setdefault(store.entities[p.actor_id].name, set()).add(char)
    return out


def test_every_quote_is_verbatim(store, texts):
    for s in store.sentences.values():
        assert s.quote in texts[s.source_id], s.quote


def test_display_text_is_repaired(store):
    displays = [s.display for s in store.sentences.values() if s.source_id.startswith("004")]
    assert displays and not any(
        "đồ sộ" in d or "trang web" in d or "đoạn phim" in d for d in displays
    )
    assert any("confirmed to return for Season 2" in d for d in displays)
    quotes = [s.quote for s in store.sentences.values() if s.source_id.startswith("004")]
    assert any("đồ sộ" in q for q in quotes)  # quotes are never repaired


def test_garbled_names_repaired_for_display(store):
    d002 = " ".join(s.display for s in store.sentences.values() if s.source_id.startswith("002"))
    assert "Cheong-best san" not in d002 and "Su-hook" not in d002


def test_wrapped_lines_join_into_one_sentence():
    body = (
        "Despite his demise in Season 1,\n\nYoon Chan-yeong\n\n's presence raises hopes.\n"
        "Next heading\n\nThe undead are set to return in the gripping\n\nzombie horror\n\n"
        "thriller -\n\nAll of Us Are Dead\n\n. The series is back."
    )
    quotes = [collapse(body[s.start : s.end]) for s in split_sentences(body)]
    assert quotes == [
        "Despite his demise in Season 1, Yoon Chan-yeong 's presence raises hopes.",
        "Next heading",
        "The undead are set to return in the gripping zombie horror thriller - "
        "All of Us Are Dead .",
        "The series is back.",
    ]


def test_repairer_is_whole_word_and_longest_first():
    r = Repairer([("đồ sộ", "to"), ("phối đồ sộ", "set to")])
    assert (
        r.repair("is phối đồ sộ make a return, đồ sộ survive")
        == "is set to make a return, to survive"
    )


def test_cast_pairs_from_every_form(store):
    pairs = pairs_by_name(store)
    assert pairs["Park Ji-hu"] == {"Nam On-jo"}  # "as", "(Park Ji-hoo)", "who plays"
    assert pairs["Yoon Chan-young"] == {"Lee Cheong-san"}
    assert pairs["Oh Hye-soo"] == {"Min Eun-ji"}  # "Eun-Ji (played by Oh Hye-soo)"
    assert pairs["Lomon"] == {"Lee Su-hyeok"}
    assert pairs["Roh Yoon-seo"] == {None}  # new cast, role not revealed


def test_reversed_pair_is_resolved(store):
    lomon = next(p for p in store.pairs if p.actor_id == "lomon")
    forms = {form for _, form in lomon.evidence}
    assert "as (reversed)" in forms  # 004 prints "Lee Su-hyeok as Lomon"
    sources = {store.sentences[sid].source_id[:3] for sid, _ in lomon.evidence}
    assert sources >= {"000", "002", "003", "004"}


def test_returns_recorded_for_characters(store):
    assert store.returns.get("nam-on-jo") or store.returns.get("park-ji-hu")
    cheong = [
        store.sentences[s].display for s, neg, _ in store.returns["lee-cheong-san"] if not neg
    ]
    assert any("will return" in d for d in cheong)


def claims(store, topic):
    return [(c, store.sentences[c.sentence_id].display) for c in store.claims.get(topic, [])]


def test_negations_are_kept(store):
    filming = claims(store, "filming")
    begun = [c for c, d in filming if "has not begun" in d]
    assert begun and all(c.negated for c in begun)
    assert any(c.negated and "had not commenced" in d for c, d in filming)


def test_claims_by_topic(store):
    assert any(not c.negated and "June" in c.value for c, _ in claims(store, "renewal"))
    assert any(not c.negated and "teaser trailer" in d for c, d in claims(store, "trailer"))
    assert any(c.negated for c, _ in claims(store, "trailer"))
    release_values = {c.value for c, _ in claims(store, "release")}
    assert {"early 2024", "later in 2024"} <= release_values
    assert all("12-hour" not in d for _, d in claims(store, "episodes"))  # that's Season 1


def test_every_claim_carries_source_and_date(store):
    for topic in store.claims.values():
        for c in topic:
            assert store.sources[c.source_id].published == c.published


def test_lore_topics_tagged(store):
    jonus = [store.sentences[s].display for s, _ in store.lore["jonus"]]
    assert jonus and all("Jonus" in d or "virus" in d for d in jonus)
    assert any("24KHz" in store.sentences[s].display for s, _ in store.lore["sound"])
    assert any("hambies" in store.sentences[s].display for s, _ in store.lore["hybrids"])
    assert any("Patient Zero" in store.sentences[s].display for s, _ in store.lore["patient_zero"])


def test_every_sentence_indexed(store):
    per_source = {}
    for s in store.sentences.values():
        per_source.setdefault(s.source_id, []).append(s.seq)
    assert set(per_source) == set(store.sources)
    assert all(seqs == list(range(len(seqs))) for seqs in per_source.values())


def test_entities_have_hangul_and_aliases(store):
    director = store.entities["lee-jae-kyoo"]
    assert director.hangul == "이재규" and "director" in director.roles
    assert {"J.Q. Lee", "Lee JQ", "Lee Jal Q", "Lee Jae Gyu"} <= set(director.aliases)
    assert store.mentions.get("lee-jae-kyoo")
