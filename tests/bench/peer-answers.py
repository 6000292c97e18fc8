#!/usr/bin/env python3
"""peer-answers.py — before the scale bench times glossa against a peer, how
many of the queries each one answers, and whether they answer alike.

usage: peer-answers.py GLOSSA GLOSSA_DB QUERIES.tsv N STYLE -- CMD ARG...

Runs each of the first N queries (query TAB expected concept id) once through
`GLOSSA lookup --db GLOSSA_DB --format json` and once through the peer's
command ({} in an argument is the query, {fts} the query as an SQLite string
holding an FTS5 phrase), untimed. STYLE says how the peer answers: define
(`dict` DEFINE, `sdcv`: definitions, which hold the concept's terms as
"lang: term"), match (`dict -m`: quoted headwords), lines (`sqlite3`: a
headword a line). A peer answers
when it exits 0 with output (sdcv: not "Nothing similar"); an answer holds the
expected concept when a definition holds its first term ("ru: …") or a
headword is one of its terms. Prints one line:
  answers: glossa A of N (expected E), peer A of N (expected E), both B, both expected X
A measurement, not a test: exit 0 unless it cannot run.
"""
import json
import re
import sqlite3
import subprocess
import sys


def arg(a, q):
    """a command's argument with the query put in"""
    fts = "'\"" + q.replace("'", "''").replace('"', '""') + "\"'"
    return a.replace("{fts}", fts).replace("{}", q)


def main():
    glossa, db_path, tsv, n, style = sys.argv[1:6]
    if sys.argv[6] != "--":
        sys.exit(__doc__)
    cmd = sys.argv[7:]
    db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)

    def terms(cid):
        return db.execute("SELECT t.lang, t.text FROM term t JOIN concept c ON c.id = t.concept_id"
                          " WHERE c.xml_id = ? ORDER BY t.ord", (cid,)).fetchall()

    queries = [l.rstrip("\n").split("\t") for l in open(tsv, encoding="utf-8") if l.strip()][: int(n)]
    g_ans = g_exp = p_ans = p_exp = both = both_exp = 0
    for q, cid in queries:
        r = subprocess.run([glossa, "lookup", "--db", db_path, "--format", "json", q],
                           capture_output=True, text=True)
        try:
            ids = [h["id"] for h in json.loads(r.stdout)["results"]]
        except (ValueError, KeyError):
            ids = []
        g_ok, g_hit = bool(ids), cid in ids
        r = subprocess.run([arg(a, q) for a in cmd], capture_output=True, text=True)
        out = r.stdout
        p_ok = r.returncode == 0 and out.strip() != "" and "Nothing similar" not in out
        t = terms(cid)
        if style == "match":
            heads = set(re.findall(r'"((?:[^"\\]|\\.)*)"', out))
            p_hit = p_ok and any(text in heads for _, text in t)
        elif style == "lines":
            heads = set(out.splitlines())
            p_hit = p_ok and any(text in heads for _, text in t)
        else:
            p_hit = p_ok and bool(t) and ("%s: %s" % t[0]) in out
        g_ans += g_ok
        g_exp += g_hit
        p_ans += p_ok
        p_exp += p_hit
        both += g_ok and p_ok
        both_exp += g_hit and p_hit
    print("answers: glossa %d of %d (expected %d), peer %d of %d (expected %d), both %d, both expected %d"
          % (g_ans, len(queries), g_exp, p_ans, len(queries), p_exp, both, both_exp))


if __name__ == "__main__":
    main()
