# 0928-serve-dict.t — `glossa serve --dict` answers the real `dict` client
# (Debian package dict): DEFINE in every database, in "all" and in a language
# pair, saying how a word typed in the wrong keyboard layout or longer than a
# term was read; MATCH with each strategy; SHOW DB, STRAT, INFO and SERVER; the
# client's "perhaps you mean" after a typo; unknown databases and strategies;
# a re-index taken up without a restart; a clean stop on SIGTERM. The server
# listens on 127.0.0.1, port 0.
if ! command -v dict >/dev/null 2>&1; then
    echo "SKIP: the dict client is not installed (Debian package dict, see .ci/install-deps)"
    exit 77
fi
index_bundled

d() { timeout 30 dict -h 127.0.0.1 -p "$PORT" "$@"; }

# --- refused before it listens (each within 10 s, should it listen after all)
run timeout 10 "$GLOSSA" serve --listen 127.0.0.1:0
expect_rc 2 "serve without a protocol"
expect_err "--dict"
run timeout 10 "$GLOSSA" serve --dict --listen nowhere
expect_rc 2 "--listen without a port"
expect_err "--listen takes HOST:PORT"
run timeout 10 "$GLOSSA" serve --dict --max-clients 0 --listen 127.0.0.1:0
expect_rc 2 "--max-clients 0"
expect_err "glossa serve: --max-clients must be a whole number from 1 to 1000, not '0'"
run timeout 10 "$GLOSSA" serve --dict --idle-timeout soon --listen 127.0.0.1:0
expect_rc 2 "--idle-timeout soon"
expect_err "glossa serve: --idle-timeout must be a whole number of seconds from 1 to 86400, not 'soon'"
run timeout 10 "$GLOSSA" serve --dict --max-per-ip 0 --listen 127.0.0.1:0
expect_rc 2 "--max-per-ip 0"
expect_err "glossa serve: --max-per-ip must be a whole number from 1 to 1000, not '0'"
run timeout 10 "$GLOSSA" serve --dict --request-timeout 0 --listen 127.0.0.1:0
expect_rc 2 "--request-timeout 0"
expect_err "glossa serve: --request-timeout must be a whole number of seconds from 1 to 3600, not '0'"
run timeout 10 "$GLOSSA" serve --http --grace soon --listen 127.0.0.1:0
expect_rc 2 "--grace soon"
expect_err "glossa serve: --grace must be a whole number of seconds from 0 to 3600, not 'soon'"
run timeout 10 "$GLOSSA" serve --dict --db "$WORK/none.db" --listen 127.0.0.1:0
expect_rc 2 "no index"
expect_err "run 'glossa index'"

start_server --dict
expect_true "it says where it listens" grep -q "^listening on 127.0.0.1:$PORT " "$WORK/serve.err"

# --- DEFINE: the issue's example, in every listed database ("all": the
# language pairs are asked when named, 0929)
run d "информационная безопасность"
expect_rc 0 "dict DEFINE *:"
expect_out "1 definition found"
expect_out "From glossa: SCO information-security terms, all languages [all]:"
expect_no_out "[ru-zh]" "DEFINE * asks no language pair"
expect_out "[information-security]  in force, NOT VERIFIED (reliability 1 of 4)"
expect_out "信息安全 (preferred, working translation)"
expect_out "reconstruction, not verified against the official text"
expect_no_out "[zh-ru]" "a Russian term is not matched as Chinese"

# a language pair: the Chinese equivalents of a Russian term
run d -d ru-zh "информационная безопасность"
expect_rc 0 "dict -d ru-zh:"
expect_out "1 definition found"
expect_out "информационная безопасность (ru) -> Chinese"
expect_out "信息安全"
expect_out "資訊安全"
expect_no_out "information security (" "ru-zh shows no English"
expect_no_out "layout:" "a term as it is: no word on how it was read"
expect_no_out "within:" "a term as it is: no word on how it was read"
# how the word was read, as lookup says it: typed in the wrong keyboard layout,
# or a term inside a longer query (and where to read a whole text)
run d -d ru-en byajhvfwbjyyfz
expect_rc 0 "dict, typed in the wrong layout:"
expect_out "  информационная безопасность (ru) -> English
    [information-security]  in force, NOT VERIFIED (reliability 1 of 4)
    layout: typed in English (US), read in Russian as «информационная»
"
run d -d all "Государства должны обеспечивать информационную безопасность своих граждан"
expect_rc 0 "dict, a term inside a sentence:"
expect_out "1 definition found"
expect_out "    [information-security]  in force, NOT VERIFIED (reliability 1 of 4)
    within: found in the query as «информационную безопасность»; the terms of a whole text: glossa scan FILE
"
# no term: lookup's "see also", the concept whose definition uses the word
run d -d all psychological
expect_rc 0 "dict, a word of a definition:"
expect_out "1 definition found"
expect_out "  информационная война (ru)
    [information-war]  in force, NOT VERIFIED (reliability 1 of 4)
    see also: no term is «psychological»; this concept's definition or a note uses it
"
# and back, from Taiwan vocabulary
run d -d zh-ru 資訊安全
expect_rc 0 "dict -d zh-ru 資訊安全:"
expect_out "информационная безопасность (preferred)"
# inflected forms are found as lookup finds them
run d -d all "международной информационной безопасности"
expect_rc 0
expect_out "[international-information-security]"

# a typo: no definition, and the client's follow-up MATCH suggests the term
run d "infomation securty"
expect_rc 21 "dict with a typo (21: approximate matches)"
expect_err "No definitions found for \"infomation securty\", perhaps you mean:"
expect_err "all:  \"information security\""

# --- MATCH, every strategy
run d -m -s prefix информ
expect_rc 0 "dict -m -s prefix:"
expect_out "all:  \"информационная безопасность\""
expect_out "\"информационное оружие\""
expect_no_out "ru-zh:" "MATCH * asks no language pair"
run d -m -d ru-zh -s prefix информ
expect_out "ru-zh:  \"информационная безопасность\""
run d -m -d all -s exact "INFORMATION SECURITY"
expect_rc 0
expect_out "all:  \"information security\""
run d -m -d all -s substring безопасн
expect_rc 0 "dict -s substring:"
expect_out "\"международная информационная безопасность\""
run d -m -d all -s substring 息安
expect_out "信息安全"
run d -m -d all -s lev "informaton securty"
expect_rc 0 "dict -s lev:"
expect_out "\"information security\""
run d -m -d all -s stem "угрозы информационной безопасности"
expect_out "\"угроза информационной безопасности\""
run d -m -d all -s translit "xinxi anquan"
expect_out "信息安全"
run d -m -d all "informatsionnaya bezopasnost"
expect_rc 0 "dict -m with the default strategy:"
expect_out "\"информационная безопасность\""
run d -m -d all -s prefix zzzqqq
expect_rc 20 "no match (20)"

# --- SHOW
run d -D
expect_rc 0 "dict -D:"
expect_out "Databases available:
 all        glossa: SCO information-security terms, all languages"
expect_no_out " ru-zh " "the language pairs are not listed"
run d -S
expect_rc 0 "dict -S:"
for s in exact prefix substring lev stem translit smart; do expect_out " $s "; done
run d -I
expect_rc 0 "dict -I:"
expect_out "glossa $("$GLOSSA" --version | cut -d' ' -f2) DICT server (RFC 2229)"
expect_out "reconstruction, not treaty"
run d -i ru-zh
expect_rc 0 "dict -i ru-zh:"
expect_out "Russian terms with their Chinese equivalents"
expect_out "reliability 1 (NOT VERIFIED): 13"
run d -H
expect_rc 0 "dict -H:"
expect_out "MATCH database strategy word"

# --- OPTION MIME (dict -M; GoldenDict always asks for it)
run d -M -m -d all -s exact "information security"
expect_rc 0 "dict -M -m:"
expect_out "all:  \"information security\""
run d -M -D
expect_out " all        glossa: SCO information-security terms, all languages"
run d -M -d ru-zh "информационная безопасность"
expect_out "Content-type: text/plain; charset=utf-8"
expect_out "信息安全"

# --- the RFC's errors, as the client reports them
run d -d klingon "information security"
expect_rc 39 "unknown database (39)"
expect_err "klingon is not a valid database"
run d -m -s soundex информ
expect_rc 40 "unknown strategy (40)"
expect_err "soundex is not a valid search strategy"

# --- a replaced index is taken up once no connection is open: the hostile
# fixture of the web tests adds a concept, found after re-indexing
run d -d all "вредоносная запись"
expect_true "not in the bundled glossary (rc $RC)" test "$RC" -ne 0
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/tests/data/web/hostile.xml" || fail "re-index"
sleep 1.2   # the idle server looks at the file at least once a second
run d -d all "вредоносная запись"
expect_rc 0 "after re-indexing, the new concept is found"
expect_out "<script>alert(1)</script> вредоносная запись"
# a new file that cannot be used (not a glossa index) is said once in the
# log, and the previous index goes on answering
printf 'not an index\n' >"$WORK/broken.db"
mv "$WORK/broken.db" "$GLOSSA_DB"
sleep 1.2
run d -d all "вредоносная запись"
expect_rc 0 "a broken replacement: the previous index still answers"
expect_true "the log says so, once" test "$(grep -c 'was replaced, but the new file cannot be used' "$WORK/serve.err")" = 1
expect_true "and why" grep -q "^glossa serve: $GLOSSA_DB was replaced, but the new file cannot be used (.*); still answering from the previous index$" "$WORK/serve.err"

# --- SIGTERM: a clean stop, exit 0
stop_server
expect_rc 0 "the server stopped by SIGTERM"
finish
