# 0812-position.t — glossa position, byte for byte (golden table
# tests/data/golden/position/position.test; GOLDEN_UPDATE=1 rewrites it): an
# objection with its comment, then agreement replacing it, pending, a new
# positions file, the default file (the round's, which status reads: an
# objection written to positions.txt once lost to round-2026-1.txt's lines), each with the line it leaves in the file;
# an old-form line (without the proposal) replaced by the new form, a state
# given in lower case; a member state that is a party by the file's
# '# parties:' line only (BY); and the errors (a bad position or state, a
# code that is no member state (before: "not a party"), a member state that
# is not a party — by default or by the file's '# parties:' line — once
# recorded, a '# parties:' line naming a code that is no member state (FILE:LINE), an unknown change, missing arguments or proposals, an unwritable
# file, an unknown option: 2). Two proposals of one concept: 0816.
proposals_example
cp "$POS" pos.txt
sed 's/^[A-Z][A-Z]-2026-1 //' "$POS" >old-form.txt # the form without the proposal
printf '# parties: KZ CN\n' >two-parties.txt
printf '# positions\n# parties: KZ CN BY\n' >with-by.txt
printf '# positions\n# parties: KZ QZ CN\n' >non-member-party.txt
golden_table "$SRC/tests/data/golden/position/position.test"
finish
