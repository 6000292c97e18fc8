# 0185-national.t — the study of national legislation (issue 17), byte for
# byte (golden table tests/data/golden/national/national.test; GOLDEN_UPDATE=1
# rewrites it): the bundled glossary indexed with glossary/national/; lookup
# finds a state's term (kiberxavfsizlik, 网络安全) and shows the concept with
# its national definitions; compare as text and JSON, by state and language,
# for a notion the term base lacks, and its errors (no such id: 1; a state that
# is no member, no ID: 2); validate and index refuse national files that break
# the rules beyond the schema (a concept in a national file, a definition that
# relates to nothing read or whose source is no act, two translation notes, a
# term and definition in two languages, a state that is no code), naming file
# and line.
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" ||
    { echo "FAIL: cannot index the bundled glossary with its national study"; exit 1; }
N="$SRC/glossary/national"
mkdir bad
# a concept entry in a national file
sed 's|<body>|<body><entry xml:id="kz-a-concept" type="concept" source="#kz-418-v"><usg type="status">in-force</usg><usg type="reliability">2</usg><form type="term" xml:lang="ru"><orth>термин</orth><usg type="status">preferred</usg></form></entry>|' "$N/kz.xml" >bad/concept.xml
# relates to a concept nobody defined
sed 's|<ref target="#automation">|<ref target="#no-such-notion">|' "$N/kz.xml" >bad/target.xml
# the source is not an act (a bibl without a state)
sed 's|<idno type="state">KZ</idno><idno type="number">418-V</idno>|<idno type="number">418-V</idno>|' "$N/kz.xml" >bad/noact.xml
# two notes saying who translated it
sed '0,/<note type="translation" xml:lang="en">\([^<]*\)<\/note>/s||<note type="translation" xml:lang="en">\1</note><note type="translation" xml:lang="en">someone else</note>|' "$N/kz.xml" >bad/twice.xml
# the term in English, its definition in Kazakh
sed '0,/<def xml:lang="en">/s||<def xml:lang="kk">|' "$N/kz.xml" >bad/lang.xml
# a state that is no ISO code
sed '0,/<idno type="state">KZ<\/idno>/s||<idno type="state">Kazakhstan</idno>|' "$N/kz.xml" >bad/state.xml
golden_table "$SRC/tests/data/golden/national/national.test"
finish
