#!/usr/bin/env bash
# docx-to-pdf.sh — convert .docx files to PDF with LibreOffice headless, to
# check that generated protocols open cleanly and to read their pages back
# (pdftotext). Usage: tests/docx-to-pdf.sh FILE.docx... [OUTDIR]
# (the PDFs go to OUTDIR, else beside the first file; several files share one
# start of LibreOffice, which takes most of the time).
# Exits 77 (skipped) when LibreOffice is not installed (.ci/install-deps installs it).
set -u
files=() outdir=
for a in "$@"; do
    case $a in
    *.docx) files+=("$a") ;;
    *) outdir=$a ;;
    esac
done
if [ ${#files[@]} -eq 0 ]; then
    echo "usage: docx-to-pdf.sh FILE.docx... [OUTDIR]" >&2
    exit 2
fi
outdir=${outdir:-$(dirname "${files[0]}")}
soffice=$(command -v soffice || command -v libreoffice || true)
if [ -z "$soffice" ]; then
    echo "SKIP: LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
    exit 77
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
timeout 180 "$soffice" -env:UserInstallation=file://"$profile" --headless \
    --convert-to pdf --outdir "$outdir" "${files[@]}" >/dev/null 2>&1
rc=0
for docx in "${files[@]}"; do
    pdf="$outdir/$(basename "${docx%.docx}").pdf"
    if [ -s "$pdf" ] && head -c 5 "$pdf" | grep -q '%PDF-'; then
        echo "converted: $pdf"
    else
        echo "LibreOffice could not convert $docx"
        rc=1
    fi
done
exit $rc
