# 0200-index-malformed.t — `glossa index` refuses malformed term bases
# (tests/data/bad/*.xml): exit 2, each problem reported as FILE:LINE: error:
# at the right line, "was not changed", and the previous database still
# answers, byte for byte unchanged. DOCTYPE/entity attacks (XXE, billion
# laughs) and XInclude are refused quickly and leak nothing.
BAD="$SRC/tests/data/bad"

# --- a good database to protect
run glossa index "$SRC/tests/data/good/mini.xml"
expect_rc 0 "index mini.xml:"
expect_out "indexed 2 concepts" "index mini.xml:"
run glossa lookup "information weapon"
expect_rc 0 "lookup before the bad runs:"
sum_before=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)

# has_location FILE LINE: a stderr line starts with FILE:LINE: error: (or FILE:LINE:COL: error:).
has_location() {
    local l
    while IFS= read -r l; do
        [[ $l =~ ^"$1":"$2":([0-9]+:)?\ error:\  ]] && return 0
    done <<<"$ERR"
    return 1
}

# check_refused FILE LINE TEXT: index FILE must fail without touching the database,
# reporting FILE:LINE: error: (optionally FILE:LINE:COL:) and TEXT on stderr.
check_refused() {
    local f="$BAD/$1" line=$2 text=$3 sum
    run glossa index "$f"
    expect_rc 2 "index $1:"
    if has_location "$f" "$line"; then ok; else fail "index $1: stderr should report $f:$line: error:"; fi
    expect_err "$text" "index $1:"
    expect_err "'$GLOSSA_DB' was not changed" "index $1:"
    if [ -z "$OUT" ]; then ok; else fail "index $1: stdout should be empty"; fi
    sum=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)
    if [ "$sum" = "$sum_before" ]; then ok; else fail "index $1: the database file changed"; fi
    run glossa lookup "information weapon"
    expect_rc 0 "lookup after index $1:"
    expect_out "information-weapon" "lookup after index $1:"
    leftovers=$(ls -A "$WORK" | grep -E '\.tmp-|\.lock$')
    if [ -z "$leftovers" ]; then ok; else fail "index $1: left behind: $leftovers"; fi
}

# Lines checked against the fixtures:
check_refused unclosed-tag.xml    26 "(opened on line 24)"     # <orth> opened on 24, </form> on 26
check_refused missing-orth.xml    27 "orth"               # the <form> without <orth> starts on 27
check_refused unknown-lang.xml    31 "'xx'"               # <form xml:lang="xx"> on 31
check_refused bad-reliability.xml 22 "reliability"        # <usg type="reliability">7</usg> on 22
check_refused dangling-xref.xml   37 "#no-such-concept"   # <ref target="#no-such-concept"> on 37
check_refused duplicate-id.xml    41 "information-security" # second xml:id="information-security" on 41
check_refused no-russian.xml      41 "no preferred Russian term" # entry information-weapon on 41
check_refused unknown-source.xml  53 "#nowhere"           # <def source="#nowhere"> on 53
check_refused wrong-namespace.xml  2 "namespace"          # root element on 2
check_refused xxe.xml              2 "DOCTYPE not allowed"
check_refused billion-laughs.xml   2 "DOCTYPE not allowed"

# --- every bad fixture is covered above
for f in "$BAD"/*.xml; do
    case "$(basename "$f")" in
        unclosed-tag.xml|missing-orth.xml|unknown-lang.xml|bad-reliability.xml|dangling-xref.xml|\
        duplicate-id.xml|no-russian.xml|unknown-source.xml|wrong-namespace.xml|xxe.xml|billion-laughs.xml) ok ;;
        *) fail "tests/data/bad/$(basename "$f") has no check in this test" ;;
    esac
done

# --- a good file and a bad file together: still all or nothing
run glossa index "$SRC/glossary" "$BAD/unknown-lang.xml"
expect_rc 2 "glossary + a bad file:"
expect_err "$BAD/unknown-lang.xml:31:" "glossary + a bad file:"
run glossa lookup "информационная война" --format json
expect_json '[.results[].id] | index("information-war") == null' "true" \
    "glossary + a bad file: nothing from the glossary was indexed:"

# --- entity attacks: refused quickly, nothing read from the file system
for f in xxe.xml billion-laughs.xml; do
    start=$(date +%s%N)
    run timeout 30 "$GLOSSA" index "$BAD/$f"
    ms=$((($(date +%s%N) - start) / 1000000))
    expect_rc 2 "index $f:"
    if [ "$ms" -lt 5000 ]; then ok; else fail "index $f took $ms ms"; fi
    expect_err "DOCTYPE not allowed" "index $f:"
    if [ -s /etc/hostname ]; then
        host=$(head -n 1 /etc/hostname)
        if grep -qwF -- "$host" <<<"$OUT$ERR"; then fail "index $f: output contains /etc/hostname ($host)"; else ok; fi
    fi
    run timeout 30 "$GLOSSA" validate "$BAD/$f"
    expect_rc 1 "validate $f:"
    expect_err "DOCTYPE not allowed" "validate $f:"
done

# our own secret, through an external entity and through XInclude
secret="glossa-secret-$$-$RANDOM"
echo "$secret" > "$WORK/secret.txt"
cat > "$WORK/xxe-local.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY x SYSTEM "file://$WORK/secret.txt">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>
XML
sed "s|<title>glossa test fixture: two concepts</title>|<title><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"$WORK/secret.txt\" parse=\"text\"/></title>|" \
    "$SRC/tests/data/good/mini.xml" > "$WORK/xinclude.xml"
expect_true "the XInclude fixture was made" grep -q "xi:include" "$WORK/xinclude.xml"
for f in xxe-local.xml xinclude.xml; do
    run glossa index "$WORK/$f"
    expect_rc 2 "index $f:"
    if grep -qF -- "$secret" <<<"$OUT$ERR"; then fail "index $f: the secret file was read"; else ok; fi
    run glossa lookup "$secret"
    expect_rc 1 "lookup of the secret after index $f:"
    sum=$(sha256sum "$GLOSSA_DB" | cut -d' ' -f1)
    if [ "$sum" = "$sum_before" ]; then ok; else fail "index $f: the database file changed"; fi
done

finish
