# 0710-protocol-docx-libreoffice.t — the DOCX protocol (ru, zh and en, with
# the comparative table) rendered by LibreOffice to PDF and read back with
# pdftotext: every page numbered in its footer, the signature block a table
# (three Parties side by side on one line), the comparative table and the
# drafters' notes each at the top of a page of their own, the title in the
# document properties, and the table alone (--table-only) a document with its
# notes; the worked example's table with its proposals (four columns) and its
# explanatory note too. One start of LibreOffice converts them all (~5 s).
# Skipped when LibreOffice or poppler-utils (pdftotext, pdfinfo) is not
# installed (.ci/install-deps installs both).
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
    echo "SKIP: LibreOffice is not installed"
    exit 77
fi
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
    echo "SKIP: poppler-utils (pdftotext, pdfinfo) is not installed"
    exit 77
fi
D="$SRC/tests/data/protocol"

# page_text PDF N: the text of page N, one line per line of the page (layout kept)
page_text() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }
# first_line / last_line: the first or last line with text, spaces trimmed
# (pdftotext puts a space between Chinese and a digit: spaces are dropped for comparing)
first_line() { grep -v '^[[:space:]]*$' | head -1 | tr -d ' '; }
last_line() { grep -v '^[[:space:]]*$' | tail -1 | tr -d ' '; }
pages_of() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }

# starts LINE HEAD: LINE (spaces dropped) begins with HEAD (spaces dropped): a
# title's first words, whatever the fonts installed make of where it wraps
starts() { local l h; l=$(tr -d ' ' <<<"$1"); h=$(tr -d ' ' <<<"$2"); [ -n "$h" ] && [ "${l#"$h"}" != "$l" ]; }

# check_pdf LANG PDF TABLE_HEAD NOTES_HEAD: numbered pages; the table and the
# notes each open a page (each title's first words, which never wrap)
check_pdf() {
    local lang=$1 pdf=$2 table=$3 notes=$4 pages i text table_page=0
    pages=$(pages_of "$pdf")
    expect_true "$lang: 3+ pages (text, table, notes), got ${pages:-none}" test "${pages:-0}" -ge 3
    for ((i = 1; i <= ${pages:-0}; i++)); do
        text=$(page_text "$pdf" "$i")
        expect_true "$lang: page $i ends with its number in the footer, not '$(last_line <<<"$text")'" \
            test "$(last_line <<<"$text")" = "$i"
        tr -d ' ' <<<"$text" | grep -qF -- "$(tr -d ' ' <<<"$table")" && table_page=$i
    done
    expect_true "$lang: the comparative table is in the PDF" test "$table_page" -gt 0
    expect_true "$lang: the table's title opens page $table_page (a page break before it)" \
        starts "$(page_text "$pdf" "$table_page" | first_line)" "$table"
    expect_true "$lang: the drafters' notes open the last page, under their title" \
        starts "$(page_text "$pdf" "$pages" | first_line)" "$notes"
}

# side_by_side PDF A B: some line of the PDF holds both A and B (two Parties of one row)
side_by_side() {
    pdftotext -layout "$1" - 2>/dev/null | grep -F -- "$2" | grep -qF -- "$3"
}

# every document first: LibreOffice starts once for all of them
for lang in ru zh en; do
    run glossa protocol --lang "$lang" --format docx --table -o "p-$lang.docx" "$D/old.xml" "$D/new.xml"
    expect_rc 0
done
run glossa protocol --lang ru --format docx --table-only -o t-ru.docx "$D/old.xml" "$D/new.xml"
expect_rc 0
# the worked example's round: its table with the proposals, its explanatory note
proposals_example
run glossa consolidate --round 2026-1 -o next
expect_rc 0
run glossa protocol --lang ru --format docx --table-only --proposals "$P" -o r-ru.docx \
    "$SRC/glossary/annex1.xml" next/annex1.xml
expect_rc 0
run glossa note --lang en --round 2026-1 -p "$POS" --format docx -o n-en.docx
expect_rc 0
run bash "$SRC/tests/docx-to-pdf.sh" p-ru.docx p-zh.docx p-en.docx t-ru.docx r-ru.docx n-en.docx "$WORK"
expect_rc 0 "LibreOffice converts the protocols, the tables and the note"

# per language: words of article 1, the table's and the notes' titles, and
# two Parties of one row of the signature table
declare -A article=([ru]="в конце перечня понятием следующего содержания" [zh]="概念应表述为"
                    [en]="the following term shall be added")
declare -A table_title=([ru]="Сравнительная таблица изменений"
                        [zh]="《协定》附件1修改对照表"
                        [en]="Comparative table of the amendments")
declare -A notes_title=([ru]="Примечания для составителей"
                        [zh]="起草说明"
                        [en]="Notes for the drafters")
# (the names' last words, which end a line whatever the fonts installed)
declare -A party_a=([ru]="Республики Казахстан" [zh]="俄罗斯联邦政府代表" [en]="Russian Federation")
declare -A party_b=([ru]="Кыргызской Республики" [zh]="乌兹别克斯坦共和国政府代表"
                    [en]="Republic of Tajikistan")
for lang in ru zh en; do
    run pdftotext "p-$lang.pdf" -
    OUT=$(tr '\n' ' ' <<<"$OUT" | tr -s ' ')   # lines wrap anywhere in a PDF
    expect_out "${article[$lang]}"
    check_pdf "$lang" "p-$lang.pdf" "${table_title[$lang]}" "${notes_title[$lang]}"
    expect_true "$lang: the signature block is a table, three Parties a row" \
        side_by_side "p-$lang.pdf" "${party_a[$lang]}" "${party_b[$lang]}"
done

# the document properties, as LibreOffice read them (it writes the title into the PDF)
expect_true "ru: the PDF's title is the protocol's whole title" \
    test "$(pdfinfo p-ru.pdf | sed -n 's/^Title: *//p')" = "ПРОТОКОЛ о внесении изменений и дополнений в Соглашение между правительствами государств-членов Шанхайской организации сотрудничества о сотрудничестве в области обеспечения международной информационной безопасности от 16 июня 2009 года"
expect_true "table alone: the PDF's title is the table's" \
    test "$(pdfinfo t-ru.pdf | sed -n 's/^Title: *//p')" = "Сравнительная таблица изменений в приложение 1 к Соглашению"

# the table as a document of its own: the table on page 1, its notes after a page break
expect_true "table alone: 2 pages (table, notes), got $(pages_of t-ru.pdf)" test "$(pages_of t-ru.pdf)" = 2
expect_true "table alone: page 1 has the table" grep -qF "Действующая редакция" <(page_text t-ru.pdf 1)
expect_true "table alone: page 2 has the notes under their title" \
    test "$(page_text t-ru.pdf 2 | first_line)" = "Примечаниядлясоставителей(втекстПротоколаневходят):"
expect_true "table alone: page 2 is numbered" test "$(page_text t-ru.pdf 2 | last_line)" = 2

# the table with the proposals: four columns, their headings whole and side by side
expect_true "table with proposals: 'Предложение' and 'Обоснование' head two columns" \
    side_by_side r-ru.pdf "Предложение" "Обоснование"
expect_true "table with proposals: the proposing state in its row" side_by_side r-ru.pdf "KZ (KZ-2026-1)" "Понятие"

# the explanatory note: headed as a working translation, numbered, its title on page 1
expect_true "note: opens with its draft mark" \
    test "$(page_text n-en.pdf 1 | first_line)" = "DRAFT(workingtranslation,notanofficialtext)"
expect_true "note: page 1 numbered" test "$(page_text n-en.pdf 1 | last_line)" = 1
expect_true "note: the title on page 1" grep -qF "EXPLANATORY NOTE" <(page_text n-en.pdf 1)
expect_true "note: the national act, or its absence, said" grep -qF "no national act cited" <(pdftotext n-en.pdf -)
finish
