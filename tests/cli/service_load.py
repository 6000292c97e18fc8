#!/usr/bin/env python3
"""service_load.py — load on glossa behind a proxy while its index is
published again and again (tests/cli/0960-service.t).

    service_load.py --base URL --direct URL [--direct URL ...] --glossa BIN
                    --db SERVED --a FILE... --b FILE... [--threads N]
                    [--min-requests N] [--publishes N] [--gap S] [--pause S]

Client threads ask the proxy (--base) for the API and the pages, half of
them accepting gzip, each pausing --pause seconds between requests, until the publisher has published --publishes times
and each thread has made --min-requests. The publisher alternates two
indexes, A (--a FILE..., the served one at the start) and B (--b FILE...):
an odd publish indexes into a new file and renames it over --db (as a
deployment script does), an even one lets `glossa index --db SERVED` publish
itself (it writes aside and renames too). The last publish is B.

Every answer must be 200 and whole: JSON that parses for /api/, an HTML
document for a page. The query VERSION_QUERY finds the concept VERSION_ID
in B only, so its answers say which index answered. An answer to a request
that began after a publish had finished and ended before the next one began
must come from that publish's index (every process reopens a replaced index
before its next request). After the last publish, each --direct server (and
the proxy) is asked with concurrent requests, and must answer from B.

Prints one JSON object: requests, failures (and the first few), versions
seen, answers checked against the publish windows and the stale ones,
gzip answers, publishes, the version each server answered with at the end.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

VERSION_QUERY = "вредоносная запись"
VERSION_ID = "hostile-entry"


def fetch(url, accept_gzip):
    """(status, content type, decoded body, gzipped?) or raises."""
    req = urllib.request.Request(url)
    if accept_gzip:
        req.add_header("Accept-Encoding", "gzip")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            status, ctype, enc, body = r.status, r.headers.get("Content-Type", ""), \
                r.headers.get("Content-Encoding", ""), r.read()
    except urllib.error.HTTPError as e:
        return e.code, "", e.read()[:200].decode("utf-8", "replace"), False
    if enc == "gzip":
        body = gzip.decompress(body)
    elif enc:
        raise ValueError("unexpected Content-Encoding " + enc)
    return status, ctype, body.decode("utf-8"), enc == "gzip"


def answer_version(path, ctype, text):
    """Check the answer is whole; return 'A'/'B' for the version query, None otherwise."""
    if path.startswith("/api/"):
        if not ctype.startswith("application/json"):
            raise ValueError("API answer is " + ctype)
        doc = json.loads(text)
        if "results" not in doc:
            raise ValueError("API answer without results")
        if VERSION_QUERY in path or urllib.parse.quote(VERSION_QUERY) in path:
            return "B" if any(r.get("id") == VERSION_ID for r in doc["results"]) else "A"
        return None
    if not ctype.startswith("text/html"):
        raise ValueError("page is " + ctype)
    if not text.lstrip().lower().startswith("<!doctype html") or not text.rstrip().endswith("</html>"):
        raise ValueError("page is not a whole HTML document")
    if "q=" in path and urllib.parse.quote_plus(VERSION_QUERY) in path:
        return "B" if "/c/" + VERSION_ID in text else "A"
    return None


PATHS = [
    "/api/lookup?q=" + urllib.parse.quote(VERSION_QUERY),
    "/api/lookup?q=information+security&to=ru,zh",
    "/?q=" + urllib.parse.quote_plus(VERSION_QUERY),
    "/c/information-security",
    "/api/lookup?q=" + urllib.parse.quote("информационной безопасности"),
    "/?q=information+security",
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--direct", action="append", required=True)
    ap.add_argument("--glossa", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--a", nargs="+", required=True)
    ap.add_argument("--b", nargs="+", required=True)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--min-requests", type=int, default=40)
    ap.add_argument("--publishes", type=int, default=6)
    ap.add_argument("--gap", type=float, default=0.4)
    ap.add_argument("--pause", type=float, default=0.02)
    a = ap.parse_args()

    lock = threading.Lock()
    log = []             # (start, end, version or None)
    failures = []
    gz = [0]
    windows = []         # (began, finished, version) of each publish
    published = threading.Event()

    def client(n):
        i, made = n, 0
        while not published.is_set() or made < a.min_requests:
            path = PATHS[i % len(PATHS)]
            i += 1
            time.sleep(a.pause)   # a few hundred requests, not as many as the machine can make
            t0 = time.monotonic()
            try:
                status, ctype, text, zipped = fetch(a.base + path, n % 2 == 0)
                if status != 200:
                    raise ValueError("HTTP %d: %s" % (status, text[:120]))
                version = answer_version(path, ctype, text)
            except Exception as e:  # every failure is counted, none stops the load
                with lock:
                    failures.append("%s: %s" % (path, e))
                made += 1
                continue
            t1 = time.monotonic()
            with lock:
                log.append((t0, t1, version))
                gz[0] += zipped
            made += 1

    def publish(k):
        version = "B" if (a.publishes - k) % 2 == 0 else "A"   # the last one is B
        files = a.b if version == "B" else a.a
        began = time.monotonic()
        if k % 2:
            new = a.db + ".new"
            subprocess.run([a.glossa, "index", "--quiet", "--db", new] + files, check=True)
            os.rename(new, a.db)
        else:
            subprocess.run([a.glossa, "index", "--quiet", "--db", a.db] + files, check=True)
        windows.append((began, time.monotonic(), version))

    threads = [threading.Thread(target=client, args=(n,)) for n in range(a.threads)]
    start = time.monotonic()
    for t in threads:
        t.start()
    try:
        for k in range(1, a.publishes + 1):
            time.sleep(a.gap)
            publish(k)
        time.sleep(a.gap)
    finally:
        published.set()
        for t in threads:
            t.join()
    seconds = time.monotonic() - start

    # each answer against the publish windows
    checked = stale = 0
    stale_examples = []
    for t0, t1, version in log:
        if version is None:
            continue
        current, clean = "A", True
        for began, finished, v in windows:
            if finished < t0:
                current = v
            elif began < t1:
                clean = False
        if clean:
            checked += 1
            if version != current:
                stale += 1
                stale_examples.append("%.3f-%.3f answered %s, published %s" %
                                      (t0 - start, t1 - start, version, current))

    # after the last publish: every server, several requests at once
    final = {}
    path = PATHS[0]

    def ask(url, out):
        try:
            status, ctype, text, _ = fetch(url + path, False)
            out.append(answer_version(path, ctype, text) if status == 200 else "HTTP %d" % status)
        except Exception as e:
            out.append(str(e))
    for url in a.direct + [a.base]:
        got = []
        asks = [threading.Thread(target=ask, args=(url, got)) for _ in range(12)]
        for t in asks:
            t.start()
        for t in asks:
            t.join()
        final[url] = ",".join(sorted(set(got)))

    versions = {}
    for _, _, v in log:
        if v:
            versions[v] = versions.get(v, 0) + 1
    json.dump({
        "requests": len(log) + len(failures),
        "failures": len(failures),
        "failed": failures[:5],
        "versions": versions,
        "checked": checked,
        "stale": stale,
        "stale_examples": stale_examples[:5],
        "gzip": gz[0],
        "publishes": len(windows),
        "last": windows[-1][2] if windows else None,
        "final": final,
        "seconds": round(seconds, 1),
    }, sys.stdout, ensure_ascii=False)
    print()


if __name__ == "__main__":
    main()
