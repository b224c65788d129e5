-- Fact store schema. Bump the user_version below with every change here: a store whose
-- PRAGMA user_version differs is rebuilt, never half-read.
PRAGMA user_version = 3;

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE sources (
    id         TEXT PRIMARY KEY,
    title      TEXT NOT NULL,
    published  TEXT NOT NULL,           -- ISO date
    estimated  INTEGER NOT NULL,        -- 1 when the date is estimated from clues
    date_clue  TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    body       TEXT NOT NULL            -- the article exactly as read
);

CREATE TABLE sentences (
    id         INTEGER PRIMARY KEY,
    source_id  TEXT NOT NULL REFERENCES sources(id),
    seq        INTEGER NOT NULL,
    start      INTEGER NOT NULL,        -- character offsets into sources.body
    end        INTEGER NOT NULL,
    quote      TEXT NOT NULL,           -- verbatim, whitespace collapsed
    display    TEXT NOT NULL,           -- repaired text shown to fans
    kind       TEXT NOT NULL,           -- text | heading | question
    section    TEXT NOT NULL,           -- display text of the nearest heading above
    spoiler    INTEGER NOT NULL
);
CREATE INDEX sentences_source ON sentences(source_id, seq);

CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,           -- character | actor | crew
    name       TEXT NOT NULL,
    hangul     TEXT NOT NULL,
    roles      TEXT NOT NULL,           -- JSON list of crew roles
    curated    INTEGER NOT NULL         -- 0 when discovered in a source
);

CREATE TABLE aliases (
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    alias      TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias)
);

CREATE TABLE mentions (
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    entity_id   TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (sentence_id, entity_id)
);

CREATE TABLE cast_pairs (
    id            INTEGER PRIMARY KEY,
    actor_id      TEXT NOT NULL REFERENCES entities(id),
    character_id  TEXT REFERENCES entities(id),     -- NULL: role not revealed
    new_cast      INTEGER NOT NULL
);

CREATE TABLE cast_evidence (
    pair_id      INTEGER NOT NULL REFERENCES cast_pairs(id),
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    form         TEXT NOT NULL,         -- which wording supports the pair
    PRIMARY KEY (pair_id, sentence_id)
);

CREATE TABLE returns (
    entity_id    TEXT NOT NULL REFERENCES entities(id),   -- a character or an actor
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    negated      INTEGER NOT NULL,
    hedged       INTEGER NOT NULL,
    PRIMARY KEY (entity_id, sentence_id)
);

CREATE TABLE claims (
    id           INTEGER PRIMARY KEY,
    topic        TEXT NOT NULL,         -- renewal | filming | trailer | release | episodes | cast
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    source_id    TEXT NOT NULL REFERENCES sources(id),
    published    TEXT NOT NULL,
    negated      INTEGER NOT NULL,
    hedged       INTEGER NOT NULL,
    value        TEXT NOT NULL,         -- the date expression or number it states, or ''
    state        TEXT NOT NULL,         -- a key of the topic's labels: wrapped, teaser:planned...
    modality     TEXT NOT NULL,         -- confirmed | expected | rumoured | denied
    tense        TEXT NOT NULL,         -- past | present | future
    season       INTEGER NOT NULL       -- the season the news is about (2, or 3...)
);
CREATE INDEX claims_topic ON claims(topic, published);

CREATE TABLE lore (
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    topic        TEXT NOT NULL,
    score        REAL NOT NULL,
    PRIMARY KEY (sentence_id, topic)
);

CREATE TABLE descriptions (
    entity_id    TEXT NOT NULL REFERENCES entities(id),   -- a character or an actor
    sentence_id  INTEGER NOT NULL REFERENCES sentences(id),
    text         TEXT NOT NULL,         -- as printed: "the villain character", "Jin-su's father"
    form         TEXT NOT NULL,         -- which sentence shape printed it
    PRIMARY KEY (entity_id, sentence_id, text)
);

CREATE TABLE topics (
    id      TEXT PRIMARY KEY,
    family  TEXT NOT NULL,              -- status | lore
    label   TEXT NOT NULL,
    names   TEXT NOT NULL,              -- JSON list of what fans type
    states  TEXT NOT NULL               -- JSON {yes, no, expected}: how a claim's stance reads
);

CREATE TABLE vocab (
    name   TEXT PRIMARY KEY,            -- e.g. ask.status, ask.roles
    value  TEXT NOT NULL                -- JSON
);
