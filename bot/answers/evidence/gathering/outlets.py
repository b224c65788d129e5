"""Outlets in the sources: an article's own (the manifest's `outlet`) and the ones articles
cite ("according to Teen Vogue", "told the Korea Herald", "NewsPim reported").

Stage: evidence gathered. A cited outlet is a capitalised name of one to four words right
beside a reporting word ([ask.kinds] `reporting`), with no person's name, month, number,
function word or only thesaurus words in it; the index is built once per store.
"""

from __future__ import annotations

import re
from functools import cached_property

from bot.answers.context import Context
from bot.answers.reading.concepts import Concepts
from bot.answers.reading.wording import name_keys
from bot.facts.store import SourceInfo
from bot.facts.text import MONTHS, PhraseSet

NEAR = 10  # characters between an outlet's name and the reporting word beside it ("with the")
_MONTHS = {m.lower() for m in MONTHS}
_RUNS = re.compile(r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*")  # capitalised words in a row

Found = tuple[str, str | None, list[int]]  # name as printed, its article (own outlet), citing ids


class Outlets:
    """Finds the outlet a question names."""

    def __init__(self, ctx: Context, concepts: Concepts, reporting: PhraseSet | None):
        self.ctx = ctx
        self.concepts = concepts
        self.reporting = reporting or PhraseSet([])

    def find(self, raw: str, cited: bool = True) -> Found | None:
        """The outlet a question names: an article's own outlet (from the manifest), or one an
        article cites ("according to X", "X reported", "told X"): (name as printed, the
        source id when it is an article's own outlet, the sentences citing it)."""
        folded = f" {fold(raw)} "
        for key, src in self._own.items():
            if f" {key} " in folded:
                return src.outlet, src.id, []
        folded = folded.strip()
        words = folded.split() if cited else []
        for n in (4, 3, 2, 1):
            for i in range(len(words) - n + 1):
                if (hit := self._cited.get(" ".join(words[i : i + n]))) is not None:
                    return hit[0], None, hit[1]
        return None

    def cited_names(self) -> list[tuple[str, int]]:
        """Each outlet the articles cite, once, with how many articles cite it, most cited
        first: of the names read around one mention ("Teen Vogue", "Vogue") the longest
        that covers its mentions, and a name once more words come with it ("South Korea’s
        NewsPim") only when it is not also printed alone ("NewsPim")."""
        sids = {k: set(v[1]) for k, v in self._cited.items()}

        def within(short: str, long: str) -> bool:
            return short != long and f" {short} " in f" {long} "

        kept = [k for k in sids if not any(within(k, o) and sids[k] <= sids[o] for o in sids)]
        kept = [k for k in kept if not any(within(o, k) for o in kept)]
        articles = {k: len({self.ctx.store.sentences[s].source_id for s in sids[k]}) for k in kept}
        ranked = sorted(kept, key=lambda k: (-articles[k], min(sids[k])))
        return [(self._cited[k][0], articles[k]) for k in ranked]

    @cached_property
    def _own(self) -> dict[str, SourceInfo]:
        """The articles' own outlets, folded (one article per outlet: its newest)."""
        out: dict[str, SourceInfo] = {}
        for src in sorted(self.ctx.store.sources.values(), key=lambda s: (s.published, s.id)):
            if src.outlet and (key := fold(src.outlet)):
                out[key] = src
        return out

    @cached_property
    def _cited(self) -> dict[str, tuple[str, list[int]]]:
        """Every capitalised name of one to three words that a sentence prints beside a
        reporting word, folded: {"korea herald": ("Korea Herald", [sentence ids])} (built
        once per store; people and the show left out)."""
        vocab = self.ctx.store.vocab
        stop = {w for ws in vocab.get("ask.stopwords", {}).values() for w in ws}
        thesaurus = set(vocab.get("ask.concepts", {}))
        out: dict[str, tuple[str, list[int]]] = {}
        names = {
            w
            for e in self.ctx.store.entities.values()
            for n in (e.name, *e.aliases)
            for w in fold(n).split()
        }
        for sid, s in self.ctx.store.sentences.items():
            cues = [m.span() for m in self.reporting.finditer(s.display)]
            for run in _RUNS.finditer(s.display):
                words = run.group(0).split()
                if run.start() == 0:  # a sentence's first word is capitalised anyway
                    words = words[1:]
                # the name right after "according to", "told"... or right before "reported"
                after = any(0 <= run.start() - b <= NEAR for _, b in cues)
                before = any(0 <= a - run.end() <= NEAR for a, _ in cues)
                # "South Korea’s NewsPim reported": the name may be the run's last word alone
                grams = [words] if len(words) == 1 else []
                grams += [words[:n] for n in (2, 3, 4) if after and n <= len(words)]
                grams += [words[-n:] for n in (1, 2, 3) if before and n <= len(words) > 1]
                for gram in grams if (after or before) else []:
                    printed = " ".join(gram)
                    key = fold(printed)
                    folded = key.split()
                    # an outlet's name: no function word, number, month or person's name in
                    # it, not only thesaurus words, not the show
                    odd = any(
                        w in stop or w.isdigit() or w in _MONTHS or w in names for w in folded
                    )
                    if len(key) < 4 or odd:
                        continue
                    if all(self.concepts.of_text(w) & thesaurus for w in folded):
                        continue
                    if key in out:
                        if out[key][1][-1] != sid:
                            out[key][1].append(sid)
                    elif not self._is_name(printed):
                        out[key] = (printed, [sid])
        return out

    def _is_name(self, text: str) -> bool:
        """Whether a capitalised phrase is a person or the show, not an outlet."""
        shows = self.ctx.store.vocab.get("ask.show", {}).get("names", [])
        folded = fold(text)
        return bool(self.ctx.m.names.exact_any(name_keys(text))) or any(
            folded in fold(n).split() or folded == fold(n) for n in shows
        )


def fold(text: str) -> str:
    """Lower-case words with apostrophes dropped: "Harper’s Bazaar" -> "harpers bazaar"."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", "")))
