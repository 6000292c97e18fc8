# 0410-readme-examples.t — every `build/glossa …` line in README.md's code
# blocks runs against the bundled glossary without an error (exit 0 or 1),
# as jq's man.test runs its manual. Paths in /tmp go to the test's own folder.
index_bundled
cp "$GLOSSA_DB" "$WORK/glossa-copy.db"
n=0
skipped_out=()
while IFS= read -r line; do
    cmd=${line%%#*}                     # drop trailing comments
    cmd=${cmd//build\/glossa/\"\$GLOSSA\"}
    cmd=${cmd//\/tmp\//$WORK\/}
    # without ../shared, its examples are skipped, and so are those that read
    # the files they would have written
    case "$cmd" in *../shared*)
        if [ ! -d "$SHARED" ]; then
            for w in $cmd; do case "$w" in "$WORK"/*) skipped_out+=("$w") ;; esac; done
            echo "skip (no ../shared): $line"
            continue
        fi
        cmd=${cmd//..\/shared/$SHARED} ;;
    esac
    for w in "${skipped_out[@]}"; do
        case "$cmd" in *"$w"*) echo "skip (reads $w, not written without ../shared): $line"; continue 2 ;; esac
    done
    n=$((n + 1))
    (cd "$SRC" && eval "$cmd") >"$WORK/.out" 2>"$WORK/.err"
    RC=$?
    OUT=$(cat "$WORK/.out"); ERR=$(cat "$WORK/.err")
    if [ "$RC" -le 1 ]; then ok; else fail "README example: $line"; fi
done < <(awk '/^```sh$/{on=1; next} /^```$/{on=0} on && /^build\/glossa /' "$SRC/README.md")
expect_true "README has at least 10 glossa examples (found $n)" test "$n" -ge 10
finish
