# 0170-lookup-golden.t — lookups over the bundled glossary, byte for byte:
# every query of the evaluation sets (tests/eval, ../shared/eval) in JSON
# (--batch, at most 4 results, ru, zh, en; for each --mode but auto and
# for --in definitions only each result's id, score and match) and as text
# (2 results), and the cases of tests/data/golden/lookup/cases.tsv (fuzzy,
# prefix, --in definitions, --as-of, --history, --from, --to, brackets …)
# as JSON and coloured text (where highlights show; 3 results), all on
# one day (--as-of 2026-01-01 unless a case names another). The
# expected outputs are tests/data/golden/lookup/*.out; after a change meant
# to alter results, rewrite them with GOLDEN_UPDATE=1 (e.g.
# `GOLDEN_UPDATE=1 ctest -R 0170`) and review the diff.
if [ ! -f "$SHARED/eval/annex-queries.tsv" ]; then
    echo "SKIP: $SHARED/eval/annex-queries.tsv is absent (the golden outputs include it)"
    exit 77
fi
index_bundled
GOLDEN="$SRC/tests/data/golden/lookup"

queries() {
    local f
    for f in "$SRC"/tests/eval/*.tsv "$SHARED"/eval/*.tsv; do
        [ -f "$f" ] && tail -n +2 "$f" | cut -f1
    done
}
queries >"$WORK/queries"

# make_out NAME: the output of the commands for golden file NAME.out
make_out() {
    local opts q line
    case "$1" in
    batch)
        # the first set whole, the others as query, then id, score, how, match per result
        for opts in "" "--mode exact" "--mode normalized" "--mode stem" "--mode translit" \
            "--mode prefix" "--mode fuzzy" "--mode fulltext" "--mode layout" "--in definitions" \
            "--from ru --to en"; do
            printf '### --batch %s\n' "$opts"
            # shellcheck disable=SC2086
            "$GLOSSA" lookup --batch --as-of 2026-01-01 --limit 4 --to ru,zh,en $opts \
                <"$WORK/queries" >"$WORK/batch.jsonl"
            printf 'rc=%s\n' "$?"
            if [ -z "$opts" ]; then
                cat "$WORK/batch.jsonl"
            else
                jq -r '.query + ([.results[] | "\n  \(.id) \(.score) \(.match.how) \(.match.lang) \(.match.text)"] | join(""))' \
                    <"$WORK/batch.jsonl"
            fi
        done ;;
    text)
        while IFS= read -r q; do
            printf '### %s\n' "$q"
            "$GLOSSA" lookup --as-of 2026-01-01 --limit 2 --to ru,zh,en -- "$q"
            printf 'rc=%s\n' "$?"
        done <"$WORK/queries" ;;
    cases)
        while IFS=$'\t' read -r opts q; do
            case "$opts" in '#'*|'') continue ;; -) opts= ;; esac
            case "$opts" in *--as-of*) ;; *) opts="--as-of 2026-01-01 $opts" ;; esac
            case "$opts" in *--limit*) ;; *) opts="--limit 3 $opts" ;; esac
            printf '### %s | %s\n' "$opts" "$q"
            # shellcheck disable=SC2086
            "$GLOSSA" lookup --format json $opts -- "$q"
            printf 'rc=%s\n' "$?"
            # shellcheck disable=SC2086
            "$GLOSSA" lookup --color always $opts -- "$q"
            printf 'rc=%s\n' "$?"
        done <"$GOLDEN/cases.tsv" ;;
    esac
}

for name in batch text cases; do
    make_out "$name" >"$WORK/$name.out" 2>&1
    if [ "${GOLDEN_UPDATE:-}" = 1 ]; then
        cp "$WORK/$name.out" "$GOLDEN/$name.out"
        echo "rewrote $GOLDEN/$name.out"
    fi
    RC=0 OUT=$(diff -u "$GOLDEN/$name.out" "$WORK/$name.out" | head -200) ERR=
    if [ -z "$OUT" ] && [ -s "$GOLDEN/$name.out" ]; then ok; else fail "$name.out differs"; fi
done

finish
