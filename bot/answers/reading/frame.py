"""Stage: question read. A question's frame: its answer type, season, the people it names and
its predicate, the concepts of what it asks once those are set aside.

Two-part messages are split here, and a follow-up ("and Ha-ri?", "what about him", "why?")
is read against the previous frame, which the caller passes in: the engine keeps no memory.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import permutations

from bot.answers.reading.concepts import Concepts
from bot.answers.reading.question import Question, Vocab, normalise, phrase_hits
from bot.facts.text import PhraseSet

# "and Ha-ri?", "what about him", "how about nam-ra tho": a new subject for the last question.
_NEW_SUBJECT = re.compile(
    r"^(?:and|n|what about|how about|and what about|and how about|same for|what of)\s+(.+?)$"
)
_PRONOUNS = {"him", "her", "them", "he", "she", "they", "it", "that"}
_POINTERS = {"him", "her", "them", "he", "she", "they", "it", "his", "their", "its"}
_POSSESSIVE = {"his", "their", "its"}  # "her" is read as "him", the more common use
# "why?", "and why", "how come?": the last question asked again with a new type.
_NEW_TYPE = re.compile(r"^(?:and\s+|but\s+|ok\s+|so\s+)?(why|how come|when|how|who|where)$")
# "when was that", "where did that happen": a short question of the event just asked about
_OF_THAT = re.compile(
    r"^(?:and |so |but )?(?:when|where|why|how|who)(?: \w+){0,2} (?:that|this|so)$"
)
_JOINTS = (" and ", " & ", " n ")  # what joins two names in "who plays mi-jin and ha-ri"
_AND_ASKS = re.compile(r"\s+(?:and|&)\s+(?=(?:is|are|does|did|will|was)\s)", re.IGNORECASE)
_WH = re.compile(r"^(?:\W*\w+\W+)?(?:why|when|who|where|what)\b", re.IGNORECASE)  # "yo when…"
_SEASON = re.compile(r"\b(?:s|season\s+)(\d{1,2})\b", re.IGNORECASE)
# "same person who drew it?", "same guy as the director?": whether two answers are one person
_SAME_AS = re.compile(
    r"^(?:is it |is he |is she |was it )?(?:the )?same (?:\w+ )?(?:who|as|that)\b"
)
_SPLIT = re.compile(r"\?+\s+(?=\S)|\s+(?:and|&)\s+(?=(?:why|when|who|where|how|what)\b)")


@dataclass(frozen=True, slots=True)
class Frame:
    """What one question asks, ready to score evidence against."""

    question: Question
    people: tuple[str, ...]  # entity ids named, in order
    predicate: tuple[tuple[str, str], ...]  # (word as typed, concept)
    asked: str  # the standalone question this frame reads (a follow-up, resolved)
    subject: str = ""  # the words of `asked` that name its first person
    topic: str = ""  # what a follow-up that only points back ("how long are they") borrows
    # the predicate's concepts, set once (every candidate scored reads them)
    concepts: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "concepts", frozenset(c for _, c in self.predicate))


def season_words(text: str, vocab: Vocab) -> list[str]:
    """The phrases of a normalised text that name a season ("s1", "next season")."""
    table = vocab.get("ask.seasons", {})
    return [p for _, _, k in phrase_hits(text, table) for p in table[k] if f" {p} " in f" {text} "]


def predicate(q: Question, names: set[str], concepts: Concepts, vocab: Vocab) -> list:
    """The content of a question left once its type, season and names are set aside. A
    thesaurus phrase stays even when it overlaps a type phrase ("how old" asks an age)."""
    spent = set(names) | {p for n in names for p in re.split(r"[/-]", n)}
    for _, _, key in phrase_hits(q.text, vocab.get("ask.types", {})):
        for p in vocab["ask.types"][key]:
            if f" {p} " in f" {q.text} ":
                spent |= set(p.split())
    for p in season_words(q.text, vocab):
        spent |= set(p.split())
    return [(w, c) for w, c in concepts.spans(q.text) if " " in w or not set(w.split()) & spent]


def points_back(text: str) -> bool:
    """Whether a normalised question leans on one before it through a pronoun, or asks a
    bare "when was that" of what was just said."""
    return bool(set(text.split()) & _POINTERS) or bool(_OF_THAT.match(text))


def split_parts(
    message: str,
    stands_alone: Callable[[str], bool] = lambda _: True,
    names: Callable[[str], bool] = lambda _: False,
) -> list[str]:
    """A two-part message as its parts ("is dae-su back? and ha-ri?"); one part otherwise.
    stands_alone: whether a later part has a subject or a question of its own; a tail that has
    neither ("fr?", "heard rumours?", "like the actual date?") stays with the part before.
    names: whether a text names someone (a question of the show, then a yes/no of a person:
    "when is s2 and is cheong-san in it" is two)."""
    parts = [q.strip(" ,;") for p in _SPLIT.split(message.strip()) for q in _of_show(p, names)]
    parts = [p for p in parts if re.search(r"[^\W\d_]", p)]  # "😭" alone is no question
    kept: list[str] = []
    asked_of = False  # a lone subject and the question asked of it were made one
    for p in parts:
        if kept and not stands_alone(p):
            kept[-1] = f"{kept[-1]}? {p}"
        elif kept and (subject := lone_subject(normalise(kept[-1]))) and points_back(normalise(p)):
            kept[-1] = _named_in(p, subject)  # "and su-hyeok? does he come back": one question
            asked_of = True
        else:
            kept.append(p)
    if asked_of and len(kept) == 1:
        return kept
    return kept if 1 < len(kept) <= 3 else [message]


def _of_show(part: str, names: Callable[[str], bool]) -> list[str]:
    """A wh-question naming no one, then "and" and a yes/no naming someone, as two parts."""
    m = _AND_ASKS.search(part)
    if m is None or not _WH.match(part[: m.start()]) or names(part[: m.start()]):
        return [part]
    first, second = part[: m.start()], part[m.end() :]
    if not names(second):
        return [part]
    if season := _SEASON.search(first):  # "…s2 and is cheong-san in it": in season 2
        second = re.sub(r"\b(in|for|of)\s+it\b", rf"\1 season {season.group(1)}", second)
    return [first, second]


def _named_in(question: str, subject: str) -> str:
    """A question that points back ("does he come back") asked of the subject named just
    before it: the first pronoun becomes the name, a possessive its possessive."""
    text = normalise(question)
    words = text.split()
    for i, w in enumerate(words):
        if w in _POINTERS:
            words[i] = f"{subject}'s" if w in _POSSESSIVE else subject
            return " ".join(words)
    return text


def asks_itself(text: str, vocab: Vocab) -> bool:
    """Whether normalised text opens as a question of its own: on a question word or an
    auxiliary ("is she back", "when"), or on a follow-up's "and …" / "what about …"."""
    first = text.split(" ", 1)[0]
    openers = {p for ps in vocab.get("ask.types", {}).values() for p in ps if " " not in p}
    if first in openers or first == "how":
        return True
    if _SAME_AS.match(text):  # "…? same person who drew the webtoon?": a question of its own
        return True
    return bool(_NEW_SUBJECT.match(text) or _NEW_TYPE.match(text))


def follow_up(text: str, previous: Frame | None, people: list[str]) -> str | None:
    """The standalone question a follow-up stands for, or None when it stands alone.
    text: normalised; people: the entity ids it names."""
    if previous is None:
        return None
    text = text.strip(" ?!.")
    if m := _NEW_TYPE.match(text):
        base = previous.asked
        first = base.split(" ", 1)
        # "did cheong-san die" + "why?" -> "why did cheong-san die"
        body = first[1] if first[0] in ("why", "when", "who", "where", "how", "what") else base
        return f"{m.group(1)} {body}"
    subject = _new_subject(text)
    if subject is None:
        return None
    if subject in _PRONOUNS:
        return previous.asked
    if not people or not previous.subject:
        return None
    return previous.asked.replace(previous.subject, subject, 1)


def _new_subject(text: str) -> str | None:
    """The words after a follow-up's "and …" / "what about …", or None."""
    m = _NEW_SUBJECT.match(text)
    return m.group(1).removesuffix(" tho").removesuffix(" then").strip() if m else None


def lone_subject(text: str) -> str | None:
    """What a follow-up names when it is all a message says ("and ha-ri?", "what about
    mi-jin" -> the name's words), or None when the text is no such follow-up."""
    subject = _new_subject(text.strip(" ?!."))
    return None if subject in _PRONOUNS else subject


def name_list(
    part: str, named: Callable[[str], list[tuple[str, str]]], shared: PhraseSet | None = None
) -> list[str]:
    """ "who plays mi-jin and ha-ri", "is on-jo and su-hyeok back": one question about each of
    two people joined by "and", the second read as a follow-up ("and ha-ri") of the question
    asked of the first. named: (words, entity id) of each entity a normalised text names;
    shared: predicates two people share ([ask.reciprocal]): "did on-jo and cheong-san ever
    kiss" asks one thing of the pair, said after it, and stays one question."""
    text = normalise(part).strip(" ?!.")
    if not any(j in f" {text} " for j in _JOINTS):
        return [part]
    for (a, ea), (b, eb) in permutations(named(text), 2):  # found longest first, not in order
        for joint in _JOINTS:
            pair = f"{a}{joint}{b}"
            at = f" {text} ".find(f" {pair} ")
            if ea == eb or at < 0:
                continue
            if shared is not None and shared.any(text[at + len(pair) :]):
                return [part]
            return [f" {text} ".replace(f" {pair} ", f" {a} ", 1).strip(), f"and {b}"]
    return [part]
