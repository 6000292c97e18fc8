# 0811-check.t — glossa check, byte for byte (golden table
# tests/data/golden/check/check.test; GOLDEN_UPDATE=1 rewrites it): the worked
# example (problems: 1; clean: 0) as text and JSON, the default folder, the
# rules beyond the schema on edited copies (an id without the state's prefix,
# an id already in the term base, an amended concept that is gone), and the
# errors (the term base itself, a missing or malformed file, an empty folder, a
# missing database, a bad format, an unknown option: 2).
index_bundled
proposals_example
sed 's/xml:id="kz-information-security-incident"/xml:id="information-security-incident"/' "$P/kz-2026-1.xml" >noprefix.xml
sed 's/xml:id="kz-information-security-incident" type="concept" subtype="new"/xml:id="information-war" type="concept" subtype="new"/' "$P/kz-2026-1.xml" >clash.xml
sed 's/xml:id="information-weapon" type="concept" subtype="amend"/xml:id="no-longer-there" type="concept" subtype="amend"/' "$P/ru-2026-1.xml" >gone.xml
mkdir empty
golden_table "$SRC/tests/data/golden/check/check.test"
finish
