# 0715-protocol-docx-package.t — what a DOCX protocol holds, read from the
# package itself (no LibreOffice needed; 0710 renders it): document properties
# (title, language, the draft status, no dates), a footer with the page
# number (a PAGE field) referenced by the section, the signature block as a
# borderless table (a cell per Party, three to a row, a line to sign on), and
# page breaks before the comparative table and before the drafters' notes.
D="$SRC/tests/data/protocol"
# part DOCX NAME: one part of the package, as text
part() { python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())' "$1" "$2"; }
# count TEXT NEEDLE: how many times NEEDLE occurs in TEXT
count() { python3 -c 'import sys; print(sys.argv[1].count(sys.argv[2]))' "$1" "$2"; }

run glossa protocol --lang ru --format docx --table -o p.docx "$D/old.xml" "$D/new.xml"
expect_rc 0
run part p.docx docProps/core.xml
expect_rc 0 "the package has docProps/core.xml"
expect_out '<dc:title>ПРОТОКОЛ о внесении изменений и дополнений в Соглашение между правительствами государств-членов Шанхайской организации сотрудничества о сотрудничестве в области обеспечения международной информационной безопасности от 16 июня 2009 года</dc:title><dc:language>ru-RU</dc:language><cp:contentStatus>ПРОЕКТ</cp:contentStatus><dc:creator>glossa</dc:creator></cp:coreProperties>'
expect_no_out "dcterms:created"
run part p.docx docProps/app.xml
expect_out '<Application>glossa</Application>'
run part p.docx '[Content_Types].xml'
expect_out 'PartName="/docProps/core.xml"'
expect_out 'PartName="/word/footer1.xml"'
run part p.docx _rels/.rels
expect_out 'Target="docProps/core.xml"'
expect_out 'Target="docProps/app.xml"'
run part p.docx word/_rels/document.xml.rels
expect_out '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
run part p.docx word/footer1.xml
expect_out '<w:instrText xml:space="preserve"> PAGE </w:instrText>'
run part p.docx word/document.xml
doc=$OUT
expect_out '<w:sectPr><w:footerReference w:type="default" r:id="rId2"/>'
expect_true "two page breaks (before the table, before the notes)" test "$(count "$doc" '<w:pageBreakBefore/>')" = 2
expect_out '<w:pPr><w:pStyle w:val="TableTitle"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">Сравнительная таблица'
expect_out '<w:pPr><w:pStyle w:val="TableTitle"/><w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">Примечания для составителей'
expect_true "six Parties, six lines to sign on" test "$(count "$doc" '<w:pBdr><w:bottom w:val="single"')" = 6
expect_true "the signature table: two rows of three" test "$(count "$doc" '<w:tr><w:trPr><w:cantSplit/></w:trPr>')" = 2
expect_out '<w:gridCol w:w="3118"/><w:gridCol w:w="3118"/><w:gridCol w:w="3118"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w="1666" w:type="pct"/><w:vAlign w:val="bottom"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="Signature"/></w:pPr><w:r><w:t xml:space="preserve">За Правительство Республики Казахстан</w:t></w:r></w:p>'

# the table alone: its own title in the properties, no page break before it, one before its notes
run glossa protocol --lang zh --format docx --table-only -o t.docx "$D/old.xml" "$D/new.xml"
expect_rc 0
run part t.docx docProps/core.xml
expect_out '<dc:title>《协定》附件1修改对照表</dc:title><dc:language>zh-CN</dc:language><cp:contentStatus>草案</cp:contentStatus>'
run part t.docx word/document.xml
expect_true "table alone: one page break, before the notes" test "$(count "$OUT" '<w:pageBreakBefore/>')" = 1
expect_out '<w:pageBreakBefore/></w:pPr><w:r><w:t xml:space="preserve">起草说明'
finish
