"""Name keys: how two spellings of a Korean name are recognised as the same name.

`exact_key` ignores case, spaces, hyphens and dots. `fold_key` also folds the romanisation
variants fans and sources mix (Cheong/Chung, Ji-hoo/Ji-hu, young/yeong, hyeok/hyuk, ryung/rung,
k/g, r/l) and romanises Hangul first, so 온조 meets On-jo.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z가-힣]+")
# Applied in order; each maps a family of spellings to one form.
_FOLDS = (
    ("eo", "u"),
    ("ou", "u"),
    ("oo", "u"),
    ("yu", "u"),
    ("ae", "e"),
    ("k", "g"),
    ("r", "l"),
    ("ll", "l"),
)


@lru_cache(maxsize=1)
def _transliter():
    from hangul_romanize import Transliter
    from hangul_romanize.rule import academic

    return Transliter(academic)


def has_hangul(text: str) -> bool:
    """Whether the text has a Hangul syllable (a plain scan: compiling `[가-힣]` costs ~1 ms
    of every process's start)."""
    return any("가" <= ch <= "힣" for ch in text)


def romanise(text: str) -> str:
    """Hangul syllables to Revised Romanization; other text unchanged."""
    if not has_hangul(text):
        return text
    return _transliter().translit(text)


def exact_key(name: str) -> str:
    """Lower-case letters and digits only (Hangul kept as it is)."""
    return _NON_ALNUM.sub("", name.lower())


def plain_key(name: str) -> str:
    """exact_key after romanising Hangul: a second key that keeps typos like 'Onjoo' close."""
    return exact_key(romanise(name))


@lru_cache(maxsize=4096)
def fold_key(name: str) -> str:
    """A spelling-insensitive key for fuzzy name matching."""
    key = exact_key(romanise(name))
    for a, b in _FOLDS:
        key = key.replace(a, b)
    return key


def looks_like_korean_name(name: str) -> bool:
    """'Kim Min-ji': a short family name and a hyphenated given name, as the sources print them."""
    return re.fullmatch(r"[A-Z][a-z]{1,4} [A-Z][a-z]+-[A-Za-z]+", name) is not None


def given_name(name: str) -> str | None:
    """The given name of 'Nam On-jo' ('On-jo'), or None when the name has no such shape."""
    parts = name.split()
    if len(parts) == 2 and "-" in parts[1]:
        return parts[1]
    return None


def slug(name: str) -> str:
    """An id for a discovered entity."""
    return re.sub(r"[^a-z0-9]+", "-", romanise(name).lower()).strip("-")
