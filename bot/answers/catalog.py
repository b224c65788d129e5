"""What the bot knows about itself: `!sources`, `!help`, and slash-command autocomplete."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.answers.context import Context
from bot.answers.types import Answer, Line
from bot.answers.wording import MAX_QUERY, safe_echo
from bot.facts.names import fold_key, plain_key
from bot.facts.text import collapse_ws, fold_unicode


@dataclass(frozen=True)
class Command:
    """One command as `!help` explains it."""

    name: str
    group: str
    usage: str
    example: str
    summary: str
    details: str = ""


MEMBER, POSTS, SETTINGS = "Ask", "Status posts (Manage Server)", "Server settings (Manage Server)"
COMMANDS = (
    Command(
        "cast",
        MEMBER,
        "cast [name]",
        "cast On-jo",
        "who plays whom: a character, an actor, or a crew role such as director",
        "With no name: the main cast. Spellings are forgiving: onjo, 온조, Park Ji-hoo. "
        "A description the articles print works too: `{p}cast the villain`, "
        "`{p}cast patient zero`.",
    ),
    Command(
        "status",
        MEMBER,
        "status [topic]",
        "status trailer",
        "the Season 2 digest; with a topic, that topic's timeline",
        "Topics: renewal, filming, trailer, release, episodes, cast (typos are fine). "
        "Where sources disagree, the timeline shows both sides. A person (`{p}status cheong-san`) "
        "gives their Season 2 return; `{p}status season 3` what the sources say of a third season.",
    ),
    Command(
        "lore",
        MEMBER,
        "lore [topic]",
        "lore jonus",
        "the virus, hybrids, the cure and other lore, with sources",
        "With no topic: the topics I know.",
    ),
    Command(
        "ask",
        MEMBER,
        "ask <question>",
        "ask when will season 2 come out",
        "any question, answered from the best-supported facts",
    ),
    Command(
        "quotes",
        MEMBER,
        "quotes [command]",
        "quotes status trailer",
        "the exact words behind an answer, grouped by footnote",
        "Tap the Quotes button under an answer, reply to an answer with `{p}quotes`, "
        "or give a command: `{p}quotes cast On-jo`. Alone it quotes my last answer here.",
    ),
    Command("sources", MEMBER, "sources", "sources", "the articles every answer is cited to"),
    Command("help", MEMBER, "help [command]", "help status", "this list, or one command"),
    Command(
        "status subscribe",
        POSTS,
        "status subscribe #channel [HH:MM] [daily|weekly] [on-change]",
        "status subscribe #news 09:00 weekly",
        "post the digest in a channel on a schedule (UTC)",
        "on-change posts only when the digest changed since the last post.",
    ),
    Command(
        "status unsubscribe",
        POSTS,
        "status unsubscribe [#channel]",
        "status unsubscribe #news",
        "stop the scheduled posts in a channel",
    ),
    Command(
        "status subscriptions",
        POSTS,
        "status subscriptions",
        "status subscriptions",
        "this server's scheduled posts, and any that are paused",
    ),
    Command(
        "spoilers",
        SETTINGS,
        "spoilers on|off",
        "spoilers off",
        "spoiler bars over Season 1 deaths and twists: on (the default) or off",
        "Only sentences that reveal a fate are hidden; cast lists and release news never.",
    ),
)
BY_NAME = {c.name: c for c in COMMANDS}


def sources(ctx: Context) -> Answer:
    """Every article, newest first, estimated dates marked, with its outlet and link."""
    lines = []
    for s in sorted(ctx.store.sources.values(), key=lambda s: (s.published, s.id), reverse=True):
        est = " (estimated)" if s.estimated else ""
        added = f", added {s.added}" if s.added else ""
        outlet = f" · {s.outlet}" if s.outlet else ""
        url = f" <{s.url}>" if s.url else ""  # <...>: a link without a preview card
        lines.append(Line(f"{s.published}{est}{added} — {s.title}{outlet}{url} `{s.id}`"))
    return Answer("sources", True, None, f"{len(lines)} sources", lines)


def help_answer(ctx: Context, topic: str = "") -> Answer:
    """Every command a member and an admin can use, grouped, one example each; or one command."""
    p = ctx.prefix
    if topic.strip():
        return _help_one(ctx, topic)
    lines: list[Line] = []
    for group in (MEMBER, POSTS, SETTINGS):
        lines.append(Line(f"**{group}**"))
        lines.extend(Line(f"`{p}{c.example}` — {c.summary}") for c in COMMANDS if c.group == group)
    lines.append(
        Line(
            "Every command is also a slash command (`/cast`, `/status show topic:`…). "
            f"Footnotes [n] are articles; `{p}help <command>` explains one."
        )
    )
    return Answer("help", True, None, "hyosan-bot commands", lines)


def _help_one(ctx: Context, topic: str) -> Answer:
    p = ctx.prefix
    name = " ".join(topic.lower().lstrip(p + "/").split()[:2])
    command = (
        BY_NAME.get(name)
        or BY_NAME.get(name.split(" ")[0])
        or next((c for c in COMMANDS if c.name.endswith(f" {name}")), None)
    )
    if command is None:
        near = complete(name, [c.name for c in COMMANDS], 3)
        hint = f" Did you mean `{p}help {near[0]}`?" if near else ""
        return Answer(
            "help",
            False,
            None,
            "No such command",
            [Line(f"I have no command called “{safe_echo(topic, 30)}”.{hint} Try `{p}help`.")],
            suggestions=[f"{p}help {c}" for c in near],
        )
    lines = [
        Line(f"`{p}{command.usage}` — {command.summary}."),
        Line(f"Example: `{p}{command.example}`"),
    ]
    if command.details:
        lines.append(Line(command.details.format(p=p)))
    if command.group != MEMBER:
        lines.append(Line("Needs the Manage Server permission."))
    return Answer("help", True, command.name, f"{p}{command.name}", lines)


COMPLETE_CUTOFF = 80.0  # below this an autocomplete choice is noise, not a match


def _tails(alias: str) -> list[str]:
    """Keys of an alias and of each of its trailing words: 'Nam On-jo' -> namonjo, onjo."""
    words = alias.split()
    keys = [plain_key(" ".join(words[i:])) for i in range(len(words))]
    return [k for k in keys if k]


def prefix_score(typed: str, alias: str) -> float:
    """How well what is typed so far starts a name: 100 for the whole name's start, 95 for a
    later word's, a typo-tolerant prefix similarity below that; shorter names rank higher."""
    best = 0.0
    for i, tail in enumerate(_tails(alias)):
        penalty = min(len(tail) - len(typed), 20) * 0.1
        if tail.startswith(typed) or fold_key(tail).startswith(fold_key(typed)):
            best = max(best, (100.0 if i == 0 else 95.0) - penalty)
        elif len(typed) >= 3:
            best = max(best, fuzz.ratio(typed, tail[: len(typed)]) * 0.9 - penalty)
    return best


def complete(current: str, choices: list[str] | dict[str, list[str]], limit: int) -> list[str]:
    """Choices whose name (or an alias) the typed text starts, best first, cut at a score.

    `choices` is a list of names or {name: aliases}; typing "onj" offers On-jo and little else.
    """
    table = choices if isinstance(choices, dict) else {c: [] for c in choices}
    current = collapse_ws(fold_unicode(current))[:MAX_QUERY]
    key = plain_key(current)
    if not key:
        return list(table)[:limit]
    scored = []
    for name, aliases in table.items():
        score = max(prefix_score(key, a) for a in [name, *aliases])
        if score >= COMPLETE_CUTOFF:
            scored.append((score, name))
    scored.sort(key=lambda sc: (-sc[0], sc[1]))
    return [c for _, c in scored][:limit]


def complete_names(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Names (and crew roles) for slash-command autocomplete, people before role words."""
    table: dict[str, list[str]] = {}
    entities = sorted(ctx.store.entities.values(), key=lambda e: -len(ctx.pairs_for(e.id)))
    for e in entities:
        table.setdefault(e.name, []).extend(a for a in e.aliases if a != e.name)
    for e in entities:
        for role in e.roles[:1]:
            table.setdefault(role, [])
    return complete(current, table, limit)


def complete_lore(ctx: Context, current: str, limit: int = 25) -> list[str]:
    """Lore topic names for autocomplete."""
    table = {
        (t.names[0] if t.names else t.id): [t.label, *t.names[1:]]
        for t in ctx.store.lore_topics.values()
    }
    return complete(current, table, limit)
