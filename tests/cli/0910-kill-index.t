# 0910-kill-index.t — machines die mid-write: `glossa index` killed with
# SIGKILL at random points leaves the previous database answering exactly as
# before (or, if it got as far as publishing, exactly as after), passing
# `glossa index --check`; the next complete run leaves no temporary or lock
# file. Readers running while the index is replaced again and again always
# see a whole database, old or new, never a part of one.
#
# GLOSSA_KILL_ITERATIONS sets the number of kills (default 40; the figure in
# the README was measured with 200).
iterations=${GLOSSA_KILL_ITERATIONS:-40}
DB="$WORK/kill.db"
A=("$SRC/glossary")                 # the whole term base
B=("$SRC/glossary" "$WORK/extra.xml")   # the same and one concept more: other answers
head_part=$(sed -n '1,/<body>/p' "$SRC/tests/data/good/mini.xml")
cat >"$WORK/extra.xml" <<XML
$head_part
      <entry xml:id="kill-test-concept" type="concept" source="#agreement-2009">
        <usg type="status">proposed</usg>
        <usg type="reliability">2</usg>
        <form type="term" xml:lang="ru"><orth>информационный проверочный термин</orth><usg type="status">preferred</usg></form>
      </entry>
    </body>
  </text>
</TEI>
XML

# answers DB: what the probe queries give, one JSON line each
answers() {
    "$GLOSSA" lookup --db "$1" --format json --limit 3 "информационная безопасность" 2>&1
    echo "rc=$?"
    "$GLOSSA" lookup --db "$1" --format json "информационное оружие" 2>&1
    echo "rc=$?"
    "$GLOSSA" lookup --db "$1" --format json --limit 50 "информационн" 2>&1
    echo "rc=$?"
}

run glossa index --quiet --db "$WORK/a.db" "${A[@]}"
expect_rc 0 "index A:"
run glossa index --quiet --db "$WORK/b.db" "${B[@]}"
expect_rc 0 "index B:"
ref_a=$(answers "$WORK/a.db")
ref_b=$(answers "$WORK/b.db")
if [ "$ref_a" != "$ref_b" ]; then ok; else fail "A and B must answer differently"; fi
expect_true "A answers" grep -q '"id":"information-security"' <<<"$ref_a"

# how long a run takes, to spread the kills over it
start=$(date +%s%N)
"$GLOSSA" index --quiet --db "$DB" "${A[@]}" || fail "index A into $DB"
span_ms=$((($(date +%s%N) - start) / 1000000 * 13 / 10 + 1))
state=a

killed=0 finished=0 lost=0
for ((i = 1; i <= iterations; i++)); do
    if [ $state = a ]; then target=b; inputs=("${B[@]}"); else target=a; inputs=("${A[@]}"); fi
    "$GLOSSA" index --quiet --db "$DB" "${inputs[@]}" 2>"$WORK/index.err" &
    pid=$!
    delay_ms=$(((RANDOM * 32768 + RANDOM) % (span_ms * 1000) / 1000))
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    { wait "$pid"; } 2>/dev/null
    status=$?
    now=$(answers "$DB")
    ref_target=ref_$target ref_state=ref_$state
    if [ "$now" = "${!ref_target}" ]; then
        state=$target
        [ $status -eq 0 ] && finished=$((finished + 1)) || killed=$((killed + 1))
        ok
    elif [ "$now" = "${!ref_state}" ] && [ $status -ne 0 ]; then
        killed=$((killed + 1))
        ok
    else
        lost=$((lost + 1))
        fail "kill $i (after ${delay_ms} ms, exit $status): the database answers neither as before nor as after"
        printf '%s\n' "$now" | head -5
    fi
    if "$GLOSSA" index --check --db "$DB" >/dev/null 2>"$WORK/check.err"; then ok; else
        fail "kill $i: index --check: $(cat "$WORK/check.err")"; fi
    if [ $status -eq 0 ]; then
        left=$(ls -A "$WORK" | grep -E '^kill\.db\.(tmp-|lock)')
        if [ -z "$left" ]; then ok; else fail "kill $i: a complete run left $left"; fi
    fi
done
echo "kill -9 loop: $iterations runs, $killed killed, $finished finished, $lost lost"
expect_true "some runs were killed mid-way ($killed of $iterations)" test "$killed" -gt 0

# the next complete run cleans up after the killed ones
run glossa index --quiet --db "$DB" "${A[@]}"
expect_rc 0 "index after the kills:"
left=$(ls -A "$WORK" | grep -E '^kill\.db\.(tmp-|lock)')
if [ -z "$left" ]; then ok; else fail "after the kills, left behind: $left"; fi
now=$(answers "$DB")
if [ "$now" = "$ref_a" ]; then ok; else fail "after the kills, the database is not A"; fi

# --- readers while the index is replaced: always a whole database, old or new
rm -f "$WORK/readers.bad"
(
    for ((r = 1; r <= 60; r++)); do
        out=$("$GLOSSA" lookup --db "$DB" --format json --limit 3 "информационная безопасность" 2>&1)
        rc=$?
        if [ $rc -ne 0 ]; then echo "lookup $r: exit $rc: $out" >>"$WORK/readers.bad"; continue; fi
        first=$(jq -r '.results[0].id' <<<"$out" 2>&1)
        [ "$first" = information-security ] || echo "lookup $r: first is '$first'" >>"$WORK/readers.bad"
        grep -qxF -- "$out" <(printf '%s\n' "$ref_a" "$ref_b") ||
            echo "lookup $r: neither A's nor B's answer: $out" >>"$WORK/readers.bad"
    done
) &
readers=$!
writes=0
while kill -0 "$readers" 2>/dev/null; do
    if [ $((writes % 2)) -eq 0 ]; then inputs=("${B[@]}"); else inputs=("${A[@]}"); fi
    "$GLOSSA" index --quiet --db "$DB" "${inputs[@]}" || echo "index $writes failed" >>"$WORK/readers.bad"
    writes=$((writes + 1))
done
wait "$readers"
echo "readers: 60 lookups while the index was replaced $writes times"
expect_true "the index was replaced while readers ran ($writes times)" test "$writes" -ge 2
if [ ! -s "$WORK/readers.bad" ]; then ok; else
    fail "readers saw a partial or missing database:"; head -5 "$WORK/readers.bad"; fi

finish
