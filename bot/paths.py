"""Where the project's data lives. Every path can be overridden (tests build in a temp dir)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def project_root() -> Path:
    """The folder holding `data/` and `.env`: `HYOSAN_HOME` if set; else the checkout this code
    runs from; else (a plain `pip install .`, where the code sits in site-packages) the
    current directory."""
    if home := os.environ.get("HYOSAN_HOME"):
        return Path(home).expanduser().resolve()
    checkout = Path(__file__).resolve().parent.parent
    if (checkout / "data" / "sources.toml").exists():
        return checkout
    return Path.cwd()


ROOT = project_root()
DATA = ROOT / "data"


@dataclass(frozen=True)
class DataPaths:
    """The inputs of a build and the store it writes."""

    sources_dir: Path = DATA / "sources"
    manifest: Path = DATA / "sources.toml"
    entities: Path = DATA / "entities.toml"
    repairs: Path = DATA / "repairs.toml"
    lexicon: Path = DATA / "lexicon.toml"
    schema: Path = DATA / "schema.sql"
    store: Path = DATA / "facts.sqlite"

    @classmethod
    def with_sources(cls, sources_dir: Path, manifest: Path, store: Path) -> DataPaths:
        """The shipped curated data, over another set of articles and another store."""
        return cls(sources_dir=sources_dir, manifest=manifest, store=store)

    def inputs(self) -> list[Path]:
        """Every file whose content decides the store (the sources are added by the manifest)."""
        return [self.manifest, self.entities, self.repairs, self.lexicon, self.schema]


def rel(path: Path) -> str:
    """A path as a person reads it: relative to the project when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
