# 0410-readme-examples.t — every `build/glossa …` line in README.md's ```sh
# blocks, run against the bundled glossary as jq's man.test runs its manual,
# gives exactly the stdout, stderr and exit status recorded for it in
# tests/data/golden/readme/readme.test (golden_table in run.sh: "$ LINE" as
# in the README, then what it prints). The README's examples and the table's
# cases must be the same lines in the same order. After a change meant to
# alter what an example prints, or to the examples, rewrite the table with
# GOLDEN_UPDATE=1 (e.g. `GOLDEN_UPDATE=1 ctest -R 0410`) and review the diff.
#
# Each example runs in the source tree; paths in /tmp go to the test's own
# folder, ../shared is $SHARED. Examples that need ../shared are skipped with
# a message where it is absent, and so are those that read a file one of
# them would have written. `diff --git` runs in a repository made here whose
# last commit takes glossary/annex1.xml from tests/data/protocol/old.xml to
# new.xml (skipped where git is missing), not in the checkout, whose history
# moves. Only what depends on the machine or the moment is normalised, by
# the sed below and nothing else: the library versions of --version, the
# time an index took ("(0.14 s)"), and where ../shared is ($SRC and $WORK
# read SRC and WORK, as in every golden table).
GOLDEN="$SRC/tests/data/golden/readme/readme.test"
normalise() {
    sed -E -e 's/^(glossa [0-9.]+) \(ICU [0-9.]+, SQLite [0-9.]+, libxml2 [0-9.]+\)$/\1 (ICU X, SQLite X, libxml2 X)/' \
        -e 's/ \([0-9]+\.[0-9]+ s\)$/ (T s)/' -e "s|$SHARED/|../shared/|g" "$1"
}
index_bundled

examples() { awk '/^```sh$/{on=1; next} /^```$/{on=0} on && /^build\/glossa /' "$SRC/README.md"; }

if command -v git >/dev/null 2>&1; then
    mkdir "$WORK/repo" "$WORK/repo/glossary"
    (cd "$WORK/repo" && git init -q &&
     cp "$SRC/tests/data/protocol/old.xml" glossary/annex1.xml &&
     git add . && git -c user.name=t -c user.email=t@t commit -qm old &&
     cp "$SRC/tests/data/protocol/new.xml" glossary/annex1.xml &&
     git -c user.name=t -c user.email=t@t commit -qam new) || { echo "FAIL: cannot make the git repository"; exit 1; }
fi

# readme_run LINE: one README example, as the README reader would run it.
readme_run() {
    local line=$1 cmd w dir=$SRC rc
    cmd=${line%%#*}                     # drop trailing comments
    cmd=${cmd//build\/glossa/\"\$GLOSSA\"}
    cmd=${cmd//\/tmp\//$WORK\/}
    case "$cmd" in *../shared*)
        if [ ! -d "$SHARED" ]; then
            for w in $cmd; do case "$w" in "$WORK"/*) echo "$w" >>"$WORK/.readme-skipped" ;; esac; done
            golden_skip "no ../shared"; return 77
        fi
        cmd=${cmd//..\/shared/$SHARED} ;;
    esac
    if [ -f "$WORK/.readme-skipped" ]; then
        while IFS= read -r w; do
            case "$cmd" in *"$w"*) golden_skip "reads $w, not written without ../shared"; return 77 ;; esac
        done <"$WORK/.readme-skipped"
    fi
    case "$cmd" in *" --git "*)
        command -v git >/dev/null 2>&1 || { golden_skip "git is not installed"; return 77; }
        dir=$WORK/repo ;;
    esac
    (cd "$dir" && eval "$cmd") >"$WORK/.readme.out" 2>"$WORK/.readme.err"
    rc=$?
    normalise "$WORK/.readme.out"
    normalise "$WORK/.readme.err" >&2
    return "$rc"
}

# the table's cases are the README's examples
if ! diff <(examples) <(sed -n 's/^\$ //p' "$GOLDEN" 2>/dev/null) >"$WORK/.cases.diff"; then
    if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
        # a new skeleton: the opening comment, then each example with the
        # record it had (or none yet), for golden_table to fill in
        { sed '/^\$ /,$d' "$GOLDEN" 2>/dev/null
          examples | while IFS= read -r line; do
              awk -v want="\$ $line" '$0 == want {on=1; print; next} /^\$ /{on=0} on' "$GOLDEN" 2>/dev/null |
                  grep -q . || printf '$ %s\n' "$line"
              awk -v want="\$ $line" '$0 == want {on=1; print; next} /^\$ /{on=0} on' "$GOLDEN" 2>/dev/null
          done; } >"$WORK/readme.test"
        cp "$WORK/readme.test" "$GOLDEN"
    else
        fail "README.md's examples differ from the cases of $GOLDEN (GOLDEN_UPDATE=1 rewrites it): $(head -20 "$WORK/.cases.diff")"
    fi
fi
n=$(examples | wc -l)
expect_true "README has at least 10 glossa examples (found $n)" test "$n" -ge 10
golden_table "$GOLDEN" readme_run
finish
