#!/usr/bin/env python3
"""typo-probe.py — typing errors of a term base's own terms, for the fuzzy tier's recall.

Reads the terms of a glossa index (the term table, with Python's sqlite3),
draws --n of them at random (deterministic from --seed; a small term base
gives each of its terms several typos) and writes, under
OUT/, fuzzy.tsv: a typo of each TAB the concept it belongs to. A term of 4-6
letters gets one edit, of 7-14 letters two (what the fuzzy tier's budget
allows: 1 edit up to 6 code points, 2 up to 14); longer or shorter terms
are not drawn. An edit is an insertion, a deletion, a substitution (a
letter of the term's language) or a swap of two neighbours, never at the
same place twice and never making the term itself again.

Then `BENCH_KINDS=fuzzy lookup-bench inproc DB OUT` prints, for the default
lookup and for --mode fuzzy, how many came back with their own concept
(expected-in-results) and first (first-as-expected): the recall figure the
scale bench prints (scale-bench.sh). A measurement input, never a test
threshold. Python 3 standard library only.

usage: typo-probe.py [--n N] [--seed S] DB OUT
"""
import argparse
import os
import random
import sqlite3


def edits_for(n):
    return 1 if 4 <= n <= 6 else 2 if 7 <= n <= 14 else 0


def typo(rng, text, alphabet, k):
    """text with k edits at k distinct places (None when it comes out the same)."""
    s = list(text)
    used = set()
    for _ in range(k):
        for _ in range(20):
            op = rng.choice("idst")
            i = rng.randrange(len(s) + (op == "i"))
            if i in used or (i < len(s) and s[i] == " "):
                continue
            if op == "i":
                s.insert(i, rng.choice(alphabet))
            elif op == "d" and len(s) > 3:
                del s[i]
            elif op == "s":
                c = rng.choice(alphabet)
                if c == s[i]:
                    continue
                s[i] = c
            elif op == "t" and i + 1 < len(s) and s[i] != s[i + 1] and s[i + 1] != " ":
                s[i], s[i + 1] = s[i + 1], s[i]
                used.add(i + 1)
            else:
                continue
            used.update((i - 1, i, i + 1))
            break
    out = "".join(s)
    return None if out.lower() == text.lower() else out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("db")
    ap.add_argument("out")
    a = ap.parse_args()
    db = sqlite3.connect("file:%s?mode=ro" % a.db, uri=True)
    rows = db.execute("SELECT t.text, t.lang, c.xml_id FROM term t JOIN concept c"
                      " ON c.id = t.concept_id ORDER BY t.id").fetchall()
    alphabets = {}
    for text, lang, _ in rows:
        alphabets.setdefault(lang, set()).update(ch for ch in text.lower() if ch.isalpha())
    alphabets = {lang: sorted(chars) for lang, chars in alphabets.items()}
    rng = random.Random(a.seed)
    pool = [r for r in rows if edits_for(len(r[0])) and alphabets.get(r[1])]
    rng.shuffle(pool)
    os.makedirs(a.out, exist_ok=True)
    n = 0
    with open(os.path.join(a.out, "fuzzy.tsv"), "w", encoding="utf-8") as f:
        for _ in range(100):
            for text, lang, cid in pool:
                if n == a.n:
                    break
                q = typo(rng, text, alphabets[lang], edits_for(len(text)))
                if q and "\t" not in q:
                    f.write("%s\t%s\n" % (q, cid))
                    n += 1


if __name__ == "__main__":
    main()
