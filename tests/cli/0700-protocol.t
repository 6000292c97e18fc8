# 0700-protocol.t — glossa diff and glossa protocol on a copy of the annex
# with two concepts added and one definition amended (tests/data/protocol):
# diff exit codes and JSON, golden protocols in ru, zh and en (entries and
# whole-annex styles, comparative table in HTML), deterministic DOCX, TEI
# that is well-formed, renames, --git revisions, and bad input.
# GLOSSA_UPDATE_GOLDEN=1 rewrites the golden files (then read the diff!).
D="$SRC/tests/data/protocol"
OLD="$D/old.xml" NEW="$D/new.xml"

# ---- diff
run glossa diff "$OLD" "$OLD"
expect_rc 0 "diff of a version against itself"
expect_out "no change"
run glossa diff --format json "$OLD" "$NEW"
expect_rc 1 "diff of two different versions"
expect_json '.changes | length' 3
expect_json '[.changes[] | .change + ":" + .id] | join(" ")' \
    "modified:information-weapon added:computer-attack added:resilience-of-information-infrastructure"
expect_json '[.changes[0].fields[] | .field + " " + .lang] | join(",")' "definition ru,definition en,definition zh"
expect_json '[.changes[0].fields[] | select(.lang == "zh") | .redline[] | select(.op == "+") | .text] | join("|")' \
    "或实施计算机攻击|通信"
run glossa diff "$OLD" "$NEW"
expect_out "{+и коммуникационные +}"
expect_out "3 concepts changed: 2 added, 0 removed, 1 modified, 0 renamed"

# a rename: same content, new id
sed 's/xml:id="information-crime"/xml:id="crime-in-the-information-space"/' "$OLD" > renamed.xml
run glossa diff --format json "$OLD" renamed.xml
expect_rc 1
expect_json '.changes[0].change + " " + .changes[0].old_id + " " + .changes[0].id' \
    "renamed information-crime crime-in-the-information-space"

# bad input: exit 2 with file and line
run glossa diff "$OLD" "$SRC/tests/data/bad/unclosed-tag.xml"
expect_rc 2
expect_err "unclosed-tag.xml:26:"

# ---- golden protocols
golden() { # golden NAME ARGS...: output of glossa protocol ARGS equals expected/NAME
    local name=$1; shift
    run glossa protocol "$@" "$OLD" "$NEW"
    if [ "$RC" -ne 0 ]; then fail "protocol $*: exit $RC"; return; fi
    if [ "${GLOSSA_UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$D/expected"; printf '%s\n' "$OUT" > "$D/expected/$name"; ok; return
    fi
    if diff -u "$D/expected/$name" <(printf '%s\n' "$OUT") > golden.diff; then ok
    else fail "protocol $* differs from expected/$name: $(head -40 golden.diff)"; fi
}
golden ru.md --lang ru
golden zh.md --lang zh
golden en.md --lang en
golden ru-whole.md --lang ru --style whole
golden ru-table.html --lang ru --format html --table
golden zh-table-only.md --lang zh --table-only
golden en.tei.xml --lang en --format tei --table

# exactly three lettered amendments, in the annex's (collation) order, in the right phrasing
run glossa protocol --lang ru "$OLD" "$NEW"
expect_true "ru: three amendments" test "$(grep -cE '^[абв]\) ' <<<"$OUT")" -eq 3
expect_true "ru: order and phrasing" test "$(grep -E '^[абв]\) ' <<<"$OUT" | tr '\n' '|')" = \
    "а) понятие «информационное оружие» изложить в следующей редакции:|б) дополнить понятием следующего содержания:|в) дополнить понятием следующего содержания:|"
expect_out "о внесении изменений и дополнений в Соглашение"
expect_out "в одном подлинном экземпляре на русском и китайском языках"
run glossa protocol --lang zh "$OLD" "$NEW"
expect_true "zh: three amendments" test "$(grep -cE '^（[一二三]）' <<<"$OUT")" -eq 3
expect_out "（一）增加以下概念："
expect_out "（三）“信息武器”概念应表述为："
expect_out "分别用中文和俄文书就，两种文本同等作准"
run glossa protocol --lang en "$OLD" "$NEW"
expect_true "en: three amendments" test "$(grep -cE '^\([abc]\) ' <<<"$OUT")" -eq 3
expect_out "(a) the following term shall be added:"

# the comparative table marks the changed words
run glossa protocol --lang ru --format html --table-only "$OLD" "$NEW"
expect_out "<ins>и коммуникационные </ins>"
expect_out "<ins> или совершения компьютерных атак</ins>"
expect_out '<html lang="ru">'
expect_no_out "<script"

# DOCX: a zip package, the same bytes twice
run glossa protocol --format docx -o p1.docx "$OLD" "$NEW"
expect_rc 0
run glossa protocol --format docx -o p2.docx "$OLD" "$NEW"
expect_true "DOCX is deterministic" cmp -s p1.docx p2.docx
expect_true "DOCX is a zip with word/document.xml" sh -c 'head -c 2 p1.docx | grep -q PK'
if command -v unzip >/dev/null; then
    expect_true "DOCX has its parts" sh -c 'unzip -l p1.docx | grep -q word/document.xml'
fi
run glossa protocol --format docx "$OLD" "$NEW"
# (standard output is not a terminal here, so DOCX may go there)
expect_rc 0

# TEI output is well-formed XML
run glossa protocol --format tei --table -o p.tei.xml "$OLD" "$NEW"
if command -v xmllint >/dev/null; then expect_true "TEI is well-formed" xmllint --noout p.tei.xml; fi

# bad options
run glossa protocol --lang kk "$OLD" "$NEW"
expect_rc 2
run glossa protocol --format pdf "$OLD" "$NEW"
expect_rc 2
run glossa protocol --style sideways "$OLD" "$NEW"
expect_rc 2
run glossa protocol "$OLD"
expect_rc 2

# ---- --git: two revisions of glossary/ in a repository
if command -v git >/dev/null; then
    mkdir repo && cd repo && git init -q && mkdir glossary
    cp "$OLD" glossary/annex1.xml
    git add . && git -c user.name=t -c user.email=t@t commit -qm old
    cp "$NEW" glossary/annex1.xml
    git -c user.name=t -c user.email=t@t commit -qam new
    run glossa diff --git --format json HEAD~1 HEAD
    expect_rc 1 "diff --git"
    expect_json '.changes | length' 3
    run glossa protocol --git HEAD~1 HEAD
    expect_rc 0
    expect_out "а) понятие «информационное оружие»"
    run glossa diff --git no-such-rev HEAD
    expect_rc 2
    expect_err "no-such-rev"
    cd ..
fi
# --template is read by the library's one file reader: a folder or a missing
# file is an error naming it (a folder was read as an empty template, exit 0)
A="$SRC/glossary/annex1.xml"
mkdir "$WORK/tpl-folder"
run glossa protocol --template "$WORK/tpl-folder" "$A" "$A"
expect_rc 2 "--template a folder"
expect_err "glossa: $WORK/tpl-folder: error: is a directory, not a file"
run glossa protocol --template "$WORK/none.tmpl" "$A" "$A"
expect_rc 2 "--template missing"
expect_err "glossa: $WORK/none.tmpl: error: cannot open: No such file or directory"
finish
