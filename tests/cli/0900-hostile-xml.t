# 0900-hostile-xml.t — term-base files nobody here wrote: each hostile input
# gets its exact error (FILE:LINE[:COL]: error: MESSAGE) and exit status, from
# `glossa validate` (1) and `glossa index` (2, the database untouched), and
# what is legitimate (UTF-16 and UTF-8 with a byte-order mark) is indexed
# exactly like UTF-8.
#
# tests/data/hostile/NAME.xml has its expected `glossa validate` stderr in
# NAME.expect (empty: valid). Big inputs are made here, in $WORK: 100 MB text
# nodes, attributes and comments, 100000 nested elements, a quadratic-blowup
# entity, a DOCTYPE behind a 20 kB comment, 100000 attributes and 200000
# namespace declarations on one element (refused in milliseconds), a 1.1 MB
# term. A proposal's DOCTYPE, control and bidi characters are said once by
# `glossa check`. With strace, indexing the entity attacks opens no file but
# the input and connects nowhere.
HOSTILE="$SRC/tests/data/hostile"
DB="$WORK/hostile.db"

run glossa index --quiet --db "$DB" "$SRC/tests/data/good/mini.xml"
expect_rc 0 "index mini.xml:"
sum_before=$(sha256sum "$DB" | cut -d' ' -f1)

# same_stderr EXPECTED DESCRIPTION: stderr must be EXPECTED, line for line.
same_stderr() {
    if [ "$ERR" = "$1" ]; then ok; else
        fail "$2: stderr differs"
        diff <(printf '%s\n' "$1") <(printf '%s\n' "$ERR") | head -20
    fi
}

# refused_by_index FILE EXPECTED_VALIDATE_STDERR: index must exit 2 with the same
# problems, say the database was not changed, and leave it byte for byte.
refused_by_index() {
    local f=$1 expected=$2 problems sum
    problems=$(printf '%s\n' "$expected" | sed '$d')
    run glossa index --db "$DB" "$f"
    expect_rc 2 "index $f:"
    same_stderr "$problems"$'\n'"$(tail -n 1 <<<"$expected"); '$DB' was not changed" "index $f"
    sum=$(sha256sum "$DB" | cut -d' ' -f1)
    if [ "$sum" = "$sum_before" ]; then ok; else fail "index $f: the database changed"; fi
    [ -z "$OUT" ] && ok || fail "index $f: stdout should be empty"
}

# --- the fixtures, each with its exact messages
cd "$HOSTILE" || exit 1
n_fixtures=0
for f in *.xml; do
    name=${f%.xml}
    n_fixtures=$((n_fixtures + 1))
    if [ ! -f "$name.expect" ]; then fail "$f has no $name.expect"; continue; fi
    expected=$(cat "$name.expect")
    run timeout 60 "$GLOSSA" validate --quiet "$f"
    if [ -z "$expected" ]; then
        expect_rc 0 "validate $f:"
        same_stderr "" "validate $f"
    else
        expect_rc 1 "validate $f:"
        same_stderr "$expected" "validate $f"
        refused_by_index "$f" "$expected"
    fi
done
expect_true "the hostile fixtures are there ($n_fixtures)" test "$n_fixtures" -ge 33
cd "$WORK" || exit 1

# fixtures of tests/data/bad/ that the issue names, exactly
cd "$SRC/tests/data/bad" || exit 1
run glossa validate wrong-namespace.xml
expect_rc 1 "validate wrong-namespace.xml:"
same_stderr "wrong-namespace.xml:2: error: root element is <TEI> in namespace 'http://example.org/not-tei', expected <TEI> in namespace http://www.tei-c.org/ns/1.0
glossa: 1 problem found" "validate wrong-namespace.xml"
run glossa validate duplicate-id.xml
expect_rc 1 "validate duplicate-id.xml:"
same_stderr "duplicate-id.xml:41:89: error: duplicate xml:id 'information-security' in this file
glossa: 1 problem found" "validate duplicate-id.xml"
cd "$WORK" || exit 1

# duplicate ids across files name the first definition
cp "$SRC/tests/data/good/mini.xml" one.xml
cp "$SRC/tests/data/good/mini.xml" two.xml
run glossa validate one.xml two.xml
expect_rc 1 "validate two copies:"
same_stderr "two.xml:20: error: duplicate concept xml:id 'information-security' (first defined at one.xml:20)
two.xml:41: error: duplicate concept xml:id 'information-weapon' (first defined at one.xml:41)
glossa: 2 problems found" "validate two copies"

# --- UTF-16 (with a BOM, or a declaration) and UTF-8 with a BOM read as UTF-8 does
run glossa lookup --db "$DB" --format json 信息安全
reference=$OUT
expect_json '.results[0].id' information-security "lookup in the UTF-8 index:"
for f in utf16le-bom.xml utf16be-bom.xml utf16le-no-bom.xml utf8-bom.xml; do
    run glossa index --quiet --db "$WORK/enc.db" "$HOSTILE/$f"
    expect_rc 0 "index $f:"
    run glossa lookup --db "$WORK/enc.db" --format json 信息安全
    expect_rc 0 "lookup 信息安全 after index $f:"
    if [ "$OUT" = "$reference" ]; then ok; else fail "$f: lookup differs from the UTF-8 index"; fi
    run glossa lookup --db "$WORK/enc.db" "информационное оружие"
    expect_out "information-weapon" "lookup информационное оружие after index $f:"
done

# --- generated hostile inputs
mini=$(cat "$SRC/tests/data/good/mini.xml")
gen_x() { head -c "$1" /dev/zero | tr '\0' x; }   # N bytes of 'x'

# 100 MB of text in a definition, in the header, as an attribute, in a comment
{ printf '%s' "${mini%%состояние защищённости*}"; gen_x 104857600
  printf '%s' "${mini#*состояние защищённости}"; } > huge-def.xml
{ printf '%s' "${mini%%glossa test fixture: two concepts*}"; gen_x 104857600
  printf '%s' "${mini#*glossa test fixture: two concepts}"; } > huge-title.xml
{ printf '%s' "${mini%%n=\"1\"*}"; printf 'n="'; gen_x 104857600; printf '"'
  printf '%s' "${mini#*n=\"1\"}"; } > huge-attribute.xml
{ printf '%s' "${mini%%<body>*}"; printf '<body><!--'; gen_x 104857600; printf -- '-->'
  printf '%s' "${mini#*<body>}"; } > huge-comment.xml
expect_true "100 MB files were made" test "$(stat -c %s huge-def.xml)" -gt 104857600

# 100000 nested elements, in the body and inside a definition
nested() { printf "<$1>%.0s" $(seq 100000); printf "</$1>%.0s" $(seq 100000); }
{ printf '%s<body>' "${mini%%<body>*}"; nested div; printf '%s' "${mini#*<body>}"; } > deep-body.xml
{ printf '%s' "${mini%%состояние защищённости*}"; nested hi
  printf '%s' "${mini#*состояние защищённости}"; } > deep-definition.xml

# quadratic blowup (one 50 kB entity used 1000 times) and entity attacks
# behind a DOCTYPE that a 20 kB comment pushes far into the file
decl='<?xml version="1.0" encoding="UTF-8"?>'
body=${mini#"$decl"}
{ printf '%s\n<!DOCTYPE TEI [<!ENTITY a "' "$decl"; gen_x 50000; printf '">]>'
  printf '%s' "${body/information security/$(printf '&a;%.0s' $(seq 1000))}"; } > quadratic-blowup.xml
pad="<!--$(gen_x 20000)-->"
for f in billion-laughs xxe-local-file xxe-parameter-entity; do
    src=$(cat "$HOSTILE/$f.xml")
    printf '%s\n%s\n%s' "$decl" "$pad" "${src#"$decl"}" > "late-$f.xml"
done

# check_generated FILE EXPECTED-FIRST-LINE: validate exits 1 with exactly
# that problem, in bounded memory (RSS under 300 MB where GNU time is here)
check_generated() {
    local f=$1 line=$2 rss
    if [ -x /usr/bin/time ]; then
        run /usr/bin/time -f 'rss %M' -o "$WORK/time.txt" timeout 60 "$GLOSSA" validate --quiet "$f"
        rss=$(sed -n 's/^rss //p' "$WORK/time.txt")
        if [ -n "$rss" ] && [ "$rss" -lt 307200 ]; then ok; else fail "validate $f: RSS ${rss:-?} kB"; fi
    else
        run timeout 60 "$GLOSSA" validate --quiet "$f"
    fi
    expect_rc 1 "validate $f:"
    same_stderr "$line
glossa: 1 problem found" "validate $f"
}
check_generated huge-def.xml \
    "huge-def.xml:36:10000366: error: text longer than 10000000 bytes (libxml2's limit): refused"
check_generated huge-title.xml \
    "huge-title.xml:6:10000247: error: text longer than 10000000 bytes (libxml2's limit): refused"
check_generated huge-attribute.xml \
    "huge-attribute.xml:20:7: error: name, value or comment longer than 10000000 bytes (libxml2's limit): refused"
check_generated huge-comment.xml \
    "huge-comment.xml:19:11: error: name, value or comment longer than 10000000 bytes (libxml2's limit): refused"
check_generated deep-definition.xml \
    "deep-definition.xml:36:1085: error: elements nested deeper than 256 levels"
check_generated quadratic-blowup.xml \
    "quadratic-blowup.xml:2: error: DOCTYPE not allowed: a term base may not declare a DTD or entities"
for f in billion-laughs xxe-local-file xxe-parameter-entity; do
    check_generated "late-$f.xml" \
        "late-$f.xml:4: error: DOCTYPE not allowed: a term base may not declare a DTD or entities"
done
# nesting in the body: the schema has its say first, then the depth bound stops the read
run timeout 60 "$GLOSSA" validate --quiet deep-body.xml
expect_rc 1 "validate deep-body.xml:"
same_stderr "deep-body.xml:19: error: <div> is not allowed here
deep-body.xml:19: error: elements nested deeper than 32 levels
glossa: 2 problems found" "validate deep-body.xml"
run timeout 60 "$GLOSSA" index --db "$DB" huge-def.xml
expect_rc 2 "index huge-def.xml:"
expect_err "'$DB' was not changed" "index huge-def.xml:"
rm -f huge-*.xml

# --- issue 21: one element with 100000 attributes or 200000 namespace
# declarations (libxml2 spends quadratic time on them: 49 s) is refused in
# milliseconds, at the element's line; a term of 1.1 MB has a size error
{ printf '%s' "${mini%%<entry xml:id=\"information-weapon\"*}"; printf '<entry'
  seq 100000 | sed 's/.*/ a&="x"/' | tr -d '\n'
  printf ' %s' "${mini#*<entry }"; } > many-attributes.xml
{ printf '%s' "${mini%%<entry xml:id=\"information-weapon\"*}"; printf '<entry'
  seq 200000 | sed 's/.*/ xmlns:p&="urn:p&"/' | tr -d '\n'
  printf ' %s' "${mini#*<entry }"; } > many-namespaces.xml
for f in many-attributes many-namespaces; do
    start=$(date +%s%N)
    check_generated "$f.xml" "$f.xml:41: error: <entry> has more than 256 $([ $f = many-attributes ] && echo attributes || echo namespace declarations) (glossa's limit): refused"
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    if [ "$ms" -lt 2000 ]; then ok; else fail "$f.xml took $ms ms"; fi
done
{ printf '%s' "${mini%%информационная безопасность*}"; gen_x 1100000
  printf '%s' "${mini#*информационная безопасность}"; } > huge-term.xml
check_generated huge-term.xml "huge-term.xml:24: error: term is longer than 4096 bytes (glossa's limit): refused"
rm -f huge-term.xml many-*.xml

# a file that is not XML at all
cp "$SRC/README.md" README.md
run glossa index --db "$DB" README.md
expect_rc 2 "index README.md:"
same_stderr "README.md: error: not XML (a TEI term base starts with '<')
glossa: 1 problem found; '$DB' was not changed" "index README.md"

# proposals: the same reader; a problem is said once
PROP="$SRC/glossary/proposals/kz-2026-1.xml"
{ head -n 1 "$PROP"; echo '<!DOCTYPE TEI [<!ENTITY e "x">]>'; tail -n +2 "$PROP"; } > prop-doctype.xml
run glossa check --db "$DB" prop-doctype.xml
expect_rc 1 "check a proposal with a DOCTYPE (content, not a failure to run):"
same_stderr "prop-doctype.xml:2: error: DOCTYPE not allowed: a term base may not declare a DTD or entities
glossa check: 0 changes, 1 error, 0 warnings; 1 file not read further (not a valid proposal)" \
    "check prop-doctype.xml"
sed 's/<orth>инцидент информационной безопасности</<orth>инцидент\xc2\x9bинформационной безопасности</' "$PROP" > prop-control.xml
sed 's/<orth>information security incident</<orth>information \xe2\x80\xaeincident</' "$PROP" > prop-bidi.xml
run glossa check --db "$DB" prop-control.xml
expect_rc 1 "check a proposal with a control character (content, not a failure to run):"
same_stderr "prop-control.xml:33: error: term contains U+009B (a control character)
glossa check: 0 changes, 1 error, 0 warnings; 1 file not read further (not a valid proposal)" "check prop-control.xml"
run glossa check --db "$DB" prop-bidi.xml
expect_rc 1 "check a proposal with a bidi override (content, not a failure to run):"
same_stderr "prop-bidi.xml:41: error: term contains U+202E (a bidirectional control character)
glossa check: 0 changes, 1 error, 0 warnings; 1 file not read further (not a valid proposal)" "check prop-bidi.xml"

# --- nothing is opened or fetched (strace): the entity attacks open only their input
if command -v strace >/dev/null && strace -qq -o /dev/null true 2>/dev/null; then
    for f in "$HOSTILE/xxe-local-file.xml" "$HOSTILE/xxe-parameter-entity.xml" \
             "$HOSTILE/external-dtd.xml" "$HOSTILE/external-dtd-public.xml" \
             "$HOSTILE/billion-laughs.xml" late-xxe-local-file.xml late-xxe-parameter-entity.xml; do
        # LeakSanitizer cannot run under ptrace: no leak check for this one run
        ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" \
        strace -f -qq -e trace=open,openat,connect,socket -o "$WORK/strace.log" \
            "$GLOSSA" index --db "$DB" "$f" 2>/dev/null
        RC=$?
        expect_rc 2 "index $f under strace:"
        # the control: strace did see the input being opened
        if grep -qF -- "$(basename "$f")" "$WORK/strace.log"; then ok; else
            fail "strace did not record the opening of $f"; fi
        if grep -E '/etc/hostname|/etc/passwd|evil\.dtd|tei\.dtd' "$WORK/strace.log"; then
            fail "index $f opened a file named by the document"; else ok; fi
        if grep -E '(connect|socket)\(' "$WORK/strace.log"; then
            fail "index $f used the network"; else ok; fi
    done
else
    echo "note: strace is not available (or not permitted); the file and network checks are skipped"
fi

finish
