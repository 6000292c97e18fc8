# 0718-docx-zip.t — the ZIP package of a DOCX (src/lib/zip.c), read back by
# readers that are not glossa's: Python's zipfile (every CRC checked, every
# part's bytes compared exactly with tests/data/docx-zip/, which holds the
# parts as libzip wrote them before zip.c replaced it: only the packaging
# changed, never the document), unzip -t when it is installed. Each entry is
# deflated, UTF-8 flagged and dated 1980-01-01 12:00; the same document makes
# the same bytes twice and in any time zone (libzip wrote local time, so a
# package made in Tokyo differed from one made in UTC).
# GLOSSA_UPDATE_GOLDEN=1 rewrites tests/data/docx-zip.
need_python3
D="$SRC/tests/data/protocol"
G="$SRC/tests/data/docx-zip"

run glossa protocol --lang en --format docx --table-only -o t.docx "$D/old.xml" "$D/new.xml"
expect_rc 0

# read t.docx back: its entries' names and headers, every part into parts/
read_back() {
    python3 - "$@" <<'EOF'
import os, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
bad = z.testzip()
if bad is not None:
    sys.exit("CRC or data error in " + bad)
for i in z.infolist():
    if (i.compress_type, i.flag_bits, i.date_time, i.extra, i.create_system) != \
            (zipfile.ZIP_DEFLATED, 0x0802, (1980, 1, 1, 12, 0, 0), b"", 3):
        sys.exit("%s: method %d, flags %#x, %s, extra %r, made on %d" % (
            i.filename, i.compress_type, i.flag_bits, i.date_time, i.extra, i.create_system))
    path = os.path.join(sys.argv[2], i.filename)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(z.read(i))
print(" ".join(i.filename for i in z.infolist()))
EOF
}
run read_back t.docx parts
expect_rc 0 "zipfile reads the package: $ERR"
expect_out '[Content_Types].xml _rels/.rels word/_rels/document.xml.rels word/document.xml word/styles.xml word/footer1.xml docProps/core.xml docProps/app.xml'
for part in $OUT; do
    if [ "${GLOSSA_UPDATE_GOLDEN:-}" = 1 ]; then
        mkdir -p "$(dirname "$G/$part")" && cp "parts/$part" "$G/$part"
    fi
    expect_true "$part: the same bytes as $G/$part" cmp -s "parts/$part" "$G/$part"
done

if command -v unzip >/dev/null 2>&1; then
    run unzip -t t.docx
    expect_rc 0
    expect_out 'No errors detected in compressed data of t.docx.'
else
    echo "note: unzip is not installed; its check skipped"
fi

# the same document: the same bytes, twice and in any time zone
run glossa protocol --lang en --format docx --table-only -o again.docx "$D/old.xml" "$D/new.xml"
expect_true "DOCX made twice is the same" cmp -s t.docx again.docx
for tz in Asia/Tokyo America/Los_Angeles; do
    TZ=$tz run glossa protocol --lang en --format docx --table-only -o tz.docx "$D/old.xml" "$D/new.xml"
    expect_true "DOCX made with TZ=$tz is the same as in UTC" cmp -s t.docx tz.docx
done
finish
