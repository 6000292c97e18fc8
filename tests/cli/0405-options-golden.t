# 0405-options-golden.t — every command's options, parsed from the option
# tables (src/cli/options.c): the exit status, stdout and stderr of the
# command lines in tests/data/golden/options/cases.txt (help, good runs,
# bad values, unknown options, missing values) are exactly those recorded
# beside it. GOLDEN_UPDATE=1 rewrites the records instead (then review the
# diff). No command reads an option by name (a misspelt name would read as
# never given): each reads its typed option struct.
golden="$SRC/tests/data/golden/options"
index_bundled
GLOSSARY="$SRC/glossary"
DATA="$SRC/tests/data"
export COLUMNS=80
while read -r name line; do
    case "$name" in ''|'#'*) continue ;; esac
    eval "set -- $line"
    got=$(options_record "$@")
    if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
        printf '%s\n' "$got" >"$golden/$name.txt"; ok; continue
    fi
    if [ "$got" = "$(cat "$golden/$name.txt" 2>/dev/null)" ]; then ok; else
        fail "glossa $line: differs from $name.txt:
$(diff <(printf '%s\n' "$got") "$golden/$name.txt" | head -20)"
    fi
done <"$golden/cases.txt"

# Options are read from each command's typed struct (cmd.h: CLI_OPT_*, the
# field bound by offsetof and its type checked by the compiler), never by
# name: no by-name reader may come back.
by_name=$(grep -nE 'cli_(value|flag|int|ratio|is)\(' "$SRC"/src/cli/*.c "$SRC"/src/cli/*.h || true)
if [ -z "$by_name" ]; then ok; else fail "options read by name: $by_name"; fi
finish
