"""PhraseSet searches only the phrases whose words a text holds: the matches must be exactly
those of the one alternation of every phrase."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.facts.reading.alternation import FOLDS_TO_ASCII
from bot.facts.text import PhraseSet, Repairer, _phrase_pattern, collapse_ws

_SEP = st.sampled_from(["", " ", "-", "'", "’", "_", ".", "\n"])
# Text words include letters that fold into ASCII ones case-insensitively (Kelvin sign, long
# s, dotless and dotted i) and a word character that is not [a-z0-9].
_TEXT_WORD = st.sampled_from(
    ["ab", "AB", "k", "K", "\u212a", "s", "\u017f", "i", "\u0131", "\u0130", "é", "x"]
)
_phrases = st.lists(
    st.builds(
        lambda lead, words, seps, tail: (
            lead + "".join(w + s for w, s in zip(words, seps, strict=False)) + tail
        ),
        _SEP,
        st.lists(st.sampled_from(["ab", "k", "s", "i", "é", "AB"]), min_size=1, max_size=3),
        st.lists(_SEP, min_size=3, max_size=3),
        _SEP,
    ).map(lambda p: p.rstrip("_.'’") if p.strip() else "ab"),
    min_size=1,
    max_size=5,
)
_text = st.lists(st.tuples(_TEXT_WORD, _SEP), max_size=12).map(
    lambda parts: "".join(w + s for w, s in parts)
)


def _plain(phrases: list[str]) -> re.Pattern[str]:
    ordered = sorted({p.lower() for p in phrases if p}, key=lambda p: (-len(p), p))
    return re.compile("|".join(f"(?:{_phrase_pattern(p)})" for p in ordered), re.IGNORECASE)


@settings(max_examples=400, deadline=None)
@given(_phrases, _text)
@example(["-ab"], "xab")  # no word boundary before a leading hyphen
@example(["ab "], "abx")
@example(["k", "s"], "\u212a \u017f")  # Kelvin sign and long s match case-insensitively
@example(["ab k"], "AB-\n\u212a")
def test_same_matches_as_the_whole_alternation(phrases, text):
    ps, rx = PhraseSet(phrases), _plain(phrases)
    assert [(m.span(), m.group(0)) for m in ps.finditer(text)] == [
        (m.span(), m.group(0)) for m in rx.finditer(text)
    ]
    assert ps.remove(text) == rx.sub(" ", text)
    assert ps.any(text) == (rx.search(text) is not None)


@settings(max_examples=200, deadline=None)
@given(_phrases, _text)
@example(["đồ sộ", "ab"], "đồ sộ ab")  # a phrase beyond ASCII is always searched
def test_repairs_the_same_as_the_whole_alternation(phrases, text):
    table = [(p, p.upper()) for p in dict.fromkeys(phrases)]
    repairer = Repairer(table)
    plain = Repairer([])
    pattern = "|".join(_phrase_pattern(p) for p, _ in sorted(table, key=lambda p: -len(p[0])))
    expected = plain.repair(
        re.compile(pattern, re.IGNORECASE).sub(repairer._sub, collapse_ws(text))
    )
    assert repairer.repair(text) == expected


def test_cue_words_found_only_where_all_their_words_are():
    ps = PhraseSet(["green light", "renewed", "isn't back"])
    assert ps.find("Netflix gave it the green-light; it was RENEWED.") == ["green light", "renewed"]
    assert ps.find("The light was green.") == []
    assert ps.any("It isn’t back yet") and not ps.any("It is back")


def test_the_order_of_phrases_does_not_depend_on_the_process():
    assert PhraseSet(["bb", "aa", "c"]).phrases == ("aa", "bb", "c")


def test_every_character_a_regex_folds_into_ascii_is_folded():
    every = "".join(chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c < 0xE000)
    folding = set(re.findall("[a-z0-9]", every, re.IGNORECASE))
    assert folding == {chr(c) for c in FOLDS_TO_ASCII}
    for c in folding:
        assert re.fullmatch(c.translate(FOLDS_TO_ASCII), c, re.IGNORECASE)
