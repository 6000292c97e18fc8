# 0400-help.t — `glossa help`: lists every command; `glossa help X` equals
# `glossa X --help`; --version names glossa, ICU, SQLite and libxml2; an
# unknown command exits 2 with a suggestion; README.md documents every command.

# --- the command list
run glossa help
expect_rc 0 "glossa help:"
listed=$(awk '/^commands:/{on=1; next} on && /^$/{exit} on {print $1}' <<<"$OUT")
for c in lookup index validate help; do
    if grep -qx -- "$c" <<<"$listed"; then ok; else fail "glossa help should list '$c' (listed: $(echo $listed))"; fi
done
if [ "$(wc -l <<<"$listed")" -ge 4 ]; then ok; else fail "glossa help lists fewer than 4 commands"; fi
run glossa --help
expect_rc 0 "glossa --help:"
expect_out "commands:" "glossa --help:"

# --- glossa help X == glossa X --help == glossa X -h, for every listed command
for c in $listed; do
    run glossa help "$c"
    expect_rc 0 "glossa help $c:"
    a=$OUT
    expect_out "usage: glossa $c" "glossa help $c:"
    run glossa "$c" --help
    expect_rc 0 "glossa $c --help:"
    if [ "$OUT" = "$a" ]; then ok; else fail "glossa $c --help differs from glossa help $c"; fi
    run glossa "$c" -h
    if [ "$OUT" = "$a" ]; then ok; else fail "glossa $c -h differs from glossa help $c"; fi
    if [ -n "$a" ] && [ "$(wc -l <<<"$a")" -ge 3 ]; then ok; else fail "glossa help $c is (nearly) empty"; fi
done
# --- byte for byte: `glossa help`, `glossa --help` and `glossa help X` for
# every listed command are the records of tests/data/golden/options (help.txt,
# X-help.txt, which 0405 checks against `glossa X --help`); a command without
# its golden record fails here
golden="$SRC/tests/data/golden/options"
export COLUMNS=80
for c in "" $listed; do
    rec=${c:+$c-}help.txt
    got=$(options_record help $c)
    if [ ! -s "$golden/$rec" ]; then
        fail "glossa help $c: no golden record $rec (add '${rec%.txt} $c --help' to $golden/cases.txt, GOLDEN_UPDATE=1 ctest -R 0405)"
    elif [ "$got" = "$(cat "$golden/$rec")" ]; then ok; else
        fail "glossa help $c differs from $rec: $(diff <(printf '%s\n' "$got") "$golden/$rec" | head -20)"
    fi
done
if [ "$(options_record --help)" = "$(cat "$golden/help.txt")" ]; then ok; else fail "glossa --help differs from help.txt"; fi

# the options the parser knows are the options the help shows
run glossa help lookup
for o in --db --from --to --format --limit --color; do expect_out "$o" "glossa help lookup:"; done
run glossa help index
for o in --db --quiet --max-errors; do expect_out "$o" "glossa help index:"; done

# --- every command's usage names each of its options (long or short form;
# --help, --color and --db are every command's) and its continuation lines
# start under the first word after "glossa COMMAND"; the command list is one
# column for names and one for summaries
run glossa help
col=$(awk '/^commands:/{on=1; next} on && /^$/{exit} on {match($0, /^  [a-z]+ +/); print RLENGTH}' <<<"$OUT" | sort -u)
if [ "$(wc -l <<<"$col")" -eq 1 ]; then ok; else fail "glossa help: the summaries start in columns $(echo $col)"; fi
for c in $listed; do
    run glossa help "$c"
    usage=$(awk '/^usage:/{on=1} on && /^$/{exit} on' <<<"$OUT")
    first=$(head -n 1 <<<"$usage")
    rest=${first#"usage: glossa $c "}
    start=$(( ${#first} - ${#rest} ))
    while IFS= read -r line; do
        case "$line" in usage:*|"       glossa $c"*) continue ;; [A-Z]*:*) break ;; esac
        lead=${line%%[! ]*}
        if [ "${#lead}" -eq "$start" ]; then ok; else fail "glossa help $c: usage line '$line' starts in column ${#lead}, not $start"; fi
    done <<<"$usage"
    while read -r short long; do
        case "$long" in --help|--color|--db) continue ;; esac
        [ "$short" = - ] && short=$long
        if grep -qE -- "(^|[[ |])($long|$short)([] |=]|$)" <<<"$usage"; then ok
        else fail "glossa help $c: the usage does not name $long"; fi
    done < <(awk '/^options:/{on=1; next} on && /^$/{exit} on' <<<"$OUT" |
             sed -nE 's/^  (-[a-zA-Z]), (--[a-z0-9-]+).*/\1 \2/p; s/^      (--[a-z0-9-]+).*/- \1/p')
done

# --- --version
run glossa --version
expect_rc 0 "glossa --version:"
if [[ $OUT =~ ^glossa\ ([0-9]+\.[0-9]+\.[0-9]+)\ \(ICU\ ([0-9.]+),\ SQLite\ ([0-9.]+),\ libxml2\ ([0-9.]+)\)$ ]]; then
    ok
    v=${BASH_REMATCH[1]} icu=${BASH_REMATCH[2]} sqlite=${BASH_REMATCH[3]} xml=${BASH_REMATCH[4]}
    project=$(sed -nE 's/^project\(glossa VERSION ([0-9.]+).*/\1/p' "$SRC/CMakeLists.txt")
    if [ -z "$project" ] || [ "$v" = "$project" ]; then ok; else fail "--version says $v, CMakeLists.txt says $project"; fi
    if command -v pkg-config >/dev/null 2>&1; then
        for pair in "icu-uc:$icu" "sqlite3:$sqlite" "libxml-2.0:$xml"; do
            pc=$(pkg-config --modversion "${pair%%:*}" 2>/dev/null) || continue
            if [ "$pc" = "${pair#*:}" ]; then ok; else fail "--version says ${pair%%:*} ${pair#*:}, pkg-config says $pc"; fi
        done
    fi
else
    fail "--version should print 'glossa X.Y.Z (ICU …, SQLite …, libxml2 …)'"
fi

# --- unknown commands: exit 2 and a suggestion
run glossa lookpu "information security"
expect_rc 2 "glossa lookpu:"
expect_err "'lookpu' is not a glossa command" "glossa lookpu:"
expect_err "did you mean 'lookup'" "glossa lookpu:"
if [ -z "$OUT" ]; then ok; else fail "glossa lookpu: stdout should be empty"; fi
run glossa indx
expect_rc 2 "glossa indx:"
expect_err "did you mean 'index'" "glossa indx:"
run glossa frobnicate
expect_rc 2 "glossa frobnicate:"
expect_no_out "did you mean" "glossa frobnicate:"
if grep -qF "did you mean" <<<"$ERR"; then fail "glossa frobnicate: nothing is close, no suggestion expected"; else ok; fi
run glossa help lookpu
expect_rc 2 "glossa help lookpu:"
expect_err "did you mean 'lookup'" "glossa help lookpu:"
run glossa
expect_rc 2 "glossa with no command:"

# --- README.md documents every command as `glossa <command>`
if [ -f "$SRC/README.md" ]; then
    for c in $listed; do
        if grep -qE "glossa $c([^a-z-]|$)" "$SRC/README.md"; then ok; else fail "README.md does not mention 'glossa $c'"; fi
    done
    if grep -qF "glossa --version" "$SRC/README.md"; then ok; else fail "README.md does not mention 'glossa --version'"; fi
else
    fail "README.md is missing: it must document every command"
fi

finish
