"""A synthetic corpus for scale tests: N articles made from the real sources' sentence shapes,
with generated names, topics and dates (deterministic for a seed)."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from bot.facts.sources.manifest import load_sources
from bot.facts.text import MONTHS, collapse_ws, split_sentences
from bot.paths import DataPaths

_FAMILY = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Oh",
    "Seo",
    "Shin",
    "Kwon",
    "Hwang",
    "Ahn",
    "Song",
    "Ryu",
    "Hong",
]
_SYLLABLES = [
    "min",
    "ji",
    "seo",
    "hyun",
    "woo",
    "jin",
    "yeon",
    "soo",
    "ha",
    "eun",
    "jun",
    "young",
    "na",
    "ri",
    "do",
    "gyu",
    "bin",
    "hee",
    "tae",
    "won",
    "chan",
    "sol",
    "ah",
    "yu",
]
_NAME = re.compile(r"\b[A-Z][a-z]{1,4} [A-Z][a-z]+-[a-z]+\b")
_YEAR = re.compile(r"\b20[12]\d\b")
_CAST_SHAPES = [
    "{actor} as {char}",
    "{char} ({actor})",
    "{char} (played by {actor})",
    "{actor} (who plays {char}, a student who survives)",
]
_STATUS_SHAPES = [
    "Netflix has not announced a premiere date for season 2, but it is expected to drop in {when}.",
    "According to a new interview, filming for Season 2 has begun in {when}.",
    "Netflix dropped the teaser trailer of season 2 in {when}.",
    "A precise release date for the upcoming season has yet to be confirmed.",
    "Season 2 is expected to have {n} episodes.",
    "Netflix confirmed the renewal of the series for its second season in {when}.",
]


def _name(rng: random.Random) -> str:
    given = f"{rng.choice(_SYLLABLES).capitalize()}-{rng.choice(_SYLLABLES)}"
    return f"{rng.choice(_FAMILY)} {given}"


def _when(rng: random.Random) -> str:
    year = rng.randint(2024, 2030)
    return rng.choice(
        [
            f"{rng.choice(MONTHS)} {year}",
            f"early {year}",
            f"late {year}",
            f"the first half of {year}",
            str(year),
        ]
    )


def write_corpus(root: Path, n: int, seed: int = 7, with_real: bool = True) -> DataPaths:
    """Write N synthetic articles (plus the real ones) and their manifest under root."""
    real = DataPaths()
    sources = load_sources(real.manifest, real.sources_dir)
    shapes = [
        collapse_ws(s.body[sp.start : sp.end]) for s in sources for sp in split_sentences(s.body)
    ]
    shapes = [s for s in shapes if len(s) > 40]
    rng = random.Random(seed)
    out = root / "sources"
    out.mkdir(parents=True, exist_ok=True)
    manifest = ["# synthetic corpus\n"]
    if with_real:
        for p in real.sources_dir.glob("*.txt"):
            shutil.copy(p, out / p.name)
        manifest.append(real.manifest.read_text(encoding="utf-8"))
    for i in range(n):
        sid = f"syn_{i:05d}"
        cast = [(_name(rng), _name(rng)) for _ in range(rng.randint(2, 5))]
        lines = [f"All of Us Are Dead Season 2: synthetic update {i}", ""]
        for _ in range(rng.randint(18, 30)):
            s = _NAME.sub(lambda _m: _name(rng), rng.choice(shapes))
            lines.append(_YEAR.sub(lambda _m: str(rng.randint(2022, 2030)), s))
        cast_text = ", ".join(rng.choice(_CAST_SHAPES).format(actor=a, char=c) for a, c in cast)
        lines.append(f"The returning cast includes {cast_text}.")
        for _ in range(rng.randint(2, 4)):
            lines.append(rng.choice(_STATUS_SHAPES).format(when=_when(rng), n=rng.randint(6, 12)))
        (out / f"{sid}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        date = f"{rng.randint(2022, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        manifest.append(
            f'\n[[source]]\nid = "{sid}"\ntitle = "Synthetic update {i}"\n'
            f'published = "{date}"\ndate_basis = "estimated"\n'
            f'date_clue = "generated for the scale benchmark"\n'
        )
    (root / "sources.toml").write_text("".join(manifest), encoding="utf-8")
    return DataPaths.with_sources(out, root / "sources.toml", root / "facts.sqlite")
