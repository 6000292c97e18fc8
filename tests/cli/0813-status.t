# 0813-status.t — glossa status, byte for byte (golden table
# tests/data/golden/status/status.test; GOLDEN_UPDATE=1 rewrites it): the
# worked example (agreed, blocked with its objection, pending) as text and
# JSON, --round, the defaults, a folder of positions, agreements that lapse
# when a proposal is edited, and the errors (missing positions or proposals,
# a bad format, an unknown option: 2); the positions' problems, each an
# error with FILE:LINE and exit 1 (a malformed line, once ignored with exit
# 0; a state that is not a party, once dropped; a proposal that does not
# change the concept; a withdrawal by another state; the old form without the
# proposal when two proposals change the concept), the old form read with a
# warning when one does (exit 1, as for check's warnings), and a '# parties:'
# line naming the parties: each a member state (a member such as BY may be a
# party; QZ or XX on the line: an error at its FILE:LINE); a code that is no
# member state is "not a member state"; two files that disagree on a state's
# position (the later one, in name order, wins: a warning naming both lines;
# the same position in both: nothing).
proposals_example
mkdir edited && cp "$P"/*.xml edited/
sed -i 's/отдельно или серийно возникающие сбои/возникающие сбои/' edited/kz-2026-1.xml
printf 'uz-cyber-hygiene CN\n' >bad-positions.txt
C="$SRC/tests/data/competing"
printf '# parties: KZ CN KG RU TJ UZ\nuz-cyber-hygiene CN agreed 9adf921a45c7546a\n' >old-form.txt
printf 'information-security KZ agreed c82153f1841d6e6f\n' >ambiguous.txt
{ printf 'UZ-2026-1 uz-cyber-hygiene QZ agreed 9adf921a45c7546a\n'
  printf 'RU-2026-1 uz-cyber-hygiene CN agreed 9adf921a45c7546a\n'
  printf 'UZ-2026-1 uz-cyber-hygiene CN withdrawn\n'
  printf 'UZ-2026-1 uz-cyber-hygiene CN agreed 9adf921a45c7546a extra words\n'
  printf 'UZ-2026-1 uz-cyber-hygiene China agreed\n'
  printf 'UZ-2026-1 uz-cyber-hygiene UZ agreed 9adf921a45c7546a -- fine\n'; } >bad-lines.txt
printf '# parties: KZ CN\nUZ-2026-1 uz-cyber-hygiene KZ agreed 9adf921a45c7546a\n' >two-parties.txt
printf '# parties: KZ CN BY\nUZ-2026-1 uz-cyber-hygiene BY agreed 9adf921a45c7546a\n' >with-by.txt
printf '# parties: KZ QZ CN XX\nUZ-2026-1 uz-cyber-hygiene KZ agreed 9adf921a45c7546a\n' >non-member-parties.txt
mkdir two-files
{ printf '# parties: KZ CN\n'
  printf 'UZ-2026-1 uz-cyber-hygiene CN agreed 9adf921a45c7546a\n'
  printf 'UZ-2026-1 uz-cyber-hygiene KZ agreed 9adf921a45c7546a\n'; } >two-files/a.txt
{ printf 'UZ-2026-1 uz-cyber-hygiene KZ agreed 9adf921a45c7546a\n'
  printf 'UZ-2026-1 uz-cyber-hygiene CN objection -- not yet\n'; } >two-files/b.txt
golden_table "$SRC/tests/data/golden/status/status.test"
finish
