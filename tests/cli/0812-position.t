# 0812-position.t — glossa position, byte for byte (golden table
# tests/data/golden/position/position.test; GOLDEN_UPDATE=1 rewrites it): an
# objection with its comment, then agreement replacing it, pending, a new
# positions file, the default file (the round's, which status reads: an
# objection written to positions.txt once lost to round-2026-1.txt's lines), each with the line it leaves in the file;
# an old-form line (without the proposal) replaced by the new form, a state
# given in lower case; and the errors (a bad position or state, a state that
# is not a party — by default or by the file's '# parties:' line — once
# recorded, an unknown change, missing arguments or proposals, an unwritable
# file, an unknown option: 2). Two proposals of one concept: 0816.
proposals_example
cp "$POS" pos.txt
sed 's/^[A-Z][A-Z]-2026-1 //' "$POS" >old-form.txt # the form without the proposal
printf '# parties: KZ CN\n' >two-parties.txt
golden_table "$SRC/tests/data/golden/position/position.test"
finish
