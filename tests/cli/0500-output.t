# 0500-output.t — how `glossa lookup` writes: no ANSI escapes when piped,
# colour with --color always, NO_COLOR and TERM=dumb honoured on a terminal,
# write errors (/dev/full) exit 2 with a message, and term columns aligned
# by display width (CJK counts two columns, combining marks none).
index_bundled
ESC=$'\033'
Q="information weapon"

# --- piped: no escapes, even without NO_COLOR (run.sh exports NO_COLOR=1)
unset NO_COLOR
run glossa lookup "$Q"
expect_rc 0 "piped lookup:"
expect_no_out "$ESC" "piped lookup:"
run glossa lookup "$Q" --color auto
expect_no_out "$ESC" "piped lookup --color auto:"
run glossa lookup --limit 0 "$Q"
if grep -qF "$ESC" <<<"$ERR"; then fail "piped error message should have no escapes"; else ok; fi

# --- --color always: escapes, also under NO_COLOR (an explicit flag wins)
run glossa lookup "$Q" --color always
expect_rc 0 "--color always:"
expect_out "$ESC[" "--color always:"
expect_out "$ESC[0m" "--color always resets:"
NO_COLOR=1 run glossa lookup "$Q" --color always
expect_out "$ESC[" "NO_COLOR=1 --color always:"
# the text is the same with and without colour (but for the match line, which
# may mark the matched words differently when it cannot use colour)
plain=$(glossa lookup "$Q" --color never | grep -v '^   match ')
stripped=$(sed "s/$ESC\[[0-9;]*m//g" <<<"$OUT" | grep -v '^   match ')
if [ -n "$plain" ] && [ "$plain" = "$stripped" ]; then ok; else fail "--color always differs from --color never beyond the escapes"; fi

# --- on a terminal (through script(1)): colour by default, none with NO_COLOR / TERM=dumb
# on_tty ENV...: run glossa lookup "$Q" [--color never] on a pseudo-terminal under env ENV...
on_tty() {
    local cmd
    cmd=$(printf '%q ' "$GLOSSA" lookup "$Q")
    run env "$@" script -qec "$cmd" /dev/null
}
on_tty_flag() {
    local cmd
    cmd=$(printf '%q ' "$GLOSSA" lookup "$Q" "$@")
    run env -u NO_COLOR TERM=xterm script -qec "$cmd" /dev/null
}
if command -v script >/dev/null 2>&1 && on_tty -u NO_COLOR TERM=xterm && [ -n "$OUT" ]; then
    expect_rc 0 "tty lookup:"
    expect_out "$ESC[" "tty lookup (no NO_COLOR):"
    on_tty NO_COLOR=1 TERM=xterm
    expect_out "information-weapon" "tty lookup NO_COLOR=1:"
    expect_no_out "$ESC" "tty lookup NO_COLOR=1:"
    on_tty NO_COLOR= TERM=xterm
    expect_out "$ESC[" "tty lookup with NO_COLOR empty (ignored, per no-color.org):"
    on_tty -u NO_COLOR TERM=dumb
    expect_out "information-weapon" "tty lookup TERM=dumb:"
    expect_no_out "$ESC" "tty lookup TERM=dumb:"
    on_tty_flag --color never
    expect_out "information-weapon" "tty lookup --color never:"
    expect_no_out "$ESC" "tty lookup --color never:"
    on_tty_flag --format json
    expect_no_out "$ESC" "tty lookup --format json:"
else
    echo "NOTE: script(1) cannot run glossa on a pseudo-terminal here; skipping the terminal checks"
fi
export NO_COLOR=1

# --- write errors: /dev/full
# to_full ARGS...: glossa ARGS with stdout on /dev/full
to_full() { run sh -c 'exec "$@" > /dev/full' sh "$GLOSSA" "$@"; }
if [ -w /dev/full ]; then
    to_full lookup "$Q"
    expect_rc 2 "lookup > /dev/full:"
    expect_err "cannot write" "lookup > /dev/full:"
    to_full lookup "$Q" --format json
    expect_rc 2 "lookup --format json > /dev/full:"
    expect_err "cannot write" "lookup --format json > /dev/full:"
    to_full lookup информационная --limit 1000
    expect_rc 2 "long lookup > /dev/full:"
    expect_err "cannot write" "long lookup > /dev/full:"
    to_full help
    expect_rc 2 "help > /dev/full:"
    to_full lookup --help
    expect_rc 2 "lookup --help > /dev/full:"
    to_full --version
    expect_rc 2 "--version > /dev/full:"
    to_full index --db "$WORK/full.db" "$SRC/tests/data/good/mini.xml"
    expect_rc 2 "index > /dev/full (the summary cannot be written):"
    to_full validate "$SRC/glossary"
    expect_rc 2 "validate > /dev/full:"
    to_full lookup "xqzvkjwpqz"
    expect_rc 1 "a lookup that writes nothing to stdout is not a write error:"
else
    echo "NOTE: /dev/full is not available; skipping the write-error checks"
fi

# --- alignment: the status column of every term line of a concept starts at one column
# status_cols: for each term line ("   LANG  TERM  STATUS"), the display width before STATUS
status_cols() {
    perl -CSD -ne '
        next unless /^   [a-z]{2,3}(?:-[A-Za-z0-9]{2,8})* {2,}\S/;
        chomp; /^(.*\S {2,})\S/ or next;
        my $w = 0;
        for my $c (split //, $1) {
            next if $c =~ /[\p{Mn}\p{Me}\p{Cf}]/;
            $w += ($c =~ /[\p{Ea=W}\p{Ea=F}]/) ? 2 : 1;
        }
        print "$w\n";'
}
# Latin only: "international information security" and "IIS"
run glossa lookup "international information security" --from en --to en --limit 1
lines=$(grep -E '^   en +(international information security|IIS) ' <<<"$OUT")
if [ "$(wc -l <<<"$lines")" -eq 2 ]; then ok; else fail "expected the two English term lines, got: $lines"; fi
cols=$(sed -E 's/^(.*[^ ]  +)[^ ].*$/\1/' <<<"$lines" | awk '{ print length($0) }' | sort -u)
if [ "$(wc -l <<<"$cols")" -eq 1 ] && [ "$cols" -gt 40 ]; then ok; else fail "Latin term lines: status columns differ: $(echo $cols)"; fi
# all scripts: Cyrillic, CJK (two columns a character), Arabic script, Devanagari
if command -v perl >/dev/null 2>&1; then
    run glossa lookup "информационная безопасность" --from ru --limit 1
    cols=$(status_cols <<<"$OUT")
    n=$(wc -l <<<"$cols")
    if [ "$n" -ge 10 ]; then ok; else fail "expected at least 10 term lines for information-security, got $n"; fi
    if [ "$(sort -u <<<"$cols" | wc -l)" -eq 1 ]; then ok; else fail "term lines of information-security: status columns differ: $(echo $cols)"; fi
    expect_true "information-security has a CJK term line" grep -qE '^   zh +信息安全 ' <<<"$OUT"
else
    echo "NOTE: perl is missing; skipping the multi-script alignment check"
fi

finish
