# 0405-options-golden.t — every command's options, parsed from the option
# tables (src/cli/options.c): the exit status, stdout and stderr of the
# command lines in tests/data/golden/options/cases.txt (help, good runs,
# bad values, unknown options, missing values) are exactly those recorded
# beside it. GOLDEN_UPDATE=1 rewrites the records instead (then review the
# diff). Every option a command reads by name (cli_value, cli_flag, cli_int,
# cli_ratio, cli_is in src/cli/cmd_NAME.c) is one its table has: a misspelt
# name would read as never given.
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

for f in "$SRC"/src/cli/cmd_*.c; do
    c=$(basename "$f" .c); c=${c#cmd_}
    help=$("$GLOSSA" "$c" --help 2>&1)
    for o in $(grep -oE 'cli_(value|flag|int|ratio|is)\(self, args, "[a-z0-9-]+"' "$f" |
               sed -E 's/.*"([a-z0-9-]+)"/\1/' | sort -u); do
        if grep -qE -- "--$o( |\$)" <<<"$help"; then ok; else
            fail "src/cli/cmd_$c.c reads option '$o', which 'glossa $c' does not have"
        fi
    done
done
finish
