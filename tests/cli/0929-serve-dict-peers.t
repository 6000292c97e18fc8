# 0929-serve-dict-peers.t — the DICT server as dictd and GoldenDict users
# expect it (issue 19), through the real `dict` client and the raw protocol:
# `*` and `!` ask "all" only, so a concept comes once, and the language pairs
# are not listed by SHOW DB (dictd's "invisible" databases) but answer when
# named; a definition is one line for the client to wrap, and no line passes
# the RFC's 1024 characters; a right-to-left term is isolated (FSI…PDI) in
# its left-to-right line, and a line that would begin with one starts with
# LRM, while MATCH words stay as they are; SHOW SERVER names no path, but the
# term base, when it was indexed and its counts; every count is singular or
# plural as it should be.
if ! command -v dict >/dev/null 2>&1; then
    echo "SKIP: the dict client is not installed (Debian package dict, see .ci/install-deps)"
    exit 77
fi
indexed=$("$GLOSSA" index "$SRC/glossary") || { echo "FAIL: cannot index the bundled glossary"; exit 1; }
# "54 concepts, 320 terms, 121 definitions, 134 national legal definitions",
# as glossa index says it
counts=$(sed -n 's/^indexed \(.*\) from [0-9]* files* into .*/\1/p' <<<"$indexed")

d() { timeout 30 dict -h 127.0.0.1 -p "$PORT" "$@"; }
# raw COMMAND...: the server's lines (CR removed) for the commands, sent on
# one connection after the greeting, then QUIT
raw() {
    local c
    { for c in "$@"; do printf '%s\r\n' "$c"; done; printf 'QUIT\r\n'; } |
        timeout 20 bash -c "exec 4<&0 3<>/dev/tcp/127.0.0.1/$PORT; cat <&4 >&3 & cat <&3" | tr -d '\r' | sed 1d
}
LRM=$(printf '\342\200\216') FSI=$(printf '\342\201\250') PDI=$(printf '\342\201\251')

start_server --dict
# the first command of the first connection: singular counts
run raw "STATUS"
expect_true "STATUS, singular: $(head -1 <<<"$OUT")" \
    grep -Eq '^210 status \[glossa [^]]*\] up [0-9]+s, 1 connection, 1 command$' <<<"$OUT"
pairs=$(($(sed -n 's/^listening on .*(DICT, \([0-9]*\) databases)$/\1/p' "$WORK/serve.err") - 1))

# --- 1. "*" asks "all": each concept once (it was once per language pair)
run d psychological
expect_rc 0 "dict DEFINE * psychological:"
expect_out "1 definition found

From glossa: SCO information-security terms, all languages [all]:"
expect_no_out "[ru-en]" "no language pair in *"
run d byajhvfwbjyyfz
expect_rc 0 "dict DEFINE *, typed in the wrong layout:"
star=$(head -1 <<<"$OUT")
run d -d all byajhvfwbjyyfz
expect_out "$star" "DEFINE * finds what DEFINE all finds ($star)"
# "!" stops at the first database that has it: "all"
run d -d '!' "информационная безопасность"
expect_rc 0
expect_out "1 definition found

From glossa: SCO information-security terms, all languages [all]:"
# MATCH * as well
run d -m -s exact "information security"
expect_rc 0 "dict -m (MATCH *):"
expect_out "all:  \"information security\""
expect_no_out "ru-en:" "MATCH * asks no language pair"
# SHOW DB lists "all" alone; a pair named is answered, SHOW INFO all names them
run d -D
expect_rc 0 "dict -D:"
expect_out "Databases available:
 all        glossa: SCO information-security terms, all languages"
expect_no_out "ru-zh" "SHOW DB lists no language pair"
run d -d ru-zh "информационная безопасность"
expect_rc 0 "a language pair named:"
expect_out "From glossa: Russian -> Chinese [ru-zh]:"
run d -i all
expect_rc 0 "dict -i all:"
expect_out "ru-zh ru-en"
run d -i fa-ru
expect_rc 0 "SHOW INFO of a pair:"
expect_out "fa-ru: Persian terms with their Russian equivalents"

# --- 2. no pre-wrapping: a paragraph is one line, the client wraps it
run d -d all cyberspace
expect_rc 0
expect_out "    def en: the environment formed by information and communications technologies, above all by global computer networks, and by the activity carried out in it
        [source: "
run d -d all psychological
expect_out "    see also: no term is «psychological»; this concept's definition or a note uses it
"
# no line of any answer passes the RFC's 1024 characters (the client indents by 2)
for q in cyberspace "информационная безопасность" "информационное пространство"; do
    run d -d all "$q"
    expect_true "lines within 1024 characters: $q" \
        awk 'length($0) > 1024 + 2 { exit 1 }' <<<"$OUT"
done
run raw "SHOW INFO all"
expect_out "The annex 1 wording in this term base is a reconstruction, not treaty text: the official texts were not at hand. Every annex concept"

# --- 3. right to left: isolated, and a line that would begin RTL begins LTR
run d -d fa-ru "امنیت اطلاعات"
expect_rc 0 "dict -d fa-ru:"
expect_out "
  ${LRM}${FSI}امنیت اطلاعات${PDI} (fa) -> Russian
    [information-security]  in force"
run d -d ru-fa "информационная безопасность"
expect_out "    fa  ${FSI}امنیت اطلاعات${PDI} (preferred, working translation)"
run d -d all "امنیت اطلاعات"
expect_out "    ru          информационная безопасность (preferred)" "LTR text as it is"
# MATCH words are words the client looks up again: no marks in them
run d -m -d fa-ru -s exact "امنیت اطلاعات"
expect_rc 0
expect_out "fa-ru:  \"امنیت اطلاعات\""
expect_no_out "$FSI" "no isolate in a MATCH word"

# --- 4. SHOW SERVER: no path on disk; the term base, its date and counts
run d -I
expect_rc 0 "dict -I:"
expect_no_out "$WORK" "no path"
expect_no_out "index:" "no path"
expect_out "glossa $("$GLOSSA" --version | cut -d' ' -f2) DICT server (RFC 2229)"
expect_true "the term base and when it was indexed" \
    grep -Eq '^  term base: SCO information-security terms, indexed [0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$' <<<"$OUT"
expect_out "  $counts; 1 database, \"all\" (SHOW DB), and $pairs language pairs"

# --- 5. singular and plural
run raw "DEFINE all psychological"
expect_out "150 1 definition retrieved"
run raw "MATCH all exact \"information security\""
expect_out "152 1 match found"
run raw "MATCH all prefix информ"
expect_true "matches, plural" grep -Eq '^152 [0-9]+ matches found$' <<<"$OUT"
run raw "SHOW DB"
expect_out "110 1 database present"
run raw "STATUS"
expect_true "STATUS, plural: $(head -1 <<<"$OUT")" \
    grep -Eq '^210 status \[glossa [^]]*\] up [0-9]+s, [0-9]+ connections, [0-9]+ commands$' <<<"$OUT"

stop_server
expect_rc 0 "the server stopped by SIGTERM"
finish
