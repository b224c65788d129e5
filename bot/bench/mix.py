"""The benchmark's fixed mix of fan messages: variants, typos, Hangul and free questions."""

from __future__ import annotations

import tomllib

from bot.paths import DATA

COMMANDS = ("cast", "status", "lore", "ask")


def _typo(word: str, i: int) -> str:
    """A deterministic typo: swap two neighbouring letters, or drop one."""
    if len(word) < 4:
        return word
    j = 1 + i % (len(word) - 2)
    if i % 2:
        return word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return word[:j] + word[j + 1 :]


def question_mix() -> list[str]:
    """At least 200 messages as fans type them: variants, typos, Hangul, free questions."""
    entities = tomllib.loads((DATA / "entities.toml").read_text(encoding="utf-8"))["entity"]
    lexicon = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))
    mix: list[str] = []
    for i, e in enumerate(entities):
        name = e["name"]
        given = name.split(" ", 1)[-1]
        mix += [
            f"!cast {name}",
            f"!cast {given.lower().replace('-', '')}",
            f"!cast {_typo(name, i)}",
        ]
        mix += [f"!cast {a}" for a in e.get("aliases", [])[:2]]
        if e.get("hangul"):
            mix.append(f"!cast {e['hangul']}")
    mix += [
        "!cast director",
        "!cast writer",
        "!cast webtoon author",
        "!cast",
        "!cast xyzzy",
        "!cast Park",
        "!cast Lee",
    ]
    for i, (tid, topic) in enumerate(lexicon["lore"].items()):
        for name in topic.get("names", [])[:3]:
            mix += [f"!lore {name}", f"!lore {_typo(name, i)}"]
        mix.append(f"!lore {tid}")
    mix += ["!lore", "!lore pizza", "!lore jonas", "!lore hambie"]
    mix += [
        f"!ask {q}"
        for q in (
            "when will season 2 come out",
            "when is season 2 coming out",
            "who directed it",
            "how many episodes",
            "is there a trailer",
            "has it been renewed",
            "has filming started",
            "who plays nam-ra",
            "is cheong san coming back",
            "what is the 24khz sound",
            "who created the virus",
            "what happened to cheong-san",
            "who wrote the webtoon",
            "is there a cure",
            "who is patient zero",
            "what is a hamby",
            "will onjo return",
            "what is the capital of france",
            "release date??",
            "is lomon in season 2",
            "who is the new cast member",
            "when did netflix renew it",
            "how long is season 1",
            "what are immortal zombies",
            "is season 2 filming",
            "whats hyosan high school",
            "is there a teaser",
            "who is roh yoon-seo playing",
            "when does filming start",
            "is the show cancelled",
        )
    ]
    mix += ["!status"] * 12
    return mix
