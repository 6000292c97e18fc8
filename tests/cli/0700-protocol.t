# 0700-protocol.t — glossa diff and glossa protocol on a copy of the annex
# with two concepts added and one definition amended (tests/data/protocol):
# diff exit codes and JSON, golden protocols in ru, zh and en (entries and
# whole-annex styles, comparative table in HTML), deterministic DOCX, TEI
# that is well-formed, renames, --git revisions, and bad input.
# A round (round.xml: an amendment, an addition after item 4 with a
# rationale, a deletion, an amendment of the Russian and Chinese text only, an
# English-only change, a change of status only, an addition at the end) pins that ru, zh and en amend the same concepts in the
# same order (the annex's n); single.xml (one change) and additions.xml
# (additions only) pin the title and lead-in chosen by what the protocol does.
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
NEW="$D/round.xml" golden round-ru.md --lang ru
NEW="$D/round.xml" golden round-zh.md --lang zh
NEW="$D/round.xml" golden round-en-table.md --lang en --table
NEW="$D/round.xml" golden round-zh-whole.md --lang zh --style whole

# exactly three lettered amendments, in the annex's order (n), in the right phrasing
run glossa protocol --lang ru "$OLD" "$NEW"
expect_true "ru: three amendments" test "$(grep -cE '^[абв]\) ' <<<"$OUT")" -eq 3
expect_true "ru: order and phrasing" test "$(grep -E '^[абв]\) ' <<<"$OUT" | tr '\n' '|')" = \
    "а) понятие «информационное оружие» изложить в следующей редакции:|б) дополнить в конце перечня понятием следующего содержания:|в) дополнить в конце перечня понятием следующего содержания:|"
expect_out "о внесении изменений и дополнений в Соглашение"
expect_out "в одном подлинном экземпляре на русском и китайском языках"
run glossa protocol --lang zh "$OLD" "$NEW"
expect_true "zh: three amendments" test "$(grep -cE '^（[一二三]）' <<<"$OUT")" -eq 3
expect_out "（二）在清单末尾增加以下概念："
expect_out "（一）“信息武器”概念应表述为："
expect_out "分别用中文和俄文书就，两种文本同等作准"
run glossa protocol --lang en "$OLD" "$NEW"
expect_true "en: three amendments" test "$(grep -cE '^\([abc]\) ' <<<"$OUT")" -eq 3
expect_out "(b) the following term shall be added at the end of the list:"

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
# ---- one order for every language (issue 16, finding 1): the points of
# article 1 amend the same concepts in the same order in ru, zh and en (the
# annex's n; an addition after the item it follows), whatever each language's
# collation; an English-only change is no point in any language
points() { # the points of article 1 as "label kind concept-term", one a line
    sed -n '/^## \(Статья 1\|第一条\|Article 1\)$/,/^## \(Статья 2\|第二条\|Article 2\)$/p' <<<"$OUT" |
        grep -E '^((а|б|в|г|д|е)\)|（[一二三四五六七八九十]+）|\([a-z]\)) '
}
R="$D/round.xml"
run glossa protocol --lang ru "$OLD" "$R"
expect_true "ru: the round's points in annex order" test "$(points)" = "а) понятие «информационное оружие» изложить в следующей редакции:
б) дополнить после понятия «информационное оружие» понятием следующего содержания:
в) понятие «информационный терроризм» исключить;
г) понятие «критически важные структуры» изложить в следующей редакции:
д) дополнить в конце перечня понятием следующего содержания:"
run glossa protocol --lang zh "$OLD" "$R"
expect_true "zh: the same points in the same order" test "$(grep -E '^（' <<<"$OUT" | sed -n '/^（一）/,/^（五）/p' | grep -vE '^（[一二三四五六七八九十]+）$' | head -5)" = "（一）“信息武器”概念应表述为：
（二）在“信息武器”概念之后增加以下概念：
（三）删除“信息恐怖主义”概念；
（四）“关键设施”概念应表述为：
（五）在清单末尾增加以下概念："
run glossa protocol --lang en "$OLD" "$R"
expect_true "en: the same points in the same order" test "$(points)" = "(a) the term \"information weapon\" shall be worded as follows:
(b) the following term shall be added after the term \"information weapon\":
(c) the term \"information terrorism\" shall be deleted;
(d) the term \"critically important structures\" shall be worded as follows:
(e) the following term shall be added at the end of the list:"
# stale English (only the Russian and Chinese changed): never the old text as the new wording
expect_out "> \[not rendered: the English working translation of this term was not revised in the term base; see the Russian and Chinese texts\]"
expect_no_out "objects, systems and institutions of the State"
expect_no_out "(no English definition in the term base)"
expect_out "> \"'computer attack' means \[no English working translation of this definition in the term base: see the Russian and Chinese texts\]\";"
expect_no_out "information space (revised working translation)"
expect_no_out "the term \"information resources\"" "a change of status alone is no point"
# the whole annex, quoted, in the annex's order in every language
for l in ru zh en; do
    run glossa protocol --lang "$l" --style whole "$OLD" "$R"
    expect_true "$l whole: 14 entries" test "$(grep -c '^> ' <<<"$OUT")" -eq 14
done
run glossa protocol --lang ru --style whole "$OLD" "$R"
expect_true "ru whole: order" test "$(grep '^> ' <<<"$OUT" | sed -n '4p;5p;6p;14p' | sed 's/^> //; s/ — .*//')" = "„информационное оружие“
„компьютерная атака“
„информационная преступность“
„устойчивость информационной инфраструктуры“"
expect_out "> «„информационная безопасность“ —"
expect_out "восстанавливаться после них»."

# ---- wording (finding 6)
run glossa protocol --lang ru "$OLD" "$D/single.xml"
expect_rc 0
expect_out "**о внесении изменения в Соглашение между"
expect_out "информационной безопасности» следующее изменение:"
has() { [[ "$OUT" == *"$1"* ]]; } # stdout holds $1, newlines and all (grep -F would take each line alone)
expect_true "one change is not lettered" has "$(printf 'следующее изменение:\n\nпонятие «информационное оружие» изложить в следующей редакции:')"
expect_no_out "а) "
run glossa protocol --lang ru "$OLD" "$D/additions.xml"
expect_out "**о внесении дополнений в Соглашение между"
expect_out "информационной безопасности» следующие дополнения:"
run glossa protocol --lang zh "$OLD" "$D/additions.xml"
expect_out "# 《上海合作组织成员国保障国际信息安全政府间合作协定》补充议定书"
expect_out "对《协定》附件1《保障国际信息安全领域基本概念清单》作如下补充："
run glossa protocol --lang zh "$OLD" "$D/single.xml"
expect_out "# 关于修改二〇〇九年六月十六日签署的《上海合作组织成员国保障国际信息安全政府间合作协定》的议定书"
expect_out "> “‘信息武器’——用于进行信息战或实施计算机攻击的信息通信技术、手段和方法”。"
run glossa protocol --lang zh --table "$OLD" "$NEW"
expect_no_out ";" "zh: full-width punctuation throughout"
expect_out "一、《协定》关于修改程序的条款编号"
run glossa protocol --lang ru "$OLD" "$NEW"
nb=$(printf '\302\240')
expect_out "от 16${nb}июня${nb}2009${nb}года" "no-break spaces in dates"
expect_no_out "16 июня"
expect_no_out "2009 года"
expect_out "20\_\_${nb}года"
run glossa protocol --lang en "$OLD" "$NEW"
expect_true "en: headed as an unofficial translation" has "$(printf '*DRAFT*\n\n*Unofficial translation. English is not an authentic language of the Agreement: only the Russian and Chinese texts are authentic. This text is a working translation for the drafters.*\n\n# PROTOCOL')"
expect_out "of 16${nb}June${nb}2009"
run glossa protocol --lang ru "$OLD" "$OLD"
expect_rc 1 "an unchanged annex"
expect_true "no document" test -z "$OUT"
expect_true "exact message" test "$ERR" = "glossa: error: no change to annex 1 between OLD and NEW (no concept added, deleted or reworded in Russian or Chinese): nothing to amend, no protocol written"
# a template without a section the protocol needs: an error naming both (it
# rendered "**" and empty headings)
grep -v '^\[subtitle\]$' "$SRC/export/protocol/ru.tmpl" | sed '/^о внесении {what}/d' > short.tmpl
run glossa protocol --template short.tmpl "$OLD" "$NEW"
expect_rc 2 "a template missing a section"
expect_true "no document" test -z "$OUT"
expect_true "exact message" test "$ERR" = "glossa: short.tmpl: error: the template has no [subtitle] section (every section of the built-in template is needed except [numbers] and [unofficial])"

# ---- the comparative table (finding 7's columns, as far as the diff knows)
run glossa protocol --lang ru --table-only "$OLD" "$R"
expect_out "| а) \[НЕ ПРОВЕРЕНО: реконструкция, надёжность 1\] «информационное оружие» — информационные"
expect_out "| б) (понятие отсутствует) |"
expect_out "*Текущая редакция понятий, помеченных «НЕ ПРОВЕРЕНО», — реконструкция"
expect_out "## Примечания для составителей (в текст Протокола не входят):" "--table-only carries the drafters' notes"
expect_out "*б) обоснование: Понятие используется в национальном законодательстве Сторон.*" "the rationale the new entry records"
finish
