"""Adding and removing articles: extraction, dates, refusals, manifest edits, what changed."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import pytest

from bot.answers.commands.changes import changes_answer, compare, status_change_answer
from bot.answers.engine import Engine
from bot.errors import BuildError
from bot.facts.sources import ingest, library
from bot.facts.sources.dates import newest_mentioned, printed_in_text
from bot.facts.sources.ingest import IngestRefused, read_article
from bot.facts.sources.library import add_source, remove_source
from tests.conftest import copy_corpus, load

PAGES = Path(__file__).parent / "pages"
TODAY = dt.date(2026, 11, 22)


def read(name: str, **kw) -> ingest.Article:
    return read_article(str(PAGES / name), today=TODAY, **kw)


def snapshot(paths) -> tuple[bytes, dict[str, bytes]]:
    files = {p.name: p.read_bytes() for p in sorted(paths.sources_dir.iterdir())}
    return paths.manifest.read_bytes(), files


@pytest.fixture
def corpus(tmp_path):
    paths = copy_corpus(tmp_path)
    library.build(paths)
    return paths


# --- reading -------------------------------------------------------------------------------


def test_web_page_keeps_the_article_and_drops_the_chrome():
    a = read("trailer_article.html")
    assert a.title == "All of Us Are Dead Season 2 Teaser Trailer Is Here"
    assert "Netflix released the teaser trailer" in a.body
    assert "Filming wrapped in spring 2026" in a.body
    for chrome in ("Sign in", "Trending", "All rights reserved", "Squid Game recap", "Mina Cho"):
        assert chrome not in a.body
    assert (a.published, a.date_basis) == ("2026-09-30", "printed")
    assert "htmldate" in a.date_clue


def test_text_dateline_is_a_printed_date():
    a = read("dateline_article.txt")
    assert a.title == "All of Us Are Dead season 2 wraps filming"
    assert (a.published, a.date_basis) == ("2025-03-03", "printed")
    assert "March 3, 2025" in a.date_clue


def test_undated_text_is_estimated_from_its_newest_past_event_with_the_clue():
    a = read("undated_article.txt")
    assert a.date_basis == "estimated"
    # "Filming began in January 2025, ... and is expected to last into the summer": the
    # forecast is another clause; "expected in 2026" is a forecast and names no month.
    assert a.published == "2025-01-01"
    quote = re.search(r'"(.+)"', a.date_clue).group(1)
    assert quote in a.body and "January 2025" in quote


def test_published_option_overrides_both():
    a = read("trailer_article.html", published="2026-10-01")
    assert (a.published, a.date_basis) == ("2026-10-01", "printed")
    assert "--published" in a.date_clue
    with pytest.raises(IngestRefused, match="not a date"):
        read("trailer_article.html", published="yesterday")


def test_title_option_wins_and_a_headless_text_needs_one(tmp_path):
    body = "Netflix confirmed All of Us Are Dead season 2 in June 2022. " * 20
    p = tmp_path / "headless.txt"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(IngestRefused, match="--title"):
        read_article(str(p), today=TODAY)
    assert read_article(str(p), title=" A  title ", today=TODAY).title == "A title"


def test_a_long_review_headline_is_still_a_headline(tmp_path):
    head = (
        "Review: the second season swaps the classroom for the quarantine zone, keeps its "
        "heart, loses some of its nerve, and mostly gets away with it"
    )
    body = "Season 2 of All of Us Are Dead premiered on Netflix in June 2026. " * 20
    p = tmp_path / "review.txt"
    p.write_text(f"{head}\n\n{body}", encoding="utf-8")
    assert read_article(str(p), published="2026-06-19", today=TODAY).title == head
    p.write_text(f"{head} {head}\n\n{body}", encoding="utf-8")  # a paragraph, not a title
    with pytest.raises(IngestRefused, match="--title"):
        read_article(str(p), published="2026-06-19", today=TODAY)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("date 2024-04-09\nBody", "2024-04-09"),
        ("Headline\nPublished: April 9, 2024\nBody", "2024-04-09"),
        ("Headline\nPosted on 9th April 2024 by A. Writer", "2024-04-09"),
        ("Headline\n9 April 2024\nBody", "2024-04-09"),
        ("Headline\nIn April 9, 2024 news broke.", None),
    ],
)
def test_printed_dates_in_text(text, iso):
    found = printed_in_text(text)
    assert (found.iso if found else None) == iso


def test_future_and_forecast_dates_do_not_date_an_article():
    text = (
        "It came out in January 2022. Season 2 will arrive in March 2026. Filmed May 2030. "
        "It was renewed in June 2022, and a release is expected in December 2025."
    )
    assert newest_mentioned(text, dt.date(2026, 1, 1)).iso == "2022-06-01"


# --- refusals: one line, nothing written ------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.html", b"", "not an article"),
        ("blank.html", b"<html><body>   </body></html>", "not an article"),
        ("latin1.txt", "All of Us Are Dead café\n".encode("latin-1"), "unreadable encoding"),
        ("bad.html", b'<meta charset="utf-8"><p>caf\xe9</p>', "unreadable encoding"),
        ("binary.txt", b"\x00\x01\x02PNG" * 50, "binary"),
        ("notes.pdf", b"%PDF-1.4", ".html"),
    ],
)
def test_unusable_files_are_refused(tmp_path, name, content, message):
    p = tmp_path / name
    p.write_bytes(content)
    with pytest.raises(IngestRefused, match=message) as exc:
        read_article(str(p), today=TODAY)
    assert "\n" not in str(exc.value)


def test_index_and_off_topic_pages_are_refused():
    with pytest.raises(IngestRefused, match="not an article"):
        read("index_page.html")
    with pytest.raises(IngestRefused, match="not about the show"):
        read("off_topic.html")


def test_a_tag_page_of_headlines_and_teasers_is_not_an_article(tmp_path):
    with pytest.raises(IngestRefused, match="not an article but a list of articles"):
        read("tag_page.html")
    # Without the "Read more" links it is still a page of headline links.
    html = (PAGES / "tag_page.html").read_text(encoding="utf-8")
    bare = tmp_path / "tag.html"
    bare.write_text(re.sub(r' <a href="[^"]*">Read more</a>', "", html), encoding="utf-8")
    with pytest.raises(IngestRefused, match="headline links") as exc:
        read_article(str(bare), today=TODAY)
    assert str(exc.value).startswith("tag.html: ")


def test_an_article_with_a_related_stories_box_is_still_an_article(tmp_path):
    html = (PAGES / "trailer_article.html").read_text(encoding="utf-8")
    related = "".join(
        f'<li><a href="/news/{i}">Another story about the Netflix zombie drama number {i}</a></li>'
        for i in range(12)
    )
    page = tmp_path / "with_related.html"
    page.write_text(html.replace("</body>", f"<aside><ul>{related}</ul></aside></body>"), "utf-8")
    assert read_article(str(page), today=TODAY).published == "2026-09-30"


def test_a_control_character_names_the_file_given_not_the_stored_copy(tmp_path, corpus):
    text = (PAGES / "dateline_article.txt").read_text(encoding="utf-8")
    mine = tmp_path / "my_article.txt"
    mine.write_text(text.replace("\n", "\n\x07", 3), encoding="utf-8")
    before = snapshot(corpus)
    with pytest.raises(IngestRefused) as exc:
        add_source(corpus, read_article(str(mine), today=TODAY), TODAY)
    assert str(exc.value).startswith("my_article.txt: control character U+0007 on line 2")
    assert "data/sources" not in str(exc.value) and snapshot(corpus) == before


def test_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(ingest, "MAX_INPUT_BYTES", 1000)
    with pytest.raises(IngestRefused, match="over the"):
        read("trailer_article.html")


def test_missing_file_is_refused():
    with pytest.raises(IngestRefused, match="no such file"):
        read("nope.html")


def test_duplicates_are_refused_and_nothing_is_written(corpus, tmp_path):
    before = snapshot(corpus)
    a = read("trailer_article.html")
    add_source(corpus, a, TODAY)
    after_add = snapshot(corpus)
    with pytest.raises(IngestRefused, match="identical"):
        add_source(corpus, read("trailer_article.html"), TODAY)
    near = tmp_path / "near.txt"
    body = (corpus.sources_dir / "001_f15b1d0a36d63315.txt").read_text(encoding="utf-8")
    near.write_text("A copied headline\n" + body.replace("zombie", "undead"), encoding="utf-8")
    with pytest.raises(IngestRefused, match=r"near-duplicate .* 001_f15b1d0a36d63315"):
        add_source(corpus, read_article(str(near), today=TODAY), TODAY)
    assert snapshot(corpus) == after_add != before


# --- add / remove ---------------------------------------------------------------------------


def test_add_writes_file_and_entry_keeping_the_manifest_and_answers_follow(corpus):
    original = corpus.manifest.read_text(encoding="utf-8")
    old = load(corpus)
    change = add_source(corpus, read("trailer_article.html"), TODAY)
    assert re.fullmatch(r"005_[0-9a-f]{16}", change.source_id)
    text = corpus.manifest.read_text(encoding="utf-8")
    assert text.startswith(original.rstrip("\n"))  # comments and order untouched
    entry = tomllib.loads(text)["source"][-1]
    assert entry["id"] == change.source_id and entry["added"] == TODAY.isoformat()
    assert entry["published"] == "2026-09-30" and entry["date_basis"] == "printed"
    new = load(corpus)
    assert change.source_id in new.sources and change.summary.sources == 6
    status = Engine(new, today=lambda: TODAY).status()
    assert status.lines[0].text.startswith("As of 2026-09-30")
    assert any(c.source == change.source_id for c in status.citations)
    assert not Engine(old).status().lines[0].text.startswith("As of 2026-09-30")


def test_remove_puts_the_manifest_back_byte_for_byte(corpus):
    before = snapshot(corpus)
    change = add_source(corpus, read("dateline_article.txt"), TODAY)
    remove_source(corpus, change.source_id)
    assert snapshot(corpus) == before


@pytest.mark.parametrize(
    "variant", ["crlf", "no-final-newline", "trailing-blank-lines", "crlf-no-final-newline"]
)
def test_add_then_remove_restores_any_manifest_byte_for_byte(corpus, variant):
    text = corpus.manifest.read_bytes().decode("utf-8").rstrip("\n") + "\n"
    if "no-final-newline" in variant:
        text = text.rstrip("\n")
    if variant == "trailing-blank-lines":
        text += "\n\n\n"
    if variant.startswith("crlf"):
        text = text.replace("\n", "\r\n")
    corpus.manifest.write_bytes(text.encode("utf-8"))
    before = snapshot(corpus)
    change = add_source(corpus, read("dateline_article.txt"), TODAY)
    added = corpus.manifest.read_bytes().decode("utf-8")
    assert tomllib.loads(added)["source"][-1]["id"] == change.source_id
    if variant.startswith("crlf"):
        assert "\n" not in added.replace("\r\n", "")  # no line rewritten to LF
    assert added.endswith("\n") == text.endswith("\n")
    remove_source(corpus, change.source_id)
    assert snapshot(corpus) == before


def test_remove_a_middle_entry_keeps_the_others(corpus):
    remove_source(corpus, "002_c773a4bdeaf767a9")
    ids = [e["id"] for e in tomllib.loads(corpus.manifest.read_text("utf-8"))["source"]]
    assert ids == [
        "000_71c052bff4a9544e",
        "001_f15b1d0a36d63315",
        "003_46757ed511165cca",
        "004_fc0cb16fffc47836",
    ]
    assert corpus.manifest.read_text("utf-8").startswith("# One [[source]] per article")
    assert not (corpus.sources_dir / "002_c773a4bdeaf767a9.txt").exists()
    assert "002_c773a4bdeaf767a9" not in load(corpus).sources


def test_remove_unknown_id_suggests_the_right_one(corpus):
    before = snapshot(corpus)
    with pytest.raises(IngestRefused, match="did you mean 003_46757ed511165cca"):
        remove_source(corpus, "003")
    assert snapshot(corpus) == before


def test_a_failed_rebuild_puts_everything_back(corpus, monkeypatch):
    before = snapshot(corpus)

    def broken(paths):
        raise BuildError("data/entities.toml: broken for the test")

    monkeypatch.setattr(library, "build", broken)
    with pytest.raises(BuildError, match="broken for the test"):
        add_source(corpus, read("trailer_article.html"), TODAY)
    assert snapshot(corpus) == before


# --- what changed ---------------------------------------------------------------------------


def test_changes_name_status_moves_new_pairs_and_lore_with_verbatim_citations(corpus):
    old = load(corpus)
    add_source(corpus, read("trailer_article.html"), TODAY)
    new = load(corpus)
    changes = compare(old, new)
    trailer = next(c for c in changes.status if c.topic == "trailer")
    assert trailer.before.startswith("No trailer yet") and "2026-09-30" in trailer.after
    assert [new.entities[p.actor_id].name for p in changes.new_pairs] == ["Han Seo-rin"]
    assert changes.new_lore and not changes.gone_lore and not changes.gone_pairs
    answer = changes_answer(changes, old, new)
    article = re.sub(r"\s+", " ", read("trailer_article.html").body)
    assert answer.citations and all(c.quote in article for c in answer.citations)
    post = status_change_answer(changes, new)
    assert any(line.text.startswith("Trailer: No trailer yet") for line in post.lines)
    assert compare(new, new).empty


def test_sources_list_newest_first_with_the_added_date(corpus):
    add_source(corpus, read("dateline_article.txt"), TODAY)
    change = add_source(corpus, read("trailer_article.html"), TODAY)
    lines = [line.text for line in Engine(load(corpus)).sources().lines]
    assert lines[0].startswith(f"2026-09-30, added {TODAY.isoformat()} — ")
    assert lines[0].endswith(f"`{change.source_id}`")
    assert lines[1].startswith("2025-03-03, added ")
    assert all(", added" not in line for line in lines[2:])  # entries from before `add`
    dates = [line[:10] for line in lines]
    assert dates == sorted(dates, reverse=True)


def test_a_bad_added_date_is_a_build_error(corpus):
    text = corpus.manifest.read_text("utf-8").replace(
        'id = "003_46757ed511165cca"\n', 'id = "003_46757ed511165cca"\nadded = "soon"\n'
    )
    corpus.manifest.write_text(text, "utf-8")
    with pytest.raises(BuildError, match="added 'soon' is not an ISO date"):
        library.build(corpus)


def test_cutting_an_entry_keeps_every_other_line_and_comment():
    text = (
        "# header comment\n\n"
        '[[source]]\nid = "a"  # first\n\n'
        "# about b\n"
        '[[source]]\nid = "b"\n\n'
        '[[source]]\nid = "c"\n'
    )
    assert library._cut_block(text, "a") == (
        '# header comment\n\n# about b\n[[source]]\nid = "b"\n\n[[source]]\nid = "c"\n'
    )
    assert library._cut_block(text, "b") == (
        '# header comment\n\n[[source]]\nid = "a"  # first\n\n[[source]]\nid = "c"\n'
    )
    assert library._cut_block(text, "c") == (
        '# header comment\n\n[[source]]\nid = "a"  # first\n\n# about b\n[[source]]\nid = "b"\n'
    )
