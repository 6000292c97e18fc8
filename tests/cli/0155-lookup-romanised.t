# 0155-lookup-romanised.t — a term found from the romanisations and
# alphabets translators type (issue 18): Uzbek Cyrillic for a term held in
# Uzbek Latin only, Tajik in BGN/PCGN, Russian inflected and romanised,
# pinyin with tone numbers, Kazakh's 2017 alphabet with an apostrophe that
# ends a word. The fixture is tests/data/good/mini.xml with Uzbek Latin,
# Kazakh and Tajik terms added; then the bundled glossary, for Belarusian
# Łacinka (ch = х); then Uzbek ё/yo.
form() { printf '<form type="term" xml:lang="%s" resp="#working-translation"><orth>%s</orth><usg type="status">preferred</usg></form>' "$1" "$2"; }
awk -v one="$(form uz-Latn 'axborot xavfsizligi')" \
    -v two="$(form uz-Latn 'axborot quroli')$(form kk 'ақпараттық қару')$(form tg 'силоҳи иттилоотӣ')" \
    '/<sense>/ { n++; print (n == 1 ? one : two) } { print }' "$SRC/tests/data/good/mini.xml" >mini.xml
run glossa index --quiet mini.xml
expect_rc 0 "the fixture indexes"

# lookup_how QUERY ID: QUERY finds concept ID first, by transliteration
lookup_how() {
    run glossa lookup --format json -- "$1"
    expect_rc 0 "$1"
    expect_json '.results[0].id' "$2" "$1"
    expect_json '.results[0].match.how' translit "$1"
}
lookup_how "ахборот хавфсизлиги" information-security
lookup_how "ахборот қуроли" information-weapon
lookup_how "aqparattyq qarū" information-weapon
lookup_how "siloḩi ittilootī" information-weapon
lookup_how "informatsionnoy bezopasnosti" information-security
lookup_how "informacionnogo oruzhiya" information-weapon
lookup_how "xin1 xi1 an1 quan2" information-security
lookup_how "xìnxī ānquán" information-security
lookup_how "aqparattyq qary'" information-weapon
lookup_how "aqparattyq qary’" information-weapon

index_bundled
lookup_how "niepravamiernaie vykarystannie infarmacyjnych resursaŭ" \
    unlawful-use-of-information-resources
lookup_how "aqparattyq resy'rstardy zan'syz pai'dalany'" unlawful-use-of-information-resources

# Uzbek ё is yo in Latin, and a Cyrillic key has е for it: a fixture (the
# letters, not a translation) with one word in each script only
awk -v one="$(form uz-Latn 'yolgʻon axborot')" -v two="$(form uz-Cyrl 'ёлғон хабарлар')" \
    '/<sense>/ { n++; print (n == 1 ? one : two) } { print }' "$SRC/tests/data/good/mini.xml" >yo.xml
run glossa index --quiet yo.xml
expect_rc 0 "the yo fixture indexes"
lookup_how "ёлғон ахборот" information-security
lookup_how "ёлгон ахборот" information-security
lookup_how "yolg'on xabarlar" information-weapon
lookup_how "yolgon xabarlar" information-weapon

finish
