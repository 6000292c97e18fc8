#!/usr/bin/env python3
"""gen-termbase.py — a synthetic multilingual term base for the scale bench.

Deterministic from --seed: the same arguments give the same bytes. Writes,
under OUT/:
  tei/part-NN.xml      TEI in glossa's encoding (schema/glossa.rng), about
                       --terms terms, 8 per concept: ru, en, zh, kk, uz-Latn,
                       fa, hi and one of be/ky/tg/ur/uz-Cyrl; one Russian
                       definition per concept
  queries/KIND.tsv     query TAB expected concept id, for exact, normalized,
                       stem, translit, prefix, fuzzy, fulltext (drawn from the
                       data, each built to match first by that kind)
  peers/headwords.tsv  headword TAB definition line, every term (for the peers)
  peers/dictd.txt      the same for `dictfmt -c5 --utf8`
  peers/stardict/      glossa-bench.ifo/.idx/.dict (StarDict 2.4.2, written here:
                       Debian 12 has no stardict-tools)
A measurement input, not a test fixture. Python 3 standard library only.

usage: gen-termbase.py [--terms N] [--seed S] [--files K] [--queries Q] OUT
       gen-termbase.py --cldr CLDR_MAIN_DIR OUT   (real names: tei/cldr.xml, queries/exact.tsv)
       gen-termbase.py --index GLOSSA_DB OUT      (peers/ only, from an index's terms:
                                                  the whole-process bench's peers)
"""
import argparse
import os
import random
import struct

# ---- alphabets -------------------------------------------------------------

# Cyrillic syllables with a BGN-style romanisation (for translit queries)
CYR_C = [("б", "b"), ("в", "v"), ("г", "g"), ("д", "d"), ("ж", "zh"), ("з", "z"),
         ("к", "k"), ("л", "l"), ("м", "m"), ("н", "n"), ("п", "p"), ("р", "r"),
         ("с", "s"), ("т", "t"), ("ф", "f"), ("х", "kh"), ("ц", "ts"), ("ч", "ch"),
         ("ш", "sh")]
CYR_V = [("а", "a"), ("о", "o"), ("у", "u"), ("и", "i"), ("е", "e"), ("ы", "y")]
RU_ADJ = [("ный", "nyy"), ("ная", "naya"), ("ное", "noye"), ("ский", "skiy"), ("ская", "skaya")]
RU_NOUN = [("ость", "ost"), ("ация", "atsiya"), ("ение", "eniye"), ("ник", "nik"), ("ство", "stvo")]
# inflected forms that Snowball's Russian stemmer folds with the above
RU_INFLECT = {"ный": "ного", "ная": "ной", "ное": "ному", "ский": "ского", "ская": "ской",
              "ость": "ости", "ация": "ации", "ение": "ения", "ник": "ника", "ство": "ства"}
KK_EXTRA = ["ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "і"]
KY_EXTRA = ["ң", "ө", "ү"]
TG_EXTRA = ["ғ", "ӣ", "қ", "ӯ", "ҳ", "ҷ"]
BE_EXTRA = ["і", "ў"]
UZC_EXTRA = ["ў", "қ", "ғ", "ҳ"]
EN_ONSET = ["b", "c", "d", "f", "g", "l", "m", "n", "p", "r", "s", "t", "v", "pr", "tr",
            "st", "cr", "gr", "sp", "th"]
EN_VOWEL = ["a", "e", "i", "o", "u", "io", "ea"]
EN_END = ["tion", "ity", "al", "ing", "er", "ment", "ure", "ance"]
UZ_ONSET = ["b", "d", "g", "k", "l", "m", "n", "q", "r", "s", "t", "x", "sh", "ch", "gʻ"]
UZ_VOWEL = ["a", "i", "u", "o", "oʻ", "e"]
FA_LETTERS = list("ابپتجچحخدرزسشعفقکگلمنوهی")
UR_LETTERS = list("ابپتٹجچدڈرڑسشکگلمنوہیے")
HI_CONS = list("कखगघचजटडतदनपबमयरलवसह")
HI_MATRA = ["", "ा", "ि", "ी", "ु", "े", "ो"]
# common Simplified characters
HAN = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
       "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加"
       "量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与"
       "关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者"
       "最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少"
       "图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光"
       "门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采"
       "转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节"
       "话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际"
       "商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精")
WORDS_PER_LANG = 6000


def word(rng, cons, vows, lo, hi):
    return "".join(rng.choice(cons) + rng.choice(vows) for _ in range(rng.randint(lo, hi)))


class Vocab:
    """Words of each language, made once from the seed."""

    def __init__(self, rng):
        def cyr_stem():
            n = rng.randint(2, 3)
            parts = [(rng.choice(CYR_C), rng.choice(CYR_V)) for _ in range(n)]
            return ("".join(c[0] + v[0] for c, v in parts), "".join(c[1] + v[1] for c, v in parts))
        self.ru_adj = [(s[0] + e[0], s[1] + e[1], e[0]) for s, e in
                       ((cyr_stem(), rng.choice(RU_ADJ)) for _ in range(WORDS_PER_LANG))]
        self.ru_noun = [(s[0] + e[0], s[1] + e[1], e[0]) for s, e in
                        ((cyr_stem(), rng.choice(RU_NOUN)) for _ in range(WORDS_PER_LANG))]
        self.en = [rng.choice(EN_ONSET) + rng.choice(EN_VOWEL) + word(rng, EN_ONSET, EN_VOWEL, 0, 1)
                   + rng.choice(EN_END) for _ in range(WORDS_PER_LANG)]

        def cyr_with(extra):
            cons = [c[0] for c in CYR_C] + extra
            vows = [v[0] for v in CYR_V[:5]] + extra[:2]
            return [word(rng, cons, vows, 2, 4) for _ in range(WORDS_PER_LANG // 2)]
        self.cyr = {"kk": cyr_with(KK_EXTRA), "ky": cyr_with(KY_EXTRA), "tg": cyr_with(TG_EXTRA),
                    "be": cyr_with(BE_EXTRA), "uz-Cyrl": cyr_with(UZC_EXTRA)}
        self.uz = [word(rng, UZ_ONSET, UZ_VOWEL, 2, 4) for _ in range(WORDS_PER_LANG // 2)]
        self.fa = ["".join(rng.choice(FA_LETTERS) for _ in range(rng.randint(3, 7)))
                   for _ in range(WORDS_PER_LANG // 2)]
        self.ur = ["".join(rng.choice(UR_LETTERS) for _ in range(rng.randint(3, 7)))
                   for _ in range(WORDS_PER_LANG // 2)]
        self.hi = ["".join(rng.choice(HI_CONS) + rng.choice(HI_MATRA) for _ in range(rng.randint(2, 4)))
                   for _ in range(WORDS_PER_LANG // 2)]
        self.zh = ["".join(rng.choice(HAN) for _ in range(rng.randint(2, 3)))
                   for _ in range(WORDS_PER_LANG)]


def n_words(rng):
    r = rng.random()
    return 1 if r < 0.2 else 2 if r < 0.7 else 3


class Concept:
    __slots__ = ("id", "terms", "ru_parts", "definition")


def make_concept(rng, v, i, n_terms):
    c = Concept()
    c.id = "c%d" % i
    k = n_words(rng)
    parts = [rng.choice(v.ru_adj) for _ in range(k - 1)] + [rng.choice(v.ru_noun)]
    c.ru_parts = parts
    ru = " ".join(p[0] for p in parts)
    terms = [("ru", ru)]
    k = n_words(rng)
    terms.append(("en", " ".join(rng.choice(v.en) for _ in range(k))))
    terms.append(("zh", "".join(rng.choice(v.zh) for _ in range(rng.randint(1, 2)))))
    terms.append(("kk", " ".join(rng.choice(v.cyr["kk"]) for _ in range(n_words(rng)))))
    terms.append(("uz-Latn", " ".join(rng.choice(v.uz) for _ in range(n_words(rng)))))
    terms.append(("fa", " ".join(rng.choice(v.fa) for _ in range(n_words(rng)))))
    terms.append(("hi", " ".join(rng.choice(v.hi) for _ in range(n_words(rng)))))
    extra = ["be", "ky", "tg", "ur", "uz-Cyrl"][i % 5]
    pool = v.ur if extra == "ur" else v.cyr[extra]
    terms.append((extra, " ".join(rng.choice(pool) for _ in range(n_words(rng)))))
    c.terms = terms[:n_terms]
    c.definition = " ".join(rng.choice(v.ru_adj if j % 2 == 0 else v.ru_noun)[0]
                            for j in range(rng.randint(6, 12)))
    return c


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


HEADER = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="ru">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>glossa scale bench: synthetic term base, part {part} (seed {seed})</title>
      </titleStmt>
      <publicationStmt>
        <p>Generated by tests/bench/gen-termbase.py: made-up words, not terminology.</p>
      </publicationStmt>
      <sourceDesc>
        <listBibl>
          <bibl xml:id="bench" type="other"><title xml:lang="en">glossa scale bench</title></bibl>
        </listBibl>
      </sourceDesc>
    </fileDesc>
  </teiHeader>
  <text>
    <body>
"""
FOOTER = """    </body>
  </text>
</TEI>
"""


def write_entry(f, c):
    out = ['      <entry xml:id="%s" type="concept" source="#bench">\n'
           '        <usg type="status">in-force</usg>\n'
           '        <usg type="reliability">2</usg>\n' % c.id]
    seen = set()
    for lang, text in c.terms:
        status = "admitted" if lang in seen else "preferred"
        seen.add(lang)
        out.append('        <form type="term" xml:lang="%s"><orth>%s</orth>'
                   '<usg type="status">%s</usg></form>\n' % (lang, esc(text), status))
    out.append('        <sense><def xml:lang="ru" source="#bench">%s</def></sense>\n'
               '      </entry>\n' % esc(c.definition))
    f.write("".join(out))


# ---- queries ---------------------------------------------------------------

def typo(rng, w):
    """One substituted letter in the middle of a long word."""
    i = rng.randint(2, len(w) - 3)
    alphabet = "абвгдклмнопрст"
    ch = rng.choice([a for a in alphabet if a != w[i]])
    return w[:i] + ch + w[i + 1:]


def queries_for(rng, c):
    """(kind, query) pairs this concept can give, each meant to match first by that kind."""
    out = []
    ru = c.terms[0][1]
    en = c.terms[1][1]
    out.append(("exact", rng.choice([ru, en, c.terms[2][1], c.terms[3][1]])))
    out.append(("normalized", rng.choice([ru.upper(), en.upper(), en.title()])))
    if len(c.ru_parts) >= 2:
        words = [p[0][: -len(p[2])] + RU_INFLECT[p[2]] for p in c.ru_parts]
        out.append(("stem", " ".join(words)))
    out.append(("translit", " ".join(p[1] for p in c.ru_parts)))
    if len(c.ru_parts) >= 2 and all(len(p[0]) >= 7 for p in c.ru_parts):
        out.append(("prefix", " ".join(p[0][:5] for p in c.ru_parts)))
    longest = max(c.ru_parts, key=lambda p: len(p[0]))[0]
    if len(longest) >= 8:
        out.append(("fuzzy", " ".join(typo(rng, p[0]) if p[0] == longest else p[0]
                                      for p in c.ru_parts)))
    d = c.definition.split()
    j = rng.randint(0, len(d) - 3)
    out.append(("fulltext", " ".join(d[j:j + 3])))
    return out


# ---- peers: StarDict ---------------------------------------------------------

def stardict_key(word):
    # stardict_strcmp: g_ascii_strcasecmp, then strcmp
    b = word.encode("utf-8")
    return (b.lower() if b.isascii() else bytes(x + 32 if 65 <= x <= 90 else x for x in b), b)


def write_stardict(dirname, entries):
    """entries: (headword, definition) in any order; headwords may repeat."""
    os.makedirs(dirname, exist_ok=True)
    entries.sort(key=lambda e: stardict_key(e[0]))
    idx = bytearray()
    off = 0
    with open(os.path.join(dirname, "glossa-bench.dict"), "wb") as d:
        for head, text in entries:
            data = text.encode("utf-8")
            d.write(data)
            idx += head.encode("utf-8") + b"\0" + struct.pack(">II", off, len(data))
            off += len(data)
    with open(os.path.join(dirname, "glossa-bench.idx"), "wb") as f:
        f.write(idx)
    with open(os.path.join(dirname, "glossa-bench.ifo"), "w", encoding="utf-8") as f:
        f.write("StarDict's dict ifo file\nversion=2.4.2\nwordcount=%d\nidxfilesize=%d\n"
                "bookname=glossa-bench\nsametypesequence=m\n" % (len(entries), len(idx)))


def dictd_entry(head, text):
    """one entry of the input of `dictfmt -c5`"""
    return "_____\n\n%s\n%s\n" % (head, text)


def write_index_peers(db_path, out):
    """peers/dictd.txt and peers/stardict from the terms of a glossa index:
    each term a headword, its concept's terms the definition line."""
    import sqlite3
    db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    rows = db.execute("SELECT concept_id, lang, text FROM term ORDER BY concept_id, ord").fetchall()
    db.close()
    lines = {}
    for cid, lang, text in rows:
        lines.setdefault(cid, []).append("%s: %s" % (lang, text))
    os.makedirs(os.path.join(out, "peers"), exist_ok=True)
    star = []
    with open(os.path.join(out, "peers", "dictd.txt"), "w", encoding="utf-8") as dictd:
        for cid, lang, text in rows:
            line = "; ".join(lines[cid])
            dictd.write(dictd_entry(text, line))
            star.append((text, line))
    write_stardict(os.path.join(out, "peers", "stardict"), star)


# ---- real data: CLDR locale display names ---------------------------------------

CLDR_LOCALES = {"ru": "ru", "en": "en", "zh": "zh", "zh-Hant": "zh-Hant", "kk": "kk", "ky": "ky",
                "tg": "tg", "uz": "uz-Latn", "uz-Cyrl": "uz-Cyrl", "hi": "hi", "ur": "ur",
                "fa": "fa", "be": "be"}


def write_cldr(main_dir, out, seed, n_queries):
    """One concept per CLDR key (language, territory, script), a term per
    member locale (-alt- forms admitted); concepts without a Russian name left out."""
    import json
    concepts = {}
    for cat in ("languages", "territories", "scripts"):
        for loc, lang in CLDR_LOCALES.items():
            path = os.path.join(main_dir, loc, cat + ".json")
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                names = json.load(f)["main"][loc]["localeDisplayNames"][cat]
            for key, name in sorted(names.items()):
                base = key.split("-alt-")[0]
                cid = cat[0] + "-" + "".join(ch if ch.isalnum() and ch.isascii() else "-"
                                             for ch in base.lower())
                c = concepts.setdefault(cid, [])
                if (lang, name) not in c:
                    c.append((lang, name, "-alt-" in key))
    os.makedirs(os.path.join(out, "tei"), exist_ok=True)
    os.makedirs(os.path.join(out, "queries"), exist_ok=True)
    rng = random.Random(seed)
    queries = []
    with open(os.path.join(out, "tei", "cldr.xml"), "w", encoding="utf-8") as f:
        f.write(HEADER.format(part="cldr", seed=seed).replace(
            "synthetic term base", "CLDR 48.2 locale display names"))
        for cid, terms in sorted(concepts.items()):
            if not any(t[0] == "ru" and not t[2] for t in terms):
                continue
            f.write('      <entry xml:id="%s" type="concept" source="#bench">\n'
                    '        <usg type="status">in-force</usg>\n'
                    '        <usg type="reliability">3</usg>\n' % cid)
            seen = set()
            for lang, text, alt in sorted(terms, key=lambda t: t[2]):
                status = "admitted" if alt or lang in seen else "preferred"
                seen.add(lang)
                f.write('        <form type="term" xml:lang="%s"><orth>%s</orth>'
                        '<usg type="status">%s</usg></form>\n' % (lang, esc(text), status))
            f.write("      </entry>\n")
            queries.append((rng.choice(terms)[1], cid))
        f.write(FOOTER)
    rng.shuffle(queries)
    with open(os.path.join(out, "queries", "exact.tsv"), "w", encoding="utf-8") as q:
        for text, cid in queries[:n_queries]:
            q.write("%s\t%s\n" % (text, cid))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--terms", type=int, default=1000000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--files", type=int, default=8)
    ap.add_argument("--queries", type=int, default=200, help="queries per kind")
    ap.add_argument("out")
    ap.add_argument("--cldr", metavar="MAIN_DIR",
                    help="instead: CLDR locale names from MAIN_DIR (…/v48.2.0/main) as TEI")
    ap.add_argument("--index", metavar="GLOSSA_DB",
                    help="instead: only the peers' files, from the terms of a glossa index")
    a = ap.parse_args()
    if a.index:
        write_index_peers(a.index, a.out)
        return
    if a.cldr:
        write_cldr(a.cldr, a.out, a.seed, a.queries)
        return
    rng = random.Random(a.seed)
    v = Vocab(rng)
    for sub in ("tei", "queries", "peers"):
        os.makedirs(os.path.join(a.out, sub), exist_ok=True)
    n_concepts = (a.terms + 7) // 8
    per_file = (n_concepts + a.files - 1) // a.files
    qrng = random.Random(a.seed + 1)
    picks = set(qrng.sample(range(n_concepts), min(n_concepts, a.queries * 4)))
    queries = {k: [] for k in ("exact", "normalized", "stem", "translit", "prefix", "fuzzy",
                               "fulltext")}
    heads = open(os.path.join(a.out, "peers", "headwords.tsv"), "w", encoding="utf-8")
    dictd = open(os.path.join(a.out, "peers", "dictd.txt"), "w", encoding="utf-8")
    star = []
    left = a.terms
    f = None
    for i in range(n_concepts):
        if i % per_file == 0:
            if f:
                f.write(FOOTER)
                f.close()
            part = i // per_file
            f = open(os.path.join(a.out, "tei", "part-%02d.xml" % part), "w", encoding="utf-8")
            f.write(HEADER.format(part=part, seed=a.seed))
        c = make_concept(rng, v, i, min(8, left))
        left -= len(c.terms)
        write_entry(f, c)
        line = "; ".join("%s: %s" % t for t in c.terms) + " — " + c.definition
        for lang, text in c.terms:
            heads.write("%s\t%s\n" % (text, line))
            dictd.write(dictd_entry(text, line))
            star.append((text, line))
        if i in picks:
            for kind, q in queries_for(qrng, c):
                queries[kind].append((q, c.id))
    f.write(FOOTER)
    f.close()
    heads.close()
    dictd.close()
    for kind, qs in queries.items():
        with open(os.path.join(a.out, "queries", kind + ".tsv"), "w", encoding="utf-8") as q:
            for text, cid in qs[: a.queries]:
                q.write("%s\t%s\n" % (text, cid))
    write_stardict(os.path.join(a.out, "peers", "stardict"), star)


if __name__ == "__main__":
    main()
