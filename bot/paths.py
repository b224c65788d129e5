"""Where the project's data lives. Every path can be overridden (tests build in a temp dir)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
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


def instance_dir() -> Path:
    """The owner's own folder, never tracked by git: the articles they added and the feeds they
    follow. `HYOSAN_INSTANCE` if set (relative: inside the project), else `instance/`."""
    if value := os.environ.get("HYOSAN_INSTANCE", "").strip():
        path = Path(value).expanduser()
        return (path if path.is_absolute() else ROOT / path).resolve()
    return ROOT / "instance"


@dataclass(frozen=True)
class DataPaths:
    """The inputs of a build and the store it writes. The articles are the shipped ones
    (`sources_dir`, `manifest`) plus, when `library` is set, the owner's own: `<library>/sources`
    and `<library>/sources.toml`, where `add` writes."""

    sources_dir: Path = DATA / "sources"
    manifest: Path = DATA / "sources.toml"
    entities: Path = DATA / "entities.toml"
    repairs: Path = DATA / "repairs.toml"
    lexicon: Path = DATA / "lexicon.toml"
    schema: Path = DATA / "schema.sql"
    store: Path = DATA / "facts.sqlite"
    library: Path | None = field(default_factory=instance_dir)

    @classmethod
    def with_sources(
        cls, sources_dir: Path, manifest: Path, store: Path, library: Path | None = None
    ) -> DataPaths:
        """The shipped curated data, over another set of articles and another store."""
        return cls(sources_dir=sources_dir, manifest=manifest, store=store, library=library)

    @property
    def library_dir(self) -> Path | None:
        return self.library / "sources" if self.library else None

    @property
    def library_manifest(self) -> Path | None:
        return self.library / "sources.toml" if self.library else None

    @property
    def feeds_db(self) -> Path:
        """The feed state (bot.news.state): in the instance folder, else beside the store."""
        return (self.library or self.store.parent) / "feeds.sqlite"

    @property
    def cache(self) -> Path:
        """Per-article extraction results, reused by the next build
        (bot.facts.building.incremental)."""
        return self.store.with_name(f"{self.store.name}.cache")

    def article_sets(self) -> list[tuple[Path, Path]]:
        """(manifest, folder) of each set of articles the store is built from."""
        sets = [(self.manifest, self.sources_dir)]
        if self.library_manifest is not None and self.library_manifest.exists():
            sets.append((self.library_manifest, self.library_dir))
        return sets

    def inputs(self) -> list[Path]:
        """Every file whose content decides the store (the sources are added by the manifest)."""
        extra = [m for m, _ in self.article_sets()[1:]]
        return [self.manifest, *extra, self.entities, self.repairs, self.lexicon, self.schema]


def rel(path: Path) -> str:
    """A path as a person reads it: relative to the project when it is inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)
