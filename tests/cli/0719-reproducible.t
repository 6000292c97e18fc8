# 0719-reproducible.t — the same inputs give the same bytes, whatever the
# clock or the time zone says: the protocol (md, html, docx, tei, with its
# comparative table; akn in ru, zh and en, dated by SOURCE_DATE_EPOCH), the
# annex as an Akoma Ntoso document (export --format akn), the explanatory note and the depositary's correction rendered twice, a second and a time zone apart; an index built twice with SOURCE_DATE_EPOCH (its recorded
# build time is that time, not the clock's), a malformed SOURCE_DATE_EPOCH
# refused before anything is built; `propose` dated SOURCE_DATE_EPOCH's day
# when no --date is given.
D="$SRC/tests/data/protocol"
OLD="$D/old.xml" NEW="$D/new.xml"
proposals_example
render() { # render N: every document once, to NAME.N (the second run in Tokyo)
    local f
    for f in md html docx tei; do
        "$GLOSSA" protocol --format "$f" --table -o "$WORK/protocol.$f.$1" "$OLD" "$NEW" || return 1
        "$GLOSSA" note --format "$f" --lang ru --round 2026-1 --positions "$POS" \
            -o "$WORK/note.$f.$1" || return 1
    done
    for l in ru zh en; do
        SOURCE_DATE_EPOCH=1765000000 "$GLOSSA" protocol --format akn --lang "$l" \
            -o "$WORK/protocol.akn-$l.$1" "$OLD" "$D/round6.xml" || return 1
        "$GLOSSA" export --format akn --lang "$l" -o "$WORK/annex.akn-$l.$1" \
            "$D/../akn/dated.xml" || return 1
    done
    for f in md html docx tei; do
        "$GLOSSA" correction --format "$f" --objections-by 2027-03-01 \
            --corrected "$OLD" -o "$WORK/correction.$f.$1" "$D/../concordance/annex.xml" || return 1
    done
}
expect_true "the documents render" render 1
sleep 1
expect_true "the documents render again, a second later in Tokyo" env TZ=Asia/Tokyo bash -c "$(declare -f render); GLOSSA='$GLOSSA' WORK='$WORK' D='$D' OLD='$OLD' NEW='$NEW' POS='$POS' render 2"
for f in md html docx tei; do
    expect_true "protocol --format $f --table: the same bytes twice" cmp "$WORK/protocol.$f.1" "$WORK/protocol.$f.2"
    expect_true "note --format $f: the same bytes twice" cmp "$WORK/note.$f.1" "$WORK/note.$f.2"
done
for f in md html docx tei; do
    expect_true "correction --format $f: the same bytes twice" cmp "$WORK/correction.$f.1" "$WORK/correction.$f.2"
done
for l in ru zh en; do
    expect_true "protocol --format akn --lang $l: the same bytes twice" cmp "$WORK/protocol.akn-$l.1" "$WORK/protocol.akn-$l.2"
    expect_true "export --format akn --lang $l: the same bytes twice" cmp "$WORK/annex.akn-$l.1" "$WORK/annex.akn-$l.2"
done

# the index: SOURCE_DATE_EPOCH is its build time
run env SOURCE_DATE_EPOCH=1765000000 "$GLOSSA" index --quiet --db "$WORK/a.db"
expect_rc 0 "index with SOURCE_DATE_EPOCH:"
sleep 1
run env SOURCE_DATE_EPOCH=1765000000 TZ=Asia/Tokyo "$GLOSSA" index --quiet --db "$WORK/b.db"
expect_rc 0 "index with SOURCE_DATE_EPOCH, again:"
expect_true "two indexes of the same inputs are the same file" cmp "$WORK/a.db" "$WORK/b.db"
run sqlite3 "$WORK/a.db" "SELECT value FROM meta WHERE key = 'built_at'"
if [ "$RC" -eq 127 ]; then
    echo "note: sqlite3 is not installed; the recorded build time is not read"
else
    expect_out "2025-12-06T05:46:40Z" "the build time recorded is SOURCE_DATE_EPOCH's"
fi
for bad in abc 12x -1 "" 99999999999999; do
    run env SOURCE_DATE_EPOCH="$bad" "$GLOSSA" index --quiet --db "$WORK/bad.db"
    expect_rc 2 "SOURCE_DATE_EPOCH='$bad':"
    expect_err "glossa: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01 UTC, not '$bad'"
    expect_true "SOURCE_DATE_EPOCH='$bad': no index written" test ! -e "$WORK/bad.db"
done

# propose without --date: SOURCE_DATE_EPOCH's day
run env SOURCE_DATE_EPOCH=1765000000 "$GLOSSA" propose --state KZ --amend information-security -o "$WORK/p.xml"
expect_rc 0 "propose with SOURCE_DATE_EPOCH:"
expect_true "the proposal is dated 2025-12-06" grep -q '2025-12-06' "$WORK/p.xml"
finish
