# 0100-lookup-annex.t — `glossa lookup` on the bundled glossary, text output:
# annex 1 concepts are found from Russian (any case), Chinese and English,
# --to filters the languages shown, unverified entries say so, and a query
# that matches nothing exits 1 with a message on stderr only.
index_bundled

# --- Russian, upper case: found, first result is the concept, with its Chinese term
run glossa lookup "ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ"
expect_rc 0 "upper-case Russian query:"
first=$(head -n 1 <<<"$OUT")
case "$first" in
    "1. information-security "*) ok ;;
    *) fail "first result should be information-security, first line is '$first'" ;;
esac
expect_out "信息安全" "upper-case Russian query:"
expect_out "информационная безопасность" "upper-case Russian query:"

# --- annex entries are reconstructions: the text output must say so
expect_out "NOT VERIFIED" "annex result:"
first_block=$(awk '/^2\. /{exit} {print}' <<<"$OUT")
expect_true "the NOT VERIFIED warning belongs to the first result" \
    grep -qF "NOT VERIFIED" <<<"$first_block"

# --- Chinese to Russian
run glossa lookup 信息安全 --to ru
expect_rc 0 "信息安全 --to ru:"
expect_true "信息安全 --to ru: first result is information-security" \
    grep -q '^1\. information-security ' <<<"$OUT"
expect_out "информационная безопасность" "信息安全 --to ru:"

# --- --to ru hides English (and other) terms and definitions
# term lines are "   LANG  TERM  STATUS", definition lines "   def LANG  TEXT"
labels=$(grep -oE '^   ([a-z]{2,3}(-[A-Za-z0-9]+)*|def [a-z]{2,3}(-[A-Za-z0-9]+)*)  ' <<<"$OUT" | sed 's/^ *//; s/ *$//' | sort -u)
if [ "$(echo $labels)" = "def ru ru" ]; then ok; else fail "--to ru should show only ru terms and definitions, shows: $(echo $labels)"; fi
expect_no_out "information security" "--to ru:"
expect_true "--to ru still shows the Russian term line" grep -qE '^   ru +информационная безопасность +preferred' <<<"$OUT"

# ... while without --to the English term is there (so the check above can fail)
run glossa lookup 信息安全
expect_true "without --to the English term is listed" grep -qE '^   en +information security ' <<<"$OUT"

# --- English query finds the concept whose Russian term is «информационное оружие»
run glossa lookup "information weapon"
expect_rc 0 "information weapon:"
expect_true "information weapon: first result is information-weapon" \
    grep -q '^1\. information-weapon ' <<<"$OUT"
first_block=$(awk '/^2\. /{exit} {print}' <<<"$OUT")
expect_true "information weapon: its Russian term is информационное оружие" \
    grep -qE '^   ru +информационное оружие +preferred' <<<"$first_block"
# (without colour the matched words may be marked «…»)
expect_true "information weapon: match line says English, exact" \
    grep -qE '^   match +information weapon \(en, exact\)' <<<"$(sed 's/«//g; s/»//g' <<<"$first_block")"

# --- nothing found: exit 1, message on stderr, nothing on stdout
run glossa lookup "xqzvkjwpqz"
expect_rc 1 "no match:"
if [ -z "$OUT" ]; then ok; else fail "no match: stdout should be empty"; fi
expect_err "no concept matches" "no match:"
expect_err "xqzvkjwpqz" "no match: the message quotes the query"

finish
