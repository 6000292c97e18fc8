# 0710-protocol-docx-libreoffice.t — the DOCX protocol (ru and zh, with the
# comparative table) opens in LibreOffice and converts to a PDF of at least
# two pages. Skipped when LibreOffice is not installed.
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
    echo "SKIP: LibreOffice is not installed"
    exit 77
fi
D="$SRC/tests/data/protocol"
for lang in ru zh; do
    run glossa protocol --lang "$lang" --format docx --table -o "p-$lang.docx" "$D/old.xml" "$D/new.xml"
    expect_rc 0
    run bash "$SRC/tests/docx-to-pdf.sh" "p-$lang.docx" "$WORK"
    expect_rc 0 "LibreOffice converts the $lang protocol"
    if command -v pdfinfo >/dev/null; then
        pages=$(pdfinfo "p-$lang.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
        expect_true "$lang PDF has 2+ pages ($pages)" test "${pages:-0}" -ge 2
    fi
    if command -v pdftotext >/dev/null; then
        run pdftotext "p-$lang.pdf" -
        OUT=$(tr '\n' ' ' <<<"$OUT" | tr -s ' ')   # lines wrap anywhere in a PDF
        [ "$lang" = ru ] && expect_out "дополнить в конце перечня понятием следующего содержания"
        [ "$lang" = zh ] && expect_out "概念应表述为"
    fi
done
finish
