# 0716-note.t — glossa note: the explanatory note on the worked example's
# proposals (glossary/proposals, positions in glossary/positions), golden in
# ru, zh and en: each change with its heading, proposed wording (working
# translations marked), proposing state (its name in the note's language from
# the member states' data, with its code; once the code alone) and the
# authority its proposal names, rationale (quoted in
# its own language, named, when the note's language has none), national act
# (title, date, citedRange; "no national act cited" when there is none) and
# positions. Also: a deletion (headed as one), a proposal with no rationale and no act, an unknown round,
# the DOCX's properties. GLOSSA_UPDATE_GOLDEN=1 rewrites tests/data/note/expected.
proposals_example
D="$SRC/tests/data/note"

golden_file "$D/expected/ru.md" glossa note --lang ru --round 2026-1 --positions "$POS"
golden_file "$D/expected/zh.md" glossa note --lang zh --round 2026-1 --positions "$POS"
golden_file "$D/expected/en.md" glossa note --lang en --round 2026-1 --positions "$POS"
golden_file "$D/expected/en-kz.html" glossa note --lang en --format html "$P/kz-2026-1.xml"

# the parts that matter, said exactly
run glossa note --lang en --round 2026-1 --positions "$POS"
expect_out 'National act: Закон Республики Казахстан «Об информатизации» (пример; формулировка не сверена с официальным текстом), 2015-11-24, статья 1.'
expect_out 'National act: no national act cited.'
expect_out 'Rationale (given in Russian in the proposal; not translated): Понятие используется'
expect_out '*DRAFT (working translation, not an official text)*'
expect_out 'objections: CN: repeats annex item 13'
expect_out 'Proposal KZ-2026-1 of 2026-11-02. Proposing State: Republic of Kazakhstan (KZ). Authority named in the proposal: Competent authority of the Republic of Kazakhstan (illustrative).'
run glossa note --lang ru
expect_rc 0
expect_no_out 'Позиции Сторон'   # no positions unless asked for

# a proposal without rationale, its source no national act (type "other"), says so
sed -e '/<note type="rationale"/d' -e 's|type="law"|type="other"|' \
    "$P/kz-2026-1.xml" > bare.xml
run glossa note --lang en bare.xml
expect_rc 0
expect_out 'Rationale: none given in the proposal.'
expect_out 'National act: no national act cited.'
run glossa note --lang ru bare.xml
expect_out 'Обоснование: в предложении не приведено.'
expect_out 'Национальный правовой акт: не указан.'

# a deletion is headed as one, its current wording quoted as the wording that goes
for l in ru zh en; do
    run glossa note --lang "$l" "$SRC/tests/data/round-e2e/ru-2026-5.xml"
    expect_rc 0
    case $l in
    ru) expect_out '## 3. Исключение понятия «информационный терроризм» из приложения 1

Понятие исключается из приложения 1; его действующая редакция:' ;;
    zh) expect_out '## 3. 从附件1中删除“信息恐怖主义”概念

从附件1中删除该概念；其现行措辞为：' ;;
    en) expect_out '## 3. Deletion of the term “information terrorism” from Annex 1

The term is deleted from Annex 1; its current wording:' ;;
    esac
done

# a round without proposals is an error
run glossa note --round 2099-9
expect_rc 2
expect_err "glossa: error: no proposed change in round '2099-9'"

# DOCX: the note's title and language in the document properties
run glossa note --lang zh --format docx -o note.docx --round 2026-1
expect_rc 0
run python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("docProps/core.xml").decode())' note.docx
expect_out '<dc:title>说明 关于修改二〇〇九年六月十六日签署的《上海合作组织成员国保障国际信息安全政府间合作协定》附件1的议定书草案</dc:title><dc:language>zh-CN</dc:language><cp:contentStatus>草案</cp:contentStatus>'
finish
