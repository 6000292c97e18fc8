# 0130-annex-fidelity.t — the bundled glossary reproduces the reference
# annex 1 reconstruction (shared/reference/annex1/annex1.tsv): for each
# concept, looking up its Russian term gives the Russian definition character
# for character, and the concept carries the tsv's Chinese and English terms.
need_shared
TSV="$SHARED/reference/annex1/annex1.tsv"
expect_true "$TSV is readable" test -r "$TSV"
index_bundled

# n -> zh / en term, from the tsv
declare -A zh en
while IFS=$'\t' read -r n lang term def basis; do
    case "$lang" in
        zh) zh[$n]=$term ;;
        en) en[$n]=$term ;;
    esac
done < <(tail -n +2 "$TSV")

rows=0
while IFS=$'\t' read -r n lang term def basis; do
    [ "$lang" = ru ] || continue
    rows=$((rows + 1))

    # Russian definition, exactly (compared inside jq: no trimming, no re-encoding)
    run glossa lookup "$term" --from ru --to ru --format json
    expect_rc 0 "annex $n '$term':"
    if jq -e --arg t "$term" '.results[0].terms | any(.lang == "ru" and .text == $t)' <<<"$OUT" >/dev/null; then
        ok
    else
        fail "annex $n: first result for '$term' does not have it as a Russian term"
    fi
    if jq -e --arg d "$def" '[.results[0].definitions[] | select(.lang == "ru") | .text] | index($d) != null' \
        <<<"$OUT" >/dev/null; then
        ok
    else
        fail "annex $n '$term': Russian definition differs from annex1.tsv
  expected: $def
  got:      $(jq -r '[.results[0].definitions[] | select(.lang == "ru") | .text] | join(" | ")' <<<"$OUT" 2>&1)"
    fi

    # the tsv's zh and en terms are terms of the same concept (lookup without --to)
    run glossa lookup "$term" --from ru --format json
    for pair in "zh:${zh[$n]:-}" "en:${en[$n]:-}"; do
        l=${pair%%:*} t=${pair#*:}
        if [ -z "$t" ]; then fail "annex $n: annex1.tsv has no $l term"; continue; fi
        if jq -e --arg l "$l" --arg t "$t" '.results[0].terms | any(.lang == $l and .text == $t)' \
            <<<"$OUT" >/dev/null; then
            ok
        else
            fail "annex $n '$term': $l term '$t' missing from $(jq -r '.results[0].id' <<<"$OUT" 2>&1)"
        fi
    done
done < <(tail -n +2 "$TSV")

if [ "$rows" -eq 13 ]; then ok; else fail "annex1.tsv should have 13 Russian rows, read $rows"; fi

finish
