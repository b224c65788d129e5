"""Question analysis: what a fan's message asks for, before anything is looked up.

From a message: the expected answer type (when, number, duration, who, where, why, yesno,
what), the season in focus, the status/lore topic and crew role it points at, and intents
(who plays whom, a return, what someone said). Pure: the vocabulary comes from the store's
copy of data/lexicon.toml, so nothing about a known article lives here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answers.reading.excluding import without_exclusions, without_tag

TYPES = ("when", "number", "duration", "who", "where", "why", "yesno", "what")
_WORDS = re.compile(r"[\w'’/-]+")
_CONTRACTIONS = {
    "what's": "what is",
    "when's": "when is",
    "who's": "who is",
    "where's": "where is",
    "how's": "how is",
    "it's": "it is",
    # typed without the apostrophe
    "whos": "who is",
    "whats": "what is",
    "wheres": "where is",
    "whens": "when is",
    "hows": "how is",
}
Vocab = dict[str, dict[str, list[str]]]


@dataclass(frozen=True, slots=True)
class Question:
    """What one message asks."""

    text: str  # lower-case words, single-spaced, contractions expanded
    atype: str  # one of TYPES
    seasons: frozenset[int]  # every season the message names
    status: str | None = None  # the status topic it points at
    lore: str | None = None  # the lore topic it points at
    role: str | None = None  # a crew role it names
    casting: bool = False  # asks who plays whom
    returning: bool = False  # asks whether someone returns
    speech: bool = False  # asks what someone said
    fate: str | None = None  # a fate it asks about ([ask.fates] key; "any" for "what happened")
    past: bool = False  # asks in the past tense
    status_weight: int = 0  # words of the status phrase matched
    lore_weight: int = 0  # words of the lore phrase matched
    # the part a "what" question asks for: "manner" (how did they…), "consequence" (what
    # happens when…), or None; a preference among the sentences, never a must
    aspect: str | None = None

    @property
    def season(self) -> int | None:
        """The one season in focus, or None when the message names none (or several)."""
        return next(iter(self.seasons)) if len(self.seasons) == 1 else None


def normalise(message: str) -> str:
    """Lower-case words, apostrophes unified, common contractions expanded."""
    words = [w.replace("’", "'").strip("'-/") for w in _WORDS.findall(message.lower())]
    out = []
    for w in words:
        w = _CONTRACTIONS.get(w, w)
        out.append(w[:-2] if w.endswith("'s") else w)  # a possessive: "season's" -> "season"
    return " ".join(w for w in out if w)


def _hangul(word: str) -> bool:
    return any("\uac00" <= ch <= "\ud7a3" for ch in word)


def gloss(text: str, vocab: Vocab) -> str:
    """Normalised text with each Hangul word that opens on a stem of [ask.hangul] read as its
    English gloss ("누가 연기해" -> "who plays"); other words (Hangul names too) unchanged."""
    if not _hangul(text):
        return text
    words = text.split()
    person = vocab.get("ask.hangul_person", {})
    table = dict(vocab.get("ask.hangul", {}))
    if any(_named_subject(w, table, person.get("subject", [])) for w in words):
        verbs = {en: ss for en, ss in person.items() if en != "subject"}
        taken = {s for ss in verbs.values() for s in ss}
        table = verbs | {en: [s for s in ss if s not in taken] for en, ss in table.items()}
    stems = sorted(((s, en) for en, ss in table.items() for s in ss), key=lambda p: -len(p[0]))
    # a locative particle ("시즌2에") is the English "in" before the word
    places = vocab.get("ask.hangul_particles", {}).get("locative", [])
    out = []
    for w in words:
        en = next((en for s, en in stems if w.startswith(s)), None) if _hangul(w) else None
        if en is None:
            out.append(w)
        else:  # "시즌2": the gloss, then what follows the Hangul ("season 2")
            tail = "".join(ch for ch in w if not _hangul(ch))
            at = "in " if any(w.endswith(p) for p in places) else ""
            out.append(f"{at}{en} {tail}".strip())
    return " ".join(out)


def conjoined(message: str, vocab: Vocab) -> str:
    """A Hangul word joined to the next by a conjunctive particle ("미진이랑 대수") read as
    the English "and" between them ("미진 and 대수"), so the two are asked of in turn. The
    stem must keep two syllables: a bare particle-like word is left alone."""
    joins = vocab.get("ask.hangul_particles", {}).get("conjunctive", [])
    if not joins or not _hangul(message):
        return message
    words = message.split()
    out = []
    for i, w in enumerate(words):
        p = next((p for p in sorted(joins, key=len, reverse=True) if w.endswith(p)), None)
        stem = w[: -len(p)] if p else ""
        if p and i + 1 < len(words) and len(stem) >= 2 and all(_hangul(ch) for ch in stem):
            out += [stem, "and"]
        else:
            out.append(w)
    return " ".join(out)


def _named_subject(word: str, glossary: dict[str, list[str]], particles: list[str]) -> bool:
    """Whether a Hangul word is a name typed with a subject particle: one the glossary does
    not know ("청산이", not "시즌2가")."""
    if not _hangul(word) or any(word.startswith(s) for ss in glossary.values() for s in ss):
        return False
    return any(word.endswith(p) and len(word) > len(p) for p in particles)


def found(text: str, phrase: str) -> int:
    """Where a phrase occurs in normalised text on word boundaries, or -1."""
    return f" {text} ".find(f" {phrase} ")


# A phrase table read once per table object: its phrases padded for matching, with their word
# counts, indexed by their first word (the table is kept alongside, so an id is never mistaken
# for a newer table's).
_PADDED: dict[int, tuple[dict, dict[str, list[tuple[str, str, int]]]]] = {}


def _padded(table: dict[str, list[str]]) -> dict[str, list[tuple[str, str, int]]]:
    hit = _PADDED.get(id(table))
    if hit is None or hit[0] is not table:
        if len(_PADDED) > 1024:
            _PADDED.clear()
        index: dict[str, list[tuple[str, str, int]]] = {}
        for key, phrases in table.items():
            for p in phrases:
                words = p.lower().split()
                if words:
                    index.setdefault(words[0], []).append((key, f" {p.lower()} ", len(words)))
        hit = _PADDED[id(table)] = (table, index)
    return hit[1]


def phrase_hits(text: str, table: dict[str, list[str]]) -> list[tuple[int, int, str]]:
    """(words matched, -position, key) for every key of a phrase table found in the text.
    Only phrases whose first word the text holds are looked for: a phrase found on word
    boundaries starts with one of the text's words."""
    padded = f" {text} "
    index = _padded(table)
    best: dict[str, tuple[int, int, str]] = {}
    for w in set(text.split()):
        for key, p, n in index.get(w, ()):
            i = padded.find(p)
            if i >= 0:
                cand = (n, -i, key)
                if key not in best or cand > best[key]:
                    best[key] = cand
    return sorted(best.values(), reverse=True)


_DERIVED: dict[tuple[int, str], tuple[dict, dict[str, list[str]]]] = {}


def _derived(table: dict[str, list[str]], how: str, make) -> dict[str, list[str]]:
    """A table made from another, made once per table object (so its phrase index is too)."""
    hit = _DERIVED.get((id(table), how))
    if hit is None or hit[0] is not table:
        if len(_DERIVED) > 256:
            _DERIVED.clear()
        hit = _DERIVED[(id(table), how)] = (table, make(table))
    return hit[1]


def answer_type(text: str, vocab: Vocab) -> str:
    """The expected answer type: the longest type phrase wins; yes/no only as first word."""
    types = vocab.get("ask.types", {})
    phrased = _derived(types, "no yesno", lambda t: {k: v for k, v in t.items() if k != "yesno"})
    asked = phrase_hits(text, phrased)
    specific = [h for h in asked if h[2] != "what"]  # "what's the runtime": a duration
    first = text.split(" ", 1)[0]
    if specific and first in _LEADS and _CONJUNCTION.match(_at(text, specific[0])):
        # "what happens when the virus…": a later "when" joins a clause, it asks nothing
        return "what"
    if asked:
        return (specific or asked)[0][2]
    first = text.split(" ", 1)[0]
    if first in types.get("yesno", []):
        return "yesno"
    return "what"


_LEADS = {"what", "how"}  # a question opening on these asks "what" unless a type phrase says
_CONJUNCTION = re.compile(r"(?:when|where|why|who)\b")


def _at(text: str, hit: tuple[int, int, str]) -> str:
    """The text from where a phrase hit starts (hits carry minus their position)."""
    return text[-hit[1] :] if hit[1] else text


def seasons_named(text: str, vocab: Vocab) -> frozenset[int]:
    """The seasons a normalised text names ('third season' -> 3)."""
    return frozenset(int(k) for _, _, k in phrase_hits(text, vocab.get("ask.seasons", {})))


def best_key(text: str, table: dict[str, list[str]]) -> tuple[int, str] | None:
    """(words matched, key) of the most specific phrase found, or None."""
    hits = phrase_hits(text, table)
    return (hits[0][0], hits[0][2]) if hits else None


def without_show_name(text: str, vocab: Vocab) -> str:
    """The question without the show's own name (unless that is all it says)."""
    out = f" {text} "
    for name in sorted(vocab.get("ask.show", {}).get("names", []), key=len, reverse=True):
        out = out.replace(f" {name} ", " ")
    out = " ".join(out.split())
    return out or text


def without_openers(text: str, vocab: Vocab) -> str:
    """The question without the words a fan opens on before asking ("wait is park solomon
    …", "so is it 2024 or not", [ask.openers]): the question, and its type, start after."""
    openers = set(vocab.get("ask.openers", {}).get("words", []))
    words = text.split()
    at = 0
    while at < len(words) - 2 and words[at] in openers:
        at += 1
    return " ".join(words[at:])


def status_topic(text: str, vocab: Vocab) -> tuple[int, str] | None:
    """(words matched, topic) of the status topic a question points at. A topic named by a
    noun beats one named only by a generic verb of release ("when did the teaser come out"
    asks about the trailer)."""
    table = vocab.get("ask.status", {})
    hits = phrase_hits(text, table)
    if len(hits) > 1:
        generic = {p for ps in vocab.get("ask.status_generic", {}).values() for p in ps}
        named = _derived(
            table, "nouns", lambda t: {k: [p for p in v if p not in generic] for k, v in t.items()}
        )
        nouns = phrase_hits(text, named)
        if nouns and nouns[0][2] != hits[0][2] and not any(h[2] == hits[0][2] for h in nouns):
            return nouns[0][0], nouns[0][2]
    return (hits[0][0], hits[0][2]) if hits else None


def analyse(message: str, vocab: Vocab, lore_names: dict[str, list[str]]) -> Question:
    """Analyse one message. lore_names: what fans type for each lore topic."""
    # what the fan rules out or only tags on is no part of what is asked
    full = without_tag(gloss(normalise(without_exclusions(message, vocab)), vocab), vocab)
    text = without_openers(without_show_name(full, vocab), vocab)
    intents = vocab.get("ask.intents", {})
    hit = {k for _, _, k in phrase_hits(text, intents)}
    status = status_topic(text, vocab)
    if status is None and (exists := best_key(text, vocab.get("ask.status_fallback", {}))):
        status = (0, exists[1])  # any other topic named wins over "is there a season 2"
    lore = best_key(full, lore_names)  # "what is the show about" names the premise
    role = best_key(text, vocab.get("ask.roles", {}))
    fate = best_key(text, vocab.get("ask.fates", {}))
    atype = answer_type(text, vocab)
    asks = {k: v for k, v in vocab.get("ask.types", {}).items() if k != "yesno"}
    if atype == "what" and _hangul(message) and not phrase_hits(text, asks):
        # Korean asks yes or no with no opening word ("청산이 시즌2에 나와?"): a Hangul message
        # with no question word at all asks whether, not what
        atype = "yesno"
    aspect = best_key(text, vocab.get("ask.aspects", {})) if atype == "what" else None
    return Question(
        text=text,
        atype=atype,
        seasons=seasons_named(text, vocab),
        status=status[1] if status else None,
        lore=lore[1] if lore else None,
        role=role[1] if role else None,
        casting="casting" in hit,
        returning="returning" in hit,
        speech="speech" in hit,
        fate=fate[1] if fate else ("any" if "fate" in hit else None),
        past=bool(phrase_hits(text, vocab.get("ask.tense", {}))),
        status_weight=status[0] if status else 0,
        lore_weight=lore[0] if lore else 0,
        aspect=aspect[1] if aspect else None,
    )
