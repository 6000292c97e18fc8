# 0950-install.t — `cmake --install` of the build under test into a scratch
# prefix: the binary, libglossa.a, glossa.h, glossa.pc, the manual page, the
# bash completion and the glossary. The installed glossa indexes the
# installed glossary and finds a term; `man` finds the page under the prefix;
# a small C program builds against the installed library with nothing but
# `pkg-config --cflags --libs glossa` and finds the term too.
build=$(dirname "$GLOSSA")
if [ ! -f "$build/CMakeCache.txt" ] || ! command -v cmake >/dev/null 2>&1; then
    echo "SKIP: $GLOSSA is not in a CMake build directory (or cmake is missing)"
    exit 77
fi
prefix=$WORK/prefix
run cmake --install "$build" --prefix "$prefix"
expect_rc 0 "cmake --install:"
for f in bin/glossa include/glossa.h share/man/man1/glossa.1 \
    share/bash-completion/completions/glossa share/glossa/glossary/annex1.xml; do
    expect_true "installed $f" test -f "$prefix/$f"
done
lib=$(find "$prefix" -name libglossa.a | head -n 1)
pc=$(find "$prefix" -name glossa.pc | head -n 1)
expect_true "installed libglossa.a ($lib)" test -f "$lib"
expect_true "installed glossa.pc ($pc) beside it" test "$(dirname "$pc")" = "$(dirname "$lib")/pkgconfig"
expect_true "the completion is src/cli/glossa.bash" \
    cmp -s "$SRC/src/cli/glossa.bash" "$prefix/share/bash-completion/completions/glossa"

# the installed binary, on the installed glossary
run "$prefix/bin/glossa" index --quiet --db "$WORK/installed.db" "$prefix/share/glossa/glossary"
expect_rc 0 "installed glossa index:"
run "$prefix/bin/glossa" lookup --db "$WORK/installed.db" --format json 信息安全
expect_rc 0 "installed glossa lookup:"
expect_json '.results[0].id' information-security
run env GLOSSA_GLOSSARY="$prefix/share/glossa/glossary" "$prefix/bin/glossa" index --quiet --db "$WORK/env.db"
expect_rc 0 "installed glossa index with GLOSSA_GLOSSARY:"

# the whole glossary is installed (positions/, READMEs), byte for byte
run diff -r "$SRC/glossary" "$prefix/share/glossa/glossary"
expect_rc 0 "the installed glossary is the source tree's:"
# no path of the source tree or the build is in the installed binary (a
# sanitizer build, for tests only, keeps them in its instrumentation)
if [ -z "$(sed -n 's/^GLOSSA_SANITIZE:[A-Z]*=//p' "$build/CMakeCache.txt")" ]; then
    expect_true "the installed binary names no path of the source tree ($SRC)" \
        test "$(grep -c -a -F "$SRC" "$prefix/bin/glossa")" = 0
fi
# as a user would: index with no --db or $GLOSSA_DB (the data folder), then
# look up from another folder; status reads the installed positions as the
# source tree's; position never writes into the installed copy
mkdir "$WORK/user" "$WORK/user/a" "$WORK/user/b"
cd "$WORK/user/a" || exit 1
GLOSSA_DB= XDG_DATA_HOME="$WORK/user/data" run "$prefix/bin/glossa" index --quiet
expect_rc 0 "installed glossa index, the default database:"
expect_true "it is in the data folder" test -s "$WORK/user/data/glossa/glossa.db"
cd "$WORK/user/b" || exit 1
GLOSSA_DB= XDG_DATA_HOME="$WORK/user/data" run "$prefix/bin/glossa" lookup --format json 信息安全
expect_rc 0 "installed glossa lookup from another folder:"
expect_json '.results[0].id' information-security
run "$prefix/bin/glossa" status
expect_rc 0 "installed glossa status:"
installed_status=$OUT
run "$GLOSSA" status
expect_true "installed status is the source tree's" test "$OUT" = "$installed_status"
expect_out "agreed" "status:"
before=$(cat "$prefix"/share/glossa/glossary/positions/*.txt | sha256sum)
run "$prefix/bin/glossa" position kz-information-security-incident CN agreed
expect_rc 2 "installed glossa position without --positions:"
expect_true "it says why" test "$ERR" = "glossa: error: the glossary at $prefix/bin/../share/glossa/glossary is glossa's installed copy, not a working copy to record positions in: give --positions FILE, or set GLOSSA_GLOSSARY to your copy of the glossary"
expect_true "the installed positions are untouched" test "$(cat "$prefix"/share/glossa/glossary/positions/*.txt | sha256sum)" = "$before"
cd "$WORK" || exit 1

# man finds the page where it was installed
if command -v man >/dev/null 2>&1; then
    run env MANPATH="$prefix/share/man" man -w glossa
    expect_out "$prefix/share/man/man1/glossa.1" "man -w glossa:"
fi

# a program built with pkg-config against the installed library
if command -v pkg-config >/dev/null 2>&1 && command -v cc >/dev/null 2>&1; then
    export PKG_CONFIG_PATH
    PKG_CONFIG_PATH=$(dirname "$pc")
    version=$("$GLOSSA" --version | cut -d' ' -f2)
    expect_true "glossa --version names a version (got '$version')" grep -Eq '^[0-9]+\.[0-9]+\.[0-9]+' <<<"$version"
    run pkg-config --modversion glossa
    expect_true "pkg-config --modversion glossa is glossa's version: '$OUT' = '$version'" test "$OUT" = "$version"
    cat >"$WORK/tiny.c" <<'C'
#include <glossa.h>
#include <stdio.h>
int main(int argc, char **argv)
{
    glossa_error err;
    glossa_db *db = NULL;
    glossa_results *res = NULL;
    if (argc < 3 || glossa_global_init(&err) || glossa_db_open(&db, argv[1], &err) ||
        glossa_lookup(db, argv[2], NULL, &res, &err)) {
        fprintf(stderr, "tiny: %s\n", argc < 3 ? "usage: tiny DB QUERY" : err.msg);
        return 2;
    }
    if (glossa_results_count(res) > 0)
        printf("%s\n", glossa_results_get(res, 0)->id);
    glossa_results_free(res);
    glossa_db_close(db);
    glossa_global_shutdown();
    return 0;
}
C
    # a sanitizer build installs an instrumented library: link the same way
    san=$(sed -n 's/^GLOSSA_SANITIZE:[A-Z]*=//p' "$build/CMakeCache.txt")
    flags=$(pkg-config --cflags --libs glossa)
    # shellcheck disable=SC2086
    run cc -std=c11 -Wall -Werror ${san:+-fsanitize=$san} -o "$WORK/tiny" "$WORK/tiny.c" $flags
    expect_rc 0 "cc \$(pkg-config --cflags --libs glossa):"
    run "$WORK/tiny" "$WORK/installed.db" "information security"
    expect_rc 0 "the program built against the installed library:"
    expect_out information-security
else
    echo "note: pkg-config or cc is missing; the library check was skipped"
fi
finish
