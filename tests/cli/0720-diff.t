# 0720-diff.t — glossa diff, byte for byte (tests/data/golden/diff/*.test,
# golden_table in run.sh; GOLDEN_UPDATE=1 rewrites them): versions of
# tests/data/protocol (no change: 0; added, modified, renamed: 1) as text,
# coloured and JSON, folders, every option, the errors (2: one version, a
# missing or malformed file, a bad format or colour, an unknown option) and,
# in diff-git.test, --git and --path over two commits of a repository made
# here (skipped with a message where git is missing).
D="$SRC/tests/data/protocol"
OLD="$D/old.xml" NEW="$D/new.xml" BAD="$SRC/tests/data/bad"
# a rename: the same content under another id
sed 's/xml:id="information-crime"/xml:id="crime-in-the-information-space"/' "$OLD" >renamed.xml
mkdir old new && cp "$OLD" old/annex1.xml && cp "$NEW" new/annex1.xml
golden_table "$SRC/tests/data/golden/diff/diff.test"

if command -v git >/dev/null 2>&1; then
    git() { command git -c user.name=t -c user.email=t@t -c init.defaultBranch=main "$@"; }
    mkdir repo && cd repo && git init -q && mkdir glossary alt
    cp "$OLD" glossary/annex1.xml && cp "$OLD" alt/annex1.xml
    git add . && git commit -qm old
    cp "$NEW" glossary/annex1.xml && cp "$WORK/renamed.xml" alt/annex1.xml
    git commit -qam new
    golden_table "$SRC/tests/data/golden/diff/diff-git.test"
    cd ..
else
    echo "skip (git is not installed): tests/data/golden/diff/diff-git.test"
fi
finish
