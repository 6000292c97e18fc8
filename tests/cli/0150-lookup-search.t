# 0150-lookup-search.t — what translators type: inflected forms, Traditional
# Chinese and Taiwan vocabulary, pinyin, transliteration, other scripts,
# Arabic-script and Devanagari variants, typos, prefixes, forced modes and
# full text over definitions, on the bundled glossary.
index_bundled

first() { # first QUERY [ARGS...]: id and how of the first result
    local q=$1; shift
    run glossa lookup --format json "$@" -- "$q"
    FIRST=$(jq -r '.results[0] | .id + " " + .match.how' <<<"$OUT" 2>/dev/null)
}
expect_first() { # expect_first QUERY ID HOW [ARGS...]
    local q=$1 id=$2 how=$3; shift 3
    first "$q" "$@"
    if [ "$FIRST" = "$id $how" ]; then ok; else fail "'$q' first is '$FIRST', expected '$id $how'"; fi
}

# the issue's own examples
expect_first "информационной безопасности" information-security stem
first 資訊安全; expect_true "資訊安全 finds information-security ($FIRST)" test "${FIRST%% *}" = information-security
expect_first 資訊基礎設施 information-infrastructure normalized
expect_first "xinxi anquan" information-security translit
expect_first "infomation securty" information-security fuzzy
run glossa lookup "infomation securty"
expect_rc 0
expect_out "did you mean information security?"

# inflection (Snowball) in Russian and English, multi-word
expect_first "международной информационной безопасности" international-information-security stem
expect_first "угрозы информационной безопасности" threat-to-information-security stem
expect_first "критически важных структур" critically-important-structures stem
expect_first "information weapons" information-weapon stem
expect_first "threats to information security" threat-to-information-security stem

# Chinese: Traditional characters and Taiwan vocabulary fold to Simplified
expect_first 國際信息安全 international-information-security exact
first 資訊戰; expect_true "資訊戰 finds information-war ($FIRST)" test "${FIRST%% *}" = information-war
run glossa lookup --mode normalized --format json 資訊空間
expect_json '.results[0].id + " " + .results[0].match.how' "information-space normalized"
run glossa lookup --format json 信息
expect_rc 0
expect_json '[.results[].id] | index("information-security") != null' true "a part of a Chinese term"

# pinyin and Russian transliteration in several romanisations
expect_first xinxizhan information-war translit
expect_first "guoji xinxi anquan" international-information-security translit
expect_first "informatsionnaya bezopasnost" information-security translit
expect_first "informacionnaja vojna" information-war translit
expect_first "informatsionnoe oruzhie" information-weapon translit

# Uzbek in both scripts, and its apostrophes
uzl=$(grep -A1 'xml:lang="uz-Latn"' "$SRC/glossary/annex1.xml" | grep -o '<orth>[^<]*' | head -1 | sed 's/<orth>//')
uzc=$(grep -A1 'xml:lang="uz-Cyrl"' "$SRC/glossary/annex1.xml" | grep -o '<orth>[^<]*' | head -1 | sed 's/<orth>//')
expect_true "the glossary has Uzbek forms" test -n "$uzl" -a -n "$uzc"
first "$uzl"; expect_true "uz-Latn '$uzl' finds information-security ($FIRST)" test "${FIRST%% *}" = information-security
first "$uzc"; expect_true "uz-Cyrl '$uzc' finds information-security ($FIRST)" test "${FIRST%% *}" = information-security
uzl_other=$(printf '%s' "$uzl" | sed "s/ʻ/'/g")
first "$uzl_other"; expect_true "uz-Latn with ASCII apostrophe finds it ($FIRST)" test "${FIRST%% *}" = information-security

# Persian typed with Arabic yeh and kaf
fa=$(grep -A1 'xml:lang="fa"' "$SRC/glossary/annex1.xml" | grep -o '<orth>[^<]*' | head -1 | sed 's/<orth>//')
expect_true "the glossary has Persian forms" test -n "$fa"
fa_arabic=$(printf '%s' "$fa" | sed 's/ی/ي/g; s/ک/ك/g')
first "$fa_arabic"; expect_true "Persian with Arabic yeh/kaf '$fa_arabic' ($FIRST)" test "${FIRST%% *}" = information-security

# prefixes and typed FTS5 syntax
run glossa lookup --format json "secur*"
expect_json '[.results[].id] | index("information-security") != null' true "secur*"
run glossa lookup --mode prefix --format json "informat weap"
expect_json '.results[0].id + " " + .results[0].match.how' "information-weapon prefix"
run glossa lookup --format json 'NEAR(information security'
expect_rc 0
expect_json '.results[0].id' information-security

# forced modes never return a looser match
run glossa lookup --mode exact --format json "ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ"
expect_rc 1 "--mode exact with other case"
run glossa lookup --mode normalized --format json "ИНФОРМАЦИОННАЯ БЕЗОПАСНОСТЬ"
expect_json '[.results[].match.how] | unique | join(",")' normalized
run glossa lookup --mode stem --format json "информационной безопасности"
expect_json '[.results[].match.how] | unique | join(",")' stem
run glossa lookup --mode fuzzy --format json "информацонное оружие"
expect_json '.results[0].id + " " + .results[0].match.how' "information-weapon fuzzy"
run glossa lookup --mode fts --format json 'NEAR(informat* weapon, 2)'
expect_json '.results[0].id + " " + .results[0].match.how' "information-weapon fts"
run glossa lookup --mode fts 'NEAR('
expect_rc 2 "--mode fts with bad syntax"
expect_err "not a valid FTS5 query"
run glossa lookup --mode sideways x
expect_rc 2

# the matches after the best one get one line each, unless --full
run glossa lookup "информационная безопасность"
expect_out "more, a line each (--full shows them whole; glossa show ID one):"
expect_out "2. international-information-security                      NOT VERIFIED  международная «информационная» «безопасность» (ru, stem)  zh 国际信息安全 · en international information security"
run glossa lookup --full "информационная безопасность"
expect_no_out "more, a line each"
expect_out "2. international-information-security  in force"

# a phrase copied from a sentence opens with a preposition: the rest is the
# term (the prefix tier read «об» as «обеспечения», the stem tier matched the
# longer term holding «в информационном пространстве»)
expect_first "об информационной безопасности" information-security stem
expect_first "в информационном пространстве" information-space stem
expect_first "об электронной подписи" electronic-signature translit
# Taiwan wording in Simplified characters (资讯 for 資訊, mainland 信息)
expect_first 资讯战 information-war normalized
expect_first 资讯安全威胁 threat-to-information-security normalized
# two typos past a long term's 64th character (the distance compared only
# the first 64, saw none and took the query for no typo)
expect_first "Правила поведения в области обеспечения международной информационно безопасонсти" \
    international-code-of-conduct-for-information-security fuzzy
expect_first "applicability of international law to the use of information and communication tehcnologies" \
    applicability-of-international-law fuzzy

# full text of definitions
run glossa lookup --in definitions --format json "психологической обработки"
expect_json '.results[0].id + " " + .results[0].match.how' "information-war fulltext"
run glossa lookup --in definitions "психологической обработки"
expect_out "«психологической»"
expect_out "«обработки»"

# a query in a script only ICU romanises (Persian) that is a term as it is
# takes that term's stored transliteration key instead of opening ICU's
# transliterators (13 ms of a Persian lookup's 24): shown with a copy whose
# Persian term and "information weapon" were given the same made-up key
cp "$GLOSSA_DB" "$WORK/tr.db"
sqlite3 "$WORK/tr.db" "UPDATE term SET translit = 'qqqsentinel' WHERE text IN ('امنیت اطلاعات', 'information weapon')"
run glossa lookup --db "$WORK/tr.db" --format json "امنیت اطلاعات"
expect_json '[.results[] | select(.match.how == "translit") | .id] | join(" ")' "information-weapon"
# a Chinese query opens no file of OpenCC's: its tables are compiled in
# (src/lib/han_convert.c; opening them took ~2 ms, and three times before
# the connection's tokenizers and the lookup's keys shared one set)
if command -v strace >/dev/null 2>&1; then
    strace -f -e trace=openat -o "$WORK/opencc.trace" "$GLOSSA" lookup --format json 資訊安全 >/dev/null
    expect_true "no OpenCC file opened: $(grep -c 'opencc' "$WORK/opencc.trace")" \
        test "$(grep -c 'opencc' "$WORK/opencc.trace")" = 0
else
    echo "NOTE: strace is not installed; how often OpenCC's tables are opened was not checked"
fi
finish
