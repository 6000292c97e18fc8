#!/usr/bin/env bash
# docx-to-pdf.sh — convert a .docx to PDF with LibreOffice headless, to check
# that a generated protocol opens cleanly. Usage: tests/docx-to-pdf.sh FILE.docx [OUTDIR]
# Exits 77 (skipped) when LibreOffice is not installed (CI need not have it).
set -u
docx=${1:?usage: docx-to-pdf.sh FILE.docx [OUTDIR]}
outdir=${2:-$(dirname "$docx")}
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
    echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    exit 77
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 180 "$soffice" -env:UserInstallation=file://"$profile" --headless \
    --convert-to pdf --outdir "$outdir" "$docx" >/dev/null 2>&1
pdf="$outdir/$(basename "${docx%.docx}").pdf"
if [ -s "$pdf" ] && head -c 5 "$pdf" | grep -q '%PDF-'; then
    echo "converted: $pdf"
    exit 0
fi
echo "LibreOffice could not convert $docx"
exit 1
