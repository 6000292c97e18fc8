# 0811-check.t — glossa check, byte for byte (golden table
# tests/data/golden/check/check.test; GOLDEN_UPDATE=1 rewrites it): the worked
# example (problems: 1; clean: 0) as text and JSON, the default folder, the
# rules beyond the schema on edited copies (an id without the state's prefix,
# an id already in the term base, an amended concept that is gone), and the
# errors (the term base itself, a missing or malformed file, an empty folder, a
# missing database, a bad format, an unknown option: 2). Issue 16, a round
# checked as a whole: FILL IN left in the header, a state that is no member
# (QZ) or in small letters, two states proposing one new concept, a folder with
# a malformed and an invalid file beside good ones (every file's errors, each
# once, in glossa's words, exit 1).
index_bundled
proposals_example
sed 's/xml:id="kz-information-security-incident"/xml:id="information-security-incident"/' "$P/kz-2026-1.xml" >noprefix.xml
sed 's/xml:id="kz-information-security-incident" type="concept" subtype="new"/xml:id="information-war" type="concept" subtype="new"/' "$P/kz-2026-1.xml" >clash.xml
sed 's/xml:id="information-weapon" type="concept" subtype="amend"/xml:id="no-longer-there" type="concept" subtype="amend"/' "$P/ru-2026-1.xml" >gone.xml
mkdir empty
sed -e 's|<authority>[^<]*</authority>|<authority>FILL IN: the competent authority of KZ</authority>|' \
    -e 's|<citedRange>статья 1</citedRange>|<citedRange>FILL IN: article, paragraph</citedRange>|' "$P/kz-2026-1.xml" >header.xml
sed -e 's/<idno type="state">KZ/<idno type="state">QZ/' -e 's/xml:id="kz-information-security-incident"/xml:id="qz-information-security-incident"/' "$P/kz-2026-1.xml" >qz.xml
sed -e 's/<idno type="state">KZ/<idno type="state">kz/' "$P/kz-2026-1.xml" >small.xml
mkdir round
cp "$P"/*.xml round/
sed -e 's/KZ-2026-1/UZ-2026-2/' -e 's/<idno type="state">KZ/<idno type="state">UZ/' \
    -e 's/xml:id="kz-information-security-incident"/xml:id="uz-security-incident"/' "$P/kz-2026-1.xml" >round/uz-2026-2.xml
sed 's/Казахстан «Об/Казахстан \& «Об/' "$P/kz-2026-1.xml" >round/a-malformed.xml
sed 's|<idno type="round">2026-1</idno>|<idno type="round">2026 1</idno>|' "$P/kz-2026-1.xml" >round/b-invalid.xml
golden_table "$SRC/tests/data/golden/check/check.test"
finish
