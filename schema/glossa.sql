-- glossa.sql — the SQLite schema of a glossa index, loaded by the indexer
-- (embedded into the library at build time). One row per concept, term,
-- definition, note, cross-reference and attestation of the TEI term base;
-- term_fts is an FTS5 index over the terms using glossa's ICU tokenizer.
-- The database is derived data: `glossa index` rebuilds it from glossary/.

-- Build facts, checked when a database is opened: schema_version,
-- tokenizer, icu_version, unicode_version, glossa_version, built_at, sources.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

-- Bibliography: the <bibl> records of each file's header, as citations.
CREATE TABLE source (
    id       INTEGER PRIMARY KEY,
    file     TEXT NOT NULL,          -- the TEI file (as given to the indexer)
    xml_id   TEXT NOT NULL,          -- bibl/@xml:id, unique within its file
    type     TEXT,                   -- instrument | statement | law | other
    citation TEXT NOT NULL,          -- human-readable: title, date, cited range
    UNIQUE (file, xml_id)
);

CREATE TABLE concept (
    id          INTEGER PRIMARY KEY,
    xml_id      TEXT NOT NULL UNIQUE,
    n           TEXT,                 -- item number in its instrument (annex 1: 1..13)
    status      TEXT NOT NULL CHECK (status IN ('in-force', 'proposed', 'agreed', 'withdrawn')),
    reliability INTEGER NOT NULL CHECK (reliability BETWEEN 1 AND 4),
    source_id   INTEGER REFERENCES source(id),  -- the instrument it comes from
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL,
    ord         INTEGER NOT NULL      -- order of appearance across the inputs
);

CREATE TABLE term (
    id          INTEGER PRIMARY KEY,
    concept_id  INTEGER NOT NULL REFERENCES concept(id),
    lang        TEXT NOT NULL,        -- BCP 47
    text        TEXT NOT NULL,        -- as written in the term base
    norm        TEXT NOT NULL,        -- search key: ICU words, NFKC case folded, script folds
    stem        TEXT NOT NULL,        -- norm with each word stemmed (Snowball, by the term's language)
    translit    TEXT NOT NULL,        -- Latin skeleton shared by romanisations (and pinyin)
    status      TEXT NOT NULL CHECK (status IN ('preferred', 'admitted', 'deprecated')),
    term_type   TEXT,                 -- fullForm | abbreviation | acronym | shortForm | variant
    geo         TEXT,                 -- region of use (national-law terms)
    working     INTEGER NOT NULL DEFAULT 0,  -- 1: working translation
    source_id   INTEGER REFERENCES source(id),
    valid_from  TEXT,                 -- in force from (YYYY-MM-DD), NULL: since the concept
    valid_to    TEXT,                 -- replaced on (YYYY-MM-DD), NULL: still in force
    legal_id    INTEGER REFERENCES legal_definition(id),  -- a national act's term (geo: its state)
    ord         INTEGER NOT NULL
);
CREATE INDEX term_by_text ON term (text);
CREATE INDEX term_by_norm ON term (norm);
CREATE INDEX term_by_stem ON term (stem);
CREATE INDEX term_by_translit ON term (translit);
CREATE INDEX term_by_concept ON term (concept_id, ord);

CREATE TABLE definition (
    id          INTEGER PRIMARY KEY,
    concept_id  INTEGER NOT NULL REFERENCES concept(id),
    lang        TEXT NOT NULL,
    text        TEXT NOT NULL,
    source_id   INTEGER REFERENCES source(id),
    basis       TEXT NOT NULL CHECK (basis IN ('official', 'reconstruction', 'working-translation')),
    valid_from  TEXT,                 -- in force from (YYYY-MM-DD)
    valid_to    TEXT,                 -- replaced on (YYYY-MM-DD): an earlier wording
    ord         INTEGER NOT NULL
);
CREATE INDEX definition_by_concept ON definition (concept_id, ord);

CREATE TABLE note (
    id          INTEGER PRIMARY KEY,
    concept_id  INTEGER NOT NULL REFERENCES concept(id),
    lang        TEXT NOT NULL,
    type        TEXT NOT NULL,        -- reliability | editorial | usage
    text        TEXT NOT NULL,
    ord         INTEGER NOT NULL
);
CREATE INDEX note_by_concept ON note (concept_id, ord);

CREATE TABLE xref (
    id          INTEGER PRIMARY KEY,
    concept_id  INTEGER NOT NULL REFERENCES concept(id),
    type        TEXT NOT NULL,        -- related | broader | narrower | see
    target      TEXT NOT NULL,        -- xml:id of the other concept
    label       TEXT,
    line        INTEGER NOT NULL      -- where the <xr> is, for messages
);
CREATE INDEX xref_by_concept ON xref (concept_id);

CREATE TABLE attestation (
    id          INTEGER PRIMARY KEY,
    concept_id  INTEGER NOT NULL REFERENCES concept(id),
    lang        TEXT NOT NULL,
    quote       TEXT NOT NULL,
    source_id   INTEGER REFERENCES source(id)
);
CREATE INDEX attestation_by_concept ON attestation (concept_id);

-- National legislation (glossary/national/, plan item 1.2). An act is a
-- header <bibl type="law"> with a state; its titles, one per language.
CREATE TABLE act (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER NOT NULL UNIQUE REFERENCES source(id),
    xml_id      TEXT NOT NULL,
    state       TEXT NOT NULL,        -- ISO 3166-1 alpha-2
    number      TEXT,                 -- as printed: 418-V, 149-ФЗ, 21 of 2000
    adopted     TEXT,                 -- date of adoption (YYYY, YYYY-MM or YYYY-MM-DD)
    ord         INTEGER NOT NULL
);
CREATE INDEX act_by_state ON act (state, ord);

CREATE TABLE act_title (
    act_id      INTEGER NOT NULL REFERENCES act(id),
    lang        TEXT,
    text        TEXT NOT NULL,
    ord         INTEGER NOT NULL
);
CREATE INDEX act_title_by_act ON act_title (act_id, ord);

-- A notion national definitions relate to that the term base lacks
-- (glossary/national/notions.xml): glossa's own label, to group them by.
CREATE TABLE notion (
    id          INTEGER PRIMARY KEY,
    xml_id      TEXT NOT NULL UNIQUE,
    label       TEXT NOT NULL,
    lang        TEXT NOT NULL,
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL
);

-- One definition of a national act, quoted exactly as the page read prints it.
CREATE TABLE legal_definition (
    id          INTEGER PRIMARY KEY,
    xml_id      TEXT NOT NULL UNIQUE,
    act_id      INTEGER NOT NULL REFERENCES act(id),
    article     TEXT,                 -- article and item, as the act numbers them
    lang        TEXT NOT NULL,
    term        TEXT NOT NULL,
    text        TEXT NOT NULL,
    target      TEXT NOT NULL,        -- xml:id of the concept or notion it relates to
    relation    TEXT NOT NULL CHECK (relation IN ('same', 'broader', 'narrower', 'related')),
                                      -- what the national notion is to the target
    reliability INTEGER NOT NULL CHECK (reliability BETWEEN 1 AND 4),
    version     TEXT,                 -- the edition read (YYYY-MM-DD)
    url         TEXT NOT NULL,        -- where it was read
    translation TEXT,                 -- who translated it; NULL: the act's own text
    note        TEXT,
    file        TEXT NOT NULL,
    line        INTEGER NOT NULL,
    ord         INTEGER NOT NULL
);
CREATE INDEX legal_by_target ON legal_definition (target, ord);
CREATE INDEX legal_by_act ON legal_definition (act_id, ord);

-- Word-level index over the terms (external content: the term table).
CREATE VIRTUAL TABLE term_fts USING fts5 (
    text,
    content = 'term',
    content_rowid = 'id',
    tokenize = 'glossa'
);

-- The same over the stems: inflected query words find terms containing them.
CREATE VIRTUAL TABLE term_stem_fts USING fts5 (
    stem,
    content = 'term',
    content_rowid = 'id',
    tokenize = 'glossa'
);

-- Candidates for typo-tolerant matching (src/lib/fuzzy.c): each normalised
-- term, and its stem when another string, cut into 3 to 5 segments; a sign
-- per segment (a 31-bit hash of the segment, its place and the string's
-- length) with the digest of all the string's signs (12 bits each).
-- Filled after the terms, in sign order.
CREATE TABLE term_sign (
    sign        INTEGER NOT NULL,
    term_id     INTEGER NOT NULL,
    digest      INTEGER NOT NULL,
    PRIMARY KEY (sign, term_id)
) WITHOUT ROWID;

-- Full text of definitions and notes (stemmed words), for --in definitions.
CREATE VIRTUAL TABLE text_fts USING fts5 (
    text,
    concept_id UNINDEXED,
    lang UNINDEXED,
    kind UNINDEXED,          -- definition | note
    tokenize = 'glossa stem'
);
