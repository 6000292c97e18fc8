# 0816-competing-wordings.t — two states amending one concept differently
# (tests/data/competing: KZ-2026-5 and UZ-2026-5 both amend
# information-security), byte for byte (golden table
# tests/data/golden/competing/competing.test; GOLDEN_UPDATE=1 rewrites it):
# a position names the proposal (--proposal, required here; each line keeps
# its own proposal's hash), status shows both wordings side by side with who
# agreed to which, consolidate refuses while both are agreed (exit 1, both
# proposals and who agreed named, nothing written) and applies the other
# once one is withdrawn by its state or objected to.
proposals_example
C="$SRC/tests/data/competing"
# both.txt: every party agreed to both wordings
for s in KZ CN KG RU TJ UZ; do
    for pr in KZ-2026-5 UZ-2026-5; do
        "$GLOSSA" position -p both.txt --proposal "$pr" information-security "$s" agreed "$C" >/dev/null
    done
done
cp both.txt objected.txt
golden_table "$SRC/tests/data/golden/competing/competing.test"
finish
