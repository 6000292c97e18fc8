# 0740-concordance.t — glossa concordance and glossa correction (issue 26,
# items 3 and 4). The fixture tests/data/concordance/annex.xml is the annex
# whose Chinese text lacks information-crime's definition and
# information-resources' term (its zh-Hant term is kept: a Traditional text
# does not stand for the authentic one): concordance reports exactly those
# two (exit 1, text and JSON), the bundled annex neither (it concords);
# --since reports a change made in one authentic text only; the numbering of
# a definition counted per language; bad input is exit 2 with FILE:LINE.
# correction --lang ru names both concepts by their Russian terms with the
# objection date (golden md in ru, zh, en; with --corrected, the text as
# corrected); a --corrected that changes a concept that concorded is refused
# (needs a protocol), as is one whose corrected text still does not concord;
# DOCX is the same bytes twice. The cases are pinned in
# tests/data/concordance/concordance.test (GOLDEN_UPDATE=1 rewrites it) and
# the documents in tests/data/concordance/expected (GLOSSA_UPDATE_GOLDEN=1).
D="$SRC/tests/data/concordance"
P="$SRC/tests/data/protocol"
G="$D/expected"
cd "$WORK" || exit 1

# versions made from the protocol's old.xml by one edit each
sed 's/состояние защищенности личности/состояние защищённости личности/' "$P/old.xml" > ru-only.xml
sed 's/个人、社会和国家及其利益在信息空间中免受威胁/个人、社会、国家及其利益在信息空间中免受威胁/' "$P/old.xml" > zh-only.xml
sed 's/>информационная инфраструктура, а также собственно информация и ее потоки</>1) информационная инфраструктура; 2) собственно информация и ее потоки</' "$P/old.xml" > numbered-ru.xml
sed 's/>信息基础设施，以及信息本身和信息流</>（一）信息基础设施；（二）信息本身和信息流</' numbered-ru.xml > numbered-both.xml
sed 's/<\/sense>/<\/sens>/' "$P/old.xml" > broken.xml
# a corrected text that adds the Chinese definition but drops the Russian one
awk '/<entry xml:id="information-crime"/{e=1} e && /<def xml:lang="ru"/{next} /<\/entry>/{e=0} {print}' \
    "$SRC/glossary/annex1.xml" > still.xml
# a corrected text that takes information-crime out of the annex (a repeal, not a correction)
awk '/<entry xml:id="information-crime"/{e=1} e && /in-force/{sub(/in-force/, "withdrawn"); e=0} {print}' \
    "$SRC/glossary/annex1.xml" > withdrawn.xml
# a corrected text that corrects information-crime only
awk '/<entry xml:id="information-resources"/{e=1} e && /<form type="term" xml:lang="zh"/{skip=4}
     skip{skip--; next} /<\/entry>/{e=0} {print}' "$SRC/glossary/annex1.xml" > partial.xml
golden_table "$D/concordance.test"

# the documents: ru names both concepts by their Russian terms, with the date
golden_file "$G/correction-ru.md" glossa correction "$D/annex.xml" --lang ru --objections-by 2027-03-01
expect_out "а) понятие «информационная преступность»: в китайском тексте нет определения."
expect_out "б) понятие «информационные ресурсы»: в китайском тексте нет термина."
expect_out "Если до 1 марта 2027 года ни одна из Сторон не заявит возражения"
golden_file "$G/correction-zh.md" glossa correction "$D/annex.xml" --lang zh --objections-by 2027-03-01
golden_file "$G/correction-en.md" glossa correction "$D/annex.xml" --lang en --objections-by 2027-03-01
# --corrected fixes both: the text as corrected is its text
golden_file "$G/correction-corrected-ru.md" glossa correction "$D/annex.xml" --lang ru \
    --objections-by 2027-03-01 --corrected "$SRC/glossary/annex1.xml"
expect_out "> «信息犯罪» — 在信息空间中为违法目的使用信息资源和（或）对其施加影响"
expect_out "> «信息资源» — 信息基础设施，以及信息本身和信息流"
# a concept the corrected version leaves as it was: its corrected text is still to be established
run glossa correction "$D/annex.xml" --lang en --objections-by 2027-03-01 --corrected partial.xml
expect_rc 0 "correction --corrected that corrects one concept of two:"
expect_out '> "信息犯罪": 在信息空间中为违法目的使用信息资源和（或）对其施加影响'
expect_out 'The Chinese text as corrected:

> \[the corrected text is to be established; the depositary proposes no treaty text of its own\]

If no Party'
expect_no_out '[not corrected]'
# DOCX: the same bytes twice
for i in 1 2; do
    run glossa correction "$D/annex.xml" --format docx --objections-by 2027-03-01 -o "c$i.docx"
    expect_rc 0 "correction --format docx ($i):"
done
expect_true "correction --format docx: the same bytes twice" cmp c1.docx c2.docx
expect_true "the docx is a zip package" unzip -tq c1.docx
finish
