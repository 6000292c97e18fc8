# 0810-propose.t — glossa propose, byte for byte (golden table
# tests/data/golden/propose/propose.test; GOLDEN_UPDATE=1 rewrites it): a
# new concept, an amendment and a deletion to standard output or a file, the skeleton
# valid TEI that 'glossa check' sends back to be filled in; the header naming the
# body the state's law names for information security, with its source; a new
# concept from a national definition (--from-law: the term and the definition
# quoted from the act, the act cited; filled in, it passes check), and the errors
# (no or a bad --state, --lang, --id, --amend, --delete or --date, both --id and
# --amend or --delete, both --amend and --delete, an unknown option, an extra argument, an unwritable -o,
# a --from-law item unknown, of another act, of another state, a notion, or with --amend: exit 2).
index_bundled
proposals_example
golden_table "$SRC/tests/data/golden/propose/propose.test"
finish
