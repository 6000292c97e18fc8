# 0600-eval.t — search quality, measured: `glossa eval` over the public
# evaluation set in ../shared (every query at rank 1) and over glossa's own
# set in tests/eval (a floor), and the command's own behaviour.
index_bundled

run glossa eval --format json "$SRC/tests/data/good/mini.xml"
expect_rc 2 "a file that is not an evaluation set"

if [ -f "$SHARED/eval/annex-queries.tsv" ]; then
    run glossa eval --min-top1 1.0 --min-mrr 1.0 "$SHARED/eval/annex-queries.tsv"
    expect_rc 0 "public set: every query at rank 1"
    echo "$OUT"
    run glossa eval --format json "$SHARED/eval/annex-queries.tsv"
    expect_json '.[0].all.top1' 1
    expect_json '.[0].misses | length' 0
else
    echo "SKIP (part): $SHARED/eval/annex-queries.tsv is absent"
fi

for f in "$SRC"/tests/eval/*.tsv; do
    [ -f "$f" ] || continue
    run glossa eval --min-top1 0.95 --min-mrr 0.97 "$f"
    expect_rc 0 "$(basename "$f"): top-1 >= 0.95 and MRR >= 0.97"
    echo "$OUT"
done

# Uzbek across scripts: the bundled glossary holds every Uzbek term in both
# scripts, so the uz-script lines of script-queries.tsv are also run against
# copies of it without the other script's terms (a Cyrillic query finds the
# term held in Latin only, and the reverse)
mkdir uz
command -v perl >/dev/null 2>&1 || echo "SKIP (part): perl is missing, Uzbek across scripts"
for drop in uz-Cyrl uz-Latn; do
    command -v perl >/dev/null 2>&1 || break
    mkdir "uz/$drop"
    for f in "$SRC"/glossary/annex1.xml "$SRC"/glossary/statements.xml; do
        perl -0pe "s{<form type=\"term\" xml:lang=\"$drop\".*?</form>}{}gs" "$f" >"uz/$drop/${f##*/}"
    done
    expect_true "$drop terms taken out" test "$(grep -c "xml:lang=\"$drop\"" uz/"$drop"/*.xml | grep -vc ':0$')" = 0
    GLOSSA_DB="$WORK/uz-$drop.db" "$GLOSSA" index --quiet "uz/$drop" || fail "index without $drop"
    { head -1 "$SRC/tests/eval/script-queries.tsv"
      awk -F'\t' -v lang="$drop" '$3 == "uz-script" && $4 == lang' "$SRC/tests/eval/script-queries.tsv"
    } >"uz/$drop.tsv"
    expect_true "uz/$drop.tsv has queries" test "$(wc -l <"uz/$drop.tsv")" -gt 5
    GLOSSA_DB="$WORK/uz-$drop.db" run glossa eval --min-top1 1.0 "uz/$drop.tsv"
    expect_rc 0 "$drop queries find the terms held in the other script only"
done

# a floor that is not met exits 1, and misses are listed
printf 'query\texpect\tkind\tlang\nкибербезопасность\tинформационная безопасность\texact\tru\n' > one.tsv
run glossa eval --min-top1 0.5 one.tsv
expect_rc 1
expect_out "line 2: кибербезопасность"
expect_err "below the floor"
printf 'query\texpect\tkind\tlang\nonly two\tfields\n' > bad.tsv
run glossa eval bad.tsv
expect_rc 2
expect_err "bad.tsv:2:"

finish
