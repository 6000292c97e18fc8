# 0812-position.t — glossa position, byte for byte (golden table
# tests/data/golden/position/position.test; GOLDEN_UPDATE=1 rewrites it): an
# objection with its comment, then agreement replacing it, pending, a new
# positions file, the default file, each with the line it leaves in the file;
# and the errors (a bad position or state, an unknown change, missing
# arguments or proposals, an unwritable file, an unknown option: 2).
proposals_example
cp "$POS" pos.txt
golden_table "$SRC/tests/data/golden/position/position.test"
finish
