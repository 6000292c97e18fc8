# 0430-completion.t — src/cli/glossa.bash, sourced into bash and called as
# bash calls it (COMP_WORDS, COMP_CWORD): commands, every option of every
# command as `glossa COMMAND --help` lists it, option values from the help
# text (modes, formats, languages, states), --opt=value, files for --db and
# for commands that read files, and nothing where nothing fits.
# shellcheck source=/dev/null
source "$SRC/src/cli/glossa.bash"
expect_true "glossa.bash registers _glossa for glossa" test "$(complete -p glossa 2>/dev/null | grep -c _glossa)" -eq 1

# comp WORD...: complete the last WORD after the binary; sorted, in $GOT
comp() {
    COMP_WORDS=("$GLOSSA" "$@")
    COMP_CWORD=$#
    COMP_LINE="$GLOSSA $*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _glossa
    GOT=$(printf '%s\n' "${COMPREPLY[@]}" | sed '/^$/d' | sort | tr '\n' ' ')
    GOT=${GOT% }
}
expect_comp() { # expect_comp EXPECTED WORD...
    local want=$1; shift
    comp "$@"
    if [ "$GOT" = "$want" ]; then ok; else fail "completing '$*' gave '$GOT', expected '$want'"; fi
}
expect_comp_has() { # expect_comp_has WORD-EXPECTED WORD...
    local want=$1; shift
    comp "$@"
    if grep -qxF -- "$want" < <(tr ' ' '\n' <<<"$GOT"); then ok; else fail "completing '$*' gave '$GOT', without '$want'"; fi
}

# commands
run glossa help
listed=$(awk '/^commands:/{on=1; next} on && /^$/{exit} on {print $1}' <<<"$OUT")
for c in $listed; do expect_comp_has "$c" ""; done
expect_comp_has --version ""
expect_comp "lookup" lo
expect_comp "serve" ser
expect_comp "lookup" help lo

# every option of every command
for c in $listed; do
    run glossa "$c" --help
    for o in $(sed -n '/^options:/,/^$/p' <<<"$OUT" | grep -oE '^ +(-[a-zA-Z], )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
        expect_comp_has "$o" "$c" --
    done
done
expect_comp "--format --from --full" lookup --f
expect_comp "--db --dict" serve --d

# option values, from the help text
expect_comp "auto exact fts fulltext fuzzy layout normalized prefix stem translit within" lookup --mode ""
expect_comp "fts fulltext fuzzy" lookup -m f
expect_comp "--mode=prefix" lookup --mode=pre
expect_comp "json text" lookup --format ""
expect_comp "always auto never" lookup --color ""
expect_comp "definitions terms" lookup --in ""
expect_comp "zh zh-Hans zh-Hant zh-Hant-TW" lookup --from z
expect_comp "ur uz uz-Cyrl uz-Latn" lookup -t u
expect_comp "en ru" candidates --lang ""
expect_comp "akn docx html md tei" protocol --format ""
expect_comp "en ru zh" protocol --lang ""
expect_comp "127.0.0.1:0 127.0.0.1:2628 127.0.0.1:8080" serve --listen ""
run glossa help export
if grep -q -- "--format FORMAT" <<<"$OUT"; then expect_comp_has tbx export --format ""; expect_comp_has tbx2008 export --format tbx2; fi
run glossa help propose
if grep -q -- "--state CC" <<<"$OUT"; then expect_comp "KG KZ" propose --state K; fi

# files: for --db, and for the arguments of commands that read files
touch "$WORK/complete-me.db" "$WORK/complete-me.xml"
expect_comp "$WORK/complete-me.db" lookup --db "$WORK/complete-me.d"
expect_comp "$WORK/complete-me.xml" validate "$WORK/complete-me.x"
expect_comp "$WORK/complete-me.db $WORK/complete-me.xml" index --quiet "$WORK/complete-"
# no values for a flag, no files for a query
expect_comp "" lookup --full "$WORK/complete-"
expect_comp "" lookup "$WORK/complete-"
finish
