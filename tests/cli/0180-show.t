# 0180-show.t — glossa show over the bundled glossary, byte for byte: every
# option (--to, --as-of, --history, --format, --color, --db) and the errors
# (no such concept: 1; no ID, two IDs, a bad date, format, colour or
# option, a missing database: 2), as the table
# tests/data/golden/show/show.test (command, then exact stdout, stderr and
# exit status; see golden_table in run.sh). GOLDEN_UPDATE=1 rewrites it.
index_bundled
golden_table "$SRC/tests/data/golden/show/show.test"
finish
