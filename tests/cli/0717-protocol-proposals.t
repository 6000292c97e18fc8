# 0717-protocol-proposals.t — glossa protocol --proposals: the comparative
# table of the worked example's round (consolidated from glossary/proposals
# and glossary/positions) names, for each change, the proposal and state it
# comes from and its rationale (quoted untranslated, its language named, when
# the protocol's language has none); a current wording of reliability 1 is
# marked as not verified. Golden in en and zh; without --proposals the table
# keeps its two columns. GLOSSA_UPDATE_GOLDEN=1 rewrites the golden files.
proposals_example
D="$SRC/tests/data/note"
run glossa consolidate --round 2026-1 -o next
expect_rc 0
OLD="$SRC/glossary/annex1.xml" NEW=next/annex1.xml

golden_file "$D/expected/protocol-table-en.md" \
    glossa protocol --lang en --table-only --proposals "$P" "$OLD" "$NEW"
golden_file "$D/expected/protocol-table-zh.md" \
    glossa protocol --lang zh --table-only --proposals "$P" "$OLD" "$NEW"

run glossa protocol --lang en --table-only --proposals "$P" "$OLD" "$NEW"
expect_out '| Current wording | Proposed wording | Proposal | Rationale |'
expect_out '|---|---|---|---|'
expect_out '| KZ (KZ-2026-1) | Понятие используется в законодательстве государств-членов и необходимо для сотрудничества по реагированию на инциденты; в приложении 1 отсутствует. (in Russian; not translated) |'
expect_out '| (a) \[NOT VERIFIED: reconstruction, reliability 1\] "information weapon" means information technologies, means and methods used for the purpose of waging information war; |'
run glossa protocol --lang ru --table-only --proposals "$P" "$OLD" "$NEW"
expect_out '| RU (RU-2026-1) | Уточнение: средства ведения информационной войны включают коммуникационные технологии. |'

# without the proposals: two columns, as before
run glossa protocol --lang en --table-only "$OLD" "$NEW"
expect_out '| Current wording | Proposed wording |'
expect_no_out '| Proposal |'

# DOCX: four columns, the texts compared wider, the head repeated on each page
run glossa protocol --lang ru --table-only --proposals "$P" --format docx -o t.docx "$OLD" "$NEW"
expect_rc 0
run python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("word/document.xml").decode())' t.docx
expect_out '<w:tblGrid><w:gridCol w:w="2664"/><w:gridCol w:w="2664"/><w:gridCol w:w="2133"/><w:gridCol w:w="2133"/></w:tblGrid><w:tr><w:trPr><w:tblHeader/></w:trPr>'
finish
