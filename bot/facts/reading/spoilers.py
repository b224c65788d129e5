"""Which sentences reveal a Season 1 fate or twist, decided from the lexicon at build time.

A sentence is a spoiler when it reveals a fate: a death, a survival, an infection, a hybrid,
or the ending. Some words do that on their own ("still alive", "the final scene"); others only
when the sentence is about someone: a character or actor is named, or a personal pronoun
stands for one ("he perished", "Nam-ra ... a hybrid"), so "there is no cure other than death"
or "the survival of the undead" stay open; what the first episode sets up (patient zero) is
no twist. Cast lists, release news and crew carry none of
these words and are never hidden. The flag is stored with the sentence and every command, the
Quotes view and the scheduled post read it from there.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.errors import BuildError
from bot.facts.text import PhraseSet


def _phrases(table: dict, key: str, where: str) -> PhraseSet:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise BuildError(f"{where}: spoilers.{key} must be a list of non-empty strings")
    return PhraseSet(v.strip() for v in value)


@dataclass(frozen=True)
class SpoilerRules:
    """The [spoilers] table of data/lexicon.toml, compiled."""

    reveals: PhraseSet  # a fate on their own
    about_someone: PhraseSet  # a fate when the sentence is about someone
    subjects: PhraseSet  # pronouns that stand for someone
    setup: PhraseSet  # told at the start of the show: read past

    @classmethod
    def from_table(cls, table: object, where: str) -> SpoilerRules:
        if not isinstance(table, dict):
            raise BuildError(f"{where}: [spoilers] must be a table")
        return cls(
            reveals=_phrases(table, "cues", where),
            about_someone=_phrases(table, "about_someone", where),
            subjects=_phrases(table, "subjects", where),
            setup=_phrases(table, "setup", where),
        )

    def is_spoiler(self, text: str, names_someone: bool) -> bool:
        """Whether a sentence reveals a Season 1 fate; `names_someone`: it names a character
        or an actor (crew does not count)."""
        text = self.setup.remove(text)
        if self.reveals.any(text):
            return True
        return self.about_someone.any(text) and (names_someone or self.subjects.any(text))
