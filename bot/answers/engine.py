"""The engine: routes a message as a fan types it to the command that answers it.

Each command lives in its own module over one shared `Context`; nothing here decides an answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import cached_property

from bot.answers.commands.cast import Cast
from bot.answers.context import Context
from bot.answers.reading.wording import MAX_QUERY, name_keys, safe_echo
from bot.answers.types import Answer, Line
from bot.facts.reading.names import fold_key
from bot.facts.store import FactStore
from bot.facts.text import collapse_ws, fold_unicode


class Engine:
    """Answers messages from one loaded fact store."""

    def __init__(
        self, store: FactStore, prefix: str = "!", today: Callable[[], dt.date] = dt.date.today
    ):
        self.ctx = Context(store, prefix, today)
        self.cast = Cast(self.ctx)

    # The other commands are imported and built on first use: a process that answers one
    # message (`hyosan-bot ask '!cast onjo'`) pays only for the command it runs.

    @cached_property
    def status(self):
        """`!status`."""
        from bot.answers.commands.status import Status

        return Status(self.ctx)

    @cached_property
    def lore(self):
        """`!lore`."""
        from bot.answers.commands.lore import Lore

        return Lore(self.ctx)

    @cached_property
    def catalog(self):
        """`!sources` and autocomplete (a module of functions over the context)."""
        from bot.answers.commands import catalog

        return catalog

    @cached_property
    def ask(self):
        """`!ask` (imported on first use: question analysis is not needed by other commands)."""
        from bot.answers.commands.asking.ask import Ask

        return Ask(self.ctx, self.cast, self.status, self.lore)

    @property
    def store(self) -> FactStore:
        return self.ctx.store

    @property
    def prefix(self) -> str:
        return self.ctx.prefix

    @property
    def today(self) -> Callable[[], dt.date]:
        return self.ctx.today

    def warm(self) -> None:
        """Build everything that is otherwise built on first use (for a long-running bot)."""
        _ = self.ctx.m.search
        _ = self.cast.descriptions
        self.status.warm()
        self.status.argument.later_sentences(3)
        self.ctx.check.warm()
        self.ask.evidence.warm()

    def answer(self, message: str, previous: object | None = None) -> Answer:
        """The reply to one message exactly as typed.

        previous: the `frame` of the answer to the same person's question just before (the
        caller keeps it), so a follow-up ("and Ha-ri?", "why?") reuses that question.
        `query` records the message with its prefix as "/", so the same answer (and so its
        quotes) can be rebuilt later, e.g. by the Quotes button after a restart; a follow-up
        records the standalone question it was read as."""
        text = collapse_ws(fold_unicode(message or ""))
        prefixed = False
        for p in (self.prefix, "/"):
            if p and text.startswith(p):
                text, prefixed = text[len(p) :].lstrip(), True
                break
        answer = self._route(text, prefixed, previous)
        answer.query = f"/{text}" if prefixed else text
        asked = getattr(answer.frame, "asked", None)
        if asked and previous is not None and answer.command == "ask":
            answer.query = f"/ask {asked}"  # the follow-up as the question it stands for
        return answer

    def _route(self, text: str, prefixed: bool, previous: object | None = None) -> Answer:
        if not text:
            return self.nothing_asked()
        word, _, rest = text.partition(" ")
        command = word.lower()
        rest = rest[:MAX_QUERY]
        handlers: dict[str, Callable[[str], Answer]] = {
            "cast": self.cast,
            "status": lambda rest: self.status(rest),
            "lore": lambda rest: self.lore(rest),
            "ask": lambda rest: self.ask(rest, previous),  # `self.ask` alone would build it now
            "sources": lambda rest: self.sources(rest),
        }
        if command in handlers:
            return handlers[command](rest)
        if prefixed:
            return self.unknown_command(word, rest)
        return self.ask(text[:MAX_QUERY], previous)

    def run(self, command: str, argument: str = "", previous: object | None = None) -> Answer:
        """Answer a command given apart from its argument (slash commands); previous: as for
        `answer`."""
        return self.answer(f"{self.prefix}{command} {argument}".strip(), previous)

    def sources(self, asked: str = "") -> Answer:
        return self.catalog.sources(self.ctx, asked)

    def nothing_asked(self) -> Answer:
        """A prefix alone. (`!help` is answered from the command tree, outside the engine.)"""
        return Answer(
            None,
            False,
            None,
            "Nothing asked",
            [Line(f"Ask me a question, or try `{self.prefix}help`.")],
            suggestions=[f"{self.prefix}help"],
        )

    def complete_names(self, current: str, limit: int = 25) -> list[str]:
        """Names for slash-command autocomplete: best fuzzy matches of what is typed so far."""
        return self.catalog.complete_names(self.ctx, current, limit)

    def complete_lore(self, current: str, limit: int = 25) -> list[str]:
        """Lore topic names for autocomplete."""
        return self.catalog.complete_lore(self.ctx, current, limit)

    def complete_status(self, current: str, limit: int = 25) -> list[str]:
        """Status topics (`/status show topic:`) for autocomplete."""
        return self.catalog.complete(current, self.status.topics(), limit)

    def knows(self, word: str, rest: str = "") -> bool:
        """Whether an unknown `!word` strongly names something this bot knows (else: silence)."""
        from bot.answers.reading.lookup import strongly_known

        return strongly_known(self.ctx.m, word, rest)

    def unknown_command(self, word: str, rest: str) -> Answer:
        """`!jonus`, `!onjo`: a lookup when the word names something known; else a hint."""
        query = f"{word} {rest}".strip()
        name = self.ctx.m.names.lookup_any(name_keys(query))
        if name.id:
            return self.cast(self.store.entities[name.id].name)
        topic = self.ctx.m.lore.lookup(fold_key(query))
        if topic.id:
            return self.lore.topic(topic.id, "lore", query)
        return Answer(
            None,
            False,
            None,
            "Unknown command",
            [Line(f"I don't know the command “{safe_echo(word, 30)}”. Try `{self.prefix}help`.")],
            suggestions=[f"{self.prefix}help"],
        )
