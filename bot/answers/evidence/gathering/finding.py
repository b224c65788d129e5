"""Where `!ask` looks: the people a question names, the sentences on a topic, the sentences
that share enough of its words. Per-store tables are computed once and cached."""

from __future__ import annotations

from functools import cached_property

from bot.answers.context import Context
from bot.answers.reading.frame import season_words
from bot.answers.reading.matching import tokens
from bot.answers.reading.question import Question
from bot.answers.reading.wording import name_keys
from bot.facts.reading.names import fold_key, has_hangul
from bot.facts.text import PhraseSet

SEARCHED = 60  # results kept per search; a smaller limit is their head


class Finder:
    """Candidate sentences and named people for a question, over one loaded store."""

    def __init__(self, ctx: Context):
        self.ctx = ctx
        self.lore_names = {
            t.id: [n.lower() for n in (t.id, *t.names)] for t in ctx.store.lore_topics.values()
        }
        self._pools: dict[str, list[int]] = {}
        self._cue_cache: dict[tuple[str, int], bool] = {}
        self._token_set: dict[int, frozenset[str]] = {}  # a sentence's search words
        self._searched: dict[tuple[str, int], list[tuple[int, float]]] = {}

    @cached_property
    def _cues(self) -> dict[str, PhraseSet]:
        carries = self.ctx.store.vocab.get("ask.carries", {})
        return {k: PhraseSet(carries.get(k, [])) for k in ("speech", "fate")}

    def has(self, cue: str, sid: int) -> bool:
        """Whether a sentence carries quoted speech or a fate word (cached per sentence)."""
        key = (cue, sid)
        if key not in self._cue_cache:
            self._cue_cache[key] = self._cues[cue].any(self.ctx.store.sentences[sid].display)
        return self._cue_cache[key]

    def people(self, text: str) -> list[str]:
        """Entities named exactly by one to three consecutive words, in order."""
        return [eid for _, eid in self.named(text)]

    def named(self, text: str) -> list[tuple[str, str]]:
        """(words as typed, entity id) for each entity named exactly by one to three
        consecutive words, longest names first."""
        words, found, seen = text.split(), [], set()
        for size in (3, 2, 1):
            for i in range(len(words) - size + 1):
                chunk = " ".join(words[i : i + size])
                if len(fold_key(chunk)) < 4:
                    continue
                eid = self.ctx.m.names.exact_any(name_keys(chunk))
                if not eid and size == 1 and has_hangul(chunk):
                    eid = self._before_particle(chunk)  # "청산이": 청산 and its particle
                if eid and eid not in seen:
                    seen.add(eid)
                    found.append((chunk, eid))
        return found

    def _before_particle(self, word: str) -> str | None:
        """The entity a Hangul word names once the particle typed onto it is set aside
        ("청산이", "온조는"; [ask.hangul_particles]), else None."""
        table = self.ctx.store.vocab.get("ask.hangul_particles", {})
        for p in sorted((p for ps in table.values() for p in ps), key=len, reverse=True):
            if word.endswith(p) and len(word) > len(p) + 1:
                eid = self.ctx.m.names.exact_any(name_keys(word[: -len(p)]))
                if eid:
                    return eid
        return None

    def rest(self, q: Question, people: list[str]) -> list[str]:
        """The question's content words besides the names of the people in it and the season
        asked about ("s2" is no word of the predicate, as "season 2" is not)."""
        names = {t for p in season_words(q.text, self.ctx.store.vocab) for t in tokens(p)}
        for eid in people:
            e = self.ctx.store.entities[eid]
            for a in (e.name, *e.aliases):
                names |= set(tokens(a)) | set(tokens(a.replace("-", "")))
        # a name typed in Hangul ("남라") is the name romanised and folded, as `!cast` reads it
        rest = [t for t in tokens(q.text) if t not in names]
        if not has_hangul(q.text):
            return rest
        folded = {fold_key(n) for n in names}
        return [t for t in rest if fold_key(t) not in folded]

    def pool(self, family: str, topic: str) -> list[int]:
        """Every text sentence that uses one of a topic's words (computed once per topic)."""
        key = f"{family}.{topic}"
        if key not in self._pools:
            words = self.ctx.store.vocab.get(f"ask.{family}_words", {}).get(topic, [])
            phrases = PhraseSet(words)
            self._pools[key] = [
                sid
                for sid, s in self.ctx.store.sentences.items()
                if s.kind == "text" and phrases.any(s.display)
            ]
        return self._pools[key]

    @cached_property
    def synonyms(self) -> dict[str, frozenset[str]]:
        """Each search word with the words the articles use for it ([ask.synonyms]), both ways."""
        out: dict[str, set[str]] = {}
        for key, alts in self.ctx.store.vocab.get("ask.synonyms", {}).items():
            group = {t for w in (key, *alts) for t in tokens(w)}
            for t in group:
                out.setdefault(t, set()).update(group)
        return {k: frozenset(v) for k, v in out.items()}

    def expanded(self, text: str) -> str:
        """A question's words with their synonyms, for the search index."""
        extra = {a for t in tokens(text) for a in self.synonyms.get(t, ())}
        return " ".join([text, *sorted(extra - set(tokens(text)))])

    def covering(self, q: Question, sids: list[int]) -> list[int]:
        """Sentences sharing enough of the question's words (or their synonyms): all of one or
        two, else two in three (a sentence sharing one word of a longer question answers
        another question)."""
        want = set(tokens(q.text))
        need = len(want) if len(want) <= 2 else -(-2 * len(want) // 3)
        sentences = self.ctx.store.sentences
        alts = {w: self.synonyms.get(w, frozenset()) | {w} for w in want}
        out = []
        for s in sids:
            has = self._token_set.get(s)
            if has is None:
                has = self._token_set[s] = frozenset(tokens(sentences[s].display))
            if sum(bool(alts[w] & has) for w in want) >= need:
                out.append(s)
        return out

    def same_source(self, a: int, b: int) -> bool:
        sa, sb = self.ctx.store.sentences.get(a), self.ctx.store.sentences.get(b)
        return sa is not None and sb is not None and sa.source_id == sb.source_id

    def relevance(self, text: str, limit: int = 60) -> dict[int, float]:
        """Search scores of the sentences sharing the text's words (or their synonyms); the
        last question's searches are remembered (one question searches the same text twice)."""
        if not tokens(text):
            return {}
        size = max(limit, SEARCHED)
        key = (text, size)
        hit = self._searched.get(key)
        if hit is None:
            if len(self._searched) > 16:
                self._searched.clear()
            hit = self._searched[key] = self.ctx.m.search.search(self.expanded(text), size)
        return dict(hit[:limit])
