# 0157-lookup-typos.t — typing errors the fuzzy tier finds however short the
# key (src/lib/fuzzy.c: segment signs, then the edit distance): a swap of
# two letters at the start of a 4-letter abbreviation, two errors in a
# 7-letter word, a wrong letter in a Cyrillic abbreviation; none of these
# shared a trigram piece with its term, which the fuzzy tier needed before
# (issue 20). And what is within no budget stays unfound.
index_bundled

run glossa lookup --mode fuzzy --brief --limit 2 BCMs
expect_rc 0
expect_out "did you mean CBMs?

1. confidence-building-measures  CBMs (en, fuzzy)  ru меры доверия · zh 建立信任措施 · en confidence-building measures"

run glossa lookup --mode fuzzy --brief --limit 2 prviazy
expect_rc 0
expect_out "did you mean privacy?

1. privacy  privacy (en, fuzzy)  ru неприкосновенность частной жизни · zh 隐私权"

run glossa lookup --mode fuzzy --brief --limit 2 РзОС
expect_rc 0
expect_out "did you mean РГОС?

1. open-ended-working-group  РГОС (ru, fuzzy)  ru рабочая группа открытого состава · zh 不限成员名额工作组 · en open-ended working group"

# three errors in a 7-letter word are past its budget of two
run glossa lookup --mode fuzzy --brief prvzazy
expect_rc 1
expect_err "glossa: no concept matches 'prvzazy'"

# the index passes its checks with the fuzzy tier's signs in it
run glossa index --check
expect_rc 0

finish
