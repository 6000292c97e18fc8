# 0805-proposal-folders.t — the folders of proposals and positions are read
# by the library's one lister (glossa_list_dir): every file, however many
# (they once stopped silently at 1024), and a folder that cannot be read, or
# a glossary/proposals that is not a folder, is an error naming it (it once
# read as an empty folder, and success).
index_bundled
P="$SRC/glossary/proposals"

# 1100 positions files, each with one line that is no position (an error):
# 1100 errors, one per file, so no file was left out
mkdir many
for i in $(seq 1000 2099); do echo "not a position" > "many/p-$i.txt"; done
run glossa status --positions many "$P"
expect_rc 1 "1100 positions files"
expect_true "one error per file of the 1100" test "$(grep -c ': error: expected: ' <<<"$ERR")" -eq 1100
expect_err "many/p-2099.txt:1: error: expected: PROPOSAL CONCEPT STATE agreed|objection|pending|withdrawn HASH [-- comment]"

# a glossary whose proposals "folder" is a file
mkdir -p notdir/positions
echo "not a folder" > notdir/proposals
run env GLOSSA_GLOSSARY="$PWD/notdir" "$GLOSSA" status
expect_rc 2 "proposals is not a folder"
expect_err "glossa: $PWD/notdir/proposals: error: cannot read directory: Not a directory"
run env GLOSSA_GLOSSARY="$PWD/notdir" "$GLOSSA" check
expect_rc 2 "check: proposals is not a folder"
expect_err "$PWD/notdir/proposals: error: cannot read directory: Not a directory"

# a glossary without a positions folder has no positions (not an error)
mkdir -p nopos/proposals nopos/states
cp "$P/kz-2026-1.xml" nopos/proposals/
cp "$SRC/glossary/states/member-states.xml" nopos/states/ # the member states are data
run env GLOSSA_GLOSSARY="$PWD/nopos" "$GLOSSA" status
expect_rc 0 "no positions folder"
expect_out "pending  kz-information-security-incident"

# a folder that cannot be read: as a user other than root (root reads every
# folder), through setpriv when the test runs as root
unprivileged() {
    if [ "$(id -u)" != 0 ]; then
        "$@"
    else
        setpriv --reuid=65534 --regid=65534 --clear-groups "$@"
    fi
}
if [ "$(id -u)" != 0 ] || command -v setpriv >/dev/null 2>&1; then
    chmod 755 "$WORK"
    chmod 644 "$GLOSSA_DB"
    mkdir locked lockedpos
    cp "$P/kz-2026-1.xml" locked/
    chmod 000 locked lockedpos
    run unprivileged "$GLOSSA" check locked
    expect_rc 2 "unreadable proposals folder"
    expect_err "glossa: locked: error: cannot read directory: Permission denied"
    run unprivileged "$GLOSSA" status --positions lockedpos "$P"
    expect_rc 2 "unreadable positions folder"
    expect_err "glossa: lockedpos: error: cannot read directory: Permission denied"
    chmod 755 locked lockedpos
else
    echo "note: running as root without setpriv: the unreadable folder is not tested"
fi

finish
