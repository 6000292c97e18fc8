# 0810-propose.t — glossa propose, byte for byte (golden table
# tests/data/golden/propose/propose.test; GOLDEN_UPDATE=1 rewrites it): a
# new concept, an amendment and a deletion to standard output or a file, the skeleton
# valid TEI that 'glossa check' sends back to be filled in, and the errors
# (no or a bad --state, --lang, --id, --amend, --delete or --date, both --id and
# --amend or --delete, both --amend and --delete, an unknown option, an extra argument, an unwritable -o: exit 2).
index_bundled
proposals_example
golden_table "$SRC/tests/data/golden/propose/propose.test"
finish
