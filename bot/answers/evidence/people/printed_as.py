"""A person asked by one of their printed names is shown under that name first.

"!cast 박솔로몬" asks of the actor one article prints as Park Solomon, whom the others print
as Lomon. The curated aliases say the names are one person; an article does not. So the
pairing is shown under the asked name with the lines printing it, under the other name with
the rest, and, when no line prints both names, that no article says they are one person.
"""

from __future__ import annotations

import re

from bot.answers.context import Context
from bot.answers.reading.wording import closest_name
from bot.answers.types import Citer, Line
from bot.facts.reading.names import fold_key
from bot.facts.store import EntityRow

_WORD = re.compile(r"\w+")


def asked_as(typed: str, entity: EntityRow) -> str | None:
    """The Latin-script name of an entity that a typed name spells; Hangul is matched by its
    given name, romanised ("박솔로몬": "Park Solomon"), since surnames romanise many ways."""
    typed = typed.strip()
    latin = [n for n in dict.fromkeys([entity.name, *entity.aliases]) if n.isascii()]
    got = closest_name(typed, latin)
    if got is None and not typed.isascii() and len(typed) >= 3 and " " not in typed:
        given = fold_key(typed[1:])
        got = next((n for n in latin if len(n.split()) > 1 and fold_key(n).endswith(given)), None)
    return got


def prints(text: str, name: str) -> bool:
    """Whether a text prints a name, however its parts are joined."""
    words = _WORD.findall(name)
    rx = r"(?<!\w)" + r"[\s\-‐‑.]*".join(map(re.escape, words)) + r"(?!\w)"
    return bool(words) and re.search(rx, text, re.IGNORECASE) is not None


def pairing_lines(
    ctx: Context, asked: str, shown: str, char: str, ev: list[int], cite: Citer
) -> list[Line] | None:
    """The pairing of an actor asked as `asked` (printed `shown` elsewhere) with `char`:
    under each name, the lines printing it; None when no line prints the asked name, or the
    two are one name spelt two ways ("Park Ji-hoo", "Park Ji-hu")."""
    if fold_key(asked) == fold_key(shown):
        return None
    quote = lambda s: ctx.store.sentences[s].quote  # noqa: E731
    own = [s for s in ev if prints(quote(s), asked)]
    if not own:
        return None
    rest = [s for s in ev if s not in own]
    lines = [Line(f"{asked} plays {char} {cite.cite_all(own)}")]
    if rest:
        lines.append(Line(f"{shown} plays {char} {cite.cite_all(rest)}"))
    if not any(prints(quote(s), shown) for s in own):
        lines.append(
            Line(
                f"No article says {asked} and {shown} are one person: the articles print each "
                f"name as playing {char}."
            )
        )
    return lines
