# 0412-readme-outputs.t — every output README.md shows is what glossa prints
# today: each ``` block that starts with "$ COMMAND" is run from the source
# tree (against the bundled glossary with its national study) and each run
# of lines it shows must appear in the real output, in order; a line "…"
# marks what the README leaves out (tests/cli/readme_outputs.py).
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" ||
    { echo "FAIL: cannot index the bundled glossary with its national study"; exit 1; }
run python3 "$SRC/tests/cli/readme_outputs.py" "$SRC/README.md" "$WORK"
expect_rc 0 "README outputs:"
expect_true "README shows outputs ($(tail -n 1 <<<"$OUT"))" test -n "$(grep -c '^ok ' <<<"$OUT" | grep -v '^0$')"
if [ "$RC" -ne 0 ]; then grep '^FAIL' <<<"$OUT"; fi
# ../shared under /tmp (a clone in /tmp): the README's /tmp/ paths become the
# work folder, the shared folder's path is left alone (it was rewritten too,
# so the candidates example found no files)
if [ -d "$SHARED" ]; then
    tmp_shared=$(mktemp -d /tmp/glossa-0412.XXXXXX)
    ln -s "$(realpath "$SHARED")" "$tmp_shared/shared"
    run env SHARED="$tmp_shared/shared" python3 "$SRC/tests/cli/readme_outputs.py" "$SRC/README.md" "$WORK"
    rm -rf "$tmp_shared"
    expect_rc 0 "README outputs with ../shared under /tmp:"
    expect_true "the candidates example, with ../shared under /tmp" \
        grep -Eq '^ok [0-9]+: glossa candidates --top 10 \.\./shared/' <<<"$OUT"
fi
# the check itself: an output that is not what glossa prints is named, with
# what it printed instead
sed 's/^3 concepts changed: 2 added, 0 removed, 1 modified, 0 renamed$/3 concepts changed: 2 added, 1 removed/' \
    "$SRC/README.md" >"$WORK/README.md"
run python3 "$SRC/tests/cli/readme_outputs.py" "$WORK/README.md" "$WORK" "$SRC"
expect_rc 1 "a README whose diff output is wrong:"
expect_out "glossa diff tests/data/protocol/old.xml tests/data/protocol/new.xml: not printed: '3 concepts changed: 2 added, 1 removed'; printed: '3 concepts changed: 2 added, 0 removed, 1 modified, 0 renamed'"
finish
