# 1040-import-progress.t — `glossa import` draws a progress line (concepts,
# terms, rate, elapsed) on stderr only when stderr is a terminal and --quiet
# is not given. script(1) from bsdutils gives the run a terminal.
command -v script >/dev/null || { echo "skipped: script (bsdutils) is not installed"; exit 77; }
run glossa export "$SRC/glossary" -o "$WORK/g.tbx"
expect_rc 0 "export:"

# not a terminal: nothing but the summary
run glossa import "$WORK/g.tbx" -o "$WORK/a.xml"
expect_rc 0 "import without a terminal:"
expect_true "no progress line when stderr is not a terminal" test -z "$ERR"
expect_out "imported 54 concepts"

# a terminal: the line appears, with the figures, and is cleared afterwards
script -qec "'$GLOSSA' import '$WORK/g.tbx' -o '$WORK/b.xml'" /dev/null >"$WORK/tty.out" 2>&1
RC=$?
OUT=$(tr -d '\r' <"$WORK/tty.out") ERR=
expect_rc 0 "import on a terminal:"
expect_true "a progress line on a terminal" grep -Eq 'importing: 54 concepts, [0-9]+ terms, 100%, [0-9.]+ s, [0-9]+ terms/s' "$WORK/tty.out"
expect_true "the checking phase too" grep -Eq 'checking: 54 concepts, [0-9]+ terms' "$WORK/tty.out"
expect_out "imported 54 concepts"
expect_true "the same TEI either way" cmp -s "$WORK/a.xml" "$WORK/b.xml"

# a terminal with --quiet: nothing
script -qec "'$GLOSSA' import --quiet '$WORK/g.tbx' -o '$WORK/c.xml'" /dev/null >"$WORK/tty.out" 2>&1
RC=$?
OUT=$(cat "$WORK/tty.out") ERR=
expect_rc 0 "import --quiet on a terminal:"
expect_true "no progress line with --quiet" test -z "$OUT"
finish
