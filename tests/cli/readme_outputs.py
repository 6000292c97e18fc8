#!/usr/bin/env python3
# readme_outputs.py README WORKDIR [SRC] — every output README.md shows is what glossa
# prints today. An output block is a ``` block (no language) whose first line
# is "$ COMMAND" (glossa named as `glossa`, run from the source tree SRC,
# by default README's folder; /tmp/ read as WORKDIR; a pipe
# into jq or head is allowed). The lines after it are runs of the command's
# real output, each run contiguous and the runs in order, separated by lines
# that are only "…" (indented or not): what the README leaves out. Prints one
# line per block ("ok LINE" or "FAIL LINE: why"), exits 1 when any failed.
# Used by tests/cli/0412-readme-outputs.t.
import os, re, subprocess, sys

readme, work = sys.argv[1], sys.argv[2]
glossa = os.environ["GLOSSA"]
shared = os.environ.get("SHARED", "")
src = sys.argv[3] if len(sys.argv) > 3 else os.path.dirname(os.path.abspath(readme))
lines = open(readme, encoding="utf-8").read().split("\n")

blocks, i = [], 0
while i < len(lines):
    if lines[i] == "```" :
        j = i + 1
        while j < len(lines) and lines[j] != "```":
            j += 1
        if i + 1 < j and lines[i + 1].startswith("$ "):
            blocks.append((i + 2, lines[i + 1][2:], lines[i + 2:j]))
        i = j + 1
    elif lines[i].startswith("```"):
        i += 1
        while i < len(lines) and lines[i] != "```":
            i += 1
        i += 1
    else:
        i += 1

failed = 0
for line_no, cmd, shown in blocks:
    if "../shared" in cmd and not os.path.isdir(shared):
        print("skip %d: %s (no ../shared)" % (line_no, cmd))
        continue
    script = 'glossa() { "$GLOSSA" "$@"; }\n' + cmd.replace("/tmp/", work + "/").replace("../shared", shared)
    env = dict(os.environ, COLUMNS="80", NO_COLOR="1")
    got = subprocess.run(["bash", "-c", script], cwd=src, env=env, capture_output=True,
                         text=True).stdout.split("\n")
    runs, run = [], []
    for s in shown:
        if s.strip() == "…":
            runs.append(run)
            run = []
        else:
            run.append(s)
    runs.append(run)
    at, why = 0, None
    for run in runs:
        if not run:
            continue
        k = at
        while k + len(run) <= len(got) and got[k:k + len(run)] != run:
            k += 1
        if k + len(run) > len(got):
            # say the first line that differs: where the run's first line
            # was printed, else the first line alone
            start = next((k for k in range(at, len(got)) if got[k] == run[0]), None)
            m = 0
            while start is not None and m < len(run) and start + m < len(got) and \
                    got[start + m] == run[m]:
                m += 1
            if start is None:
                near = next((g for g in got[at:] if g[:20] == run[0][:20]), None)
                want = run[0]
            else:
                near = got[start + m] if start + m < len(got) else None
                want = run[m]
            why = "not printed: %r%s" % (want, "; printed: %r" % near if near is not None else "")
            break
        at = k + len(run)
    if not shown or not any(runs):
        why = "the block shows no output"
    if why:
        failed += 1
        print("FAIL %d: %s: %s" % (line_no, cmd, why))
    else:
        print("ok %d: %s" % (line_no, cmd))
print("%d blocks, %d failed" % (len(blocks), failed))
sys.exit(1 if failed or not blocks else 0)
