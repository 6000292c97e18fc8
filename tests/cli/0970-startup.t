# 0970-startup.t — what every command loads. The glossa executable needs
# only the libraries every command uses: libmicrohttpd (and GnuTLS with its
# eight libraries) is loaded when `glossa serve --http` starts (src/web/http_mhd.c),
# the DOCX package is zipped on zlib (src/lib/zip.c, no libzip, libcrypto, libbz2),
# so `glossa --version` and a lookup never map it; `serve --http` still
# answers (0940 tests it whole). OpenCC's tables are compiled in
# (src/lib/han_convert.c): neither libopencc nor libmarisa is loaded.
if ! command -v objdump >/dev/null 2>&1; then
    echo "SKIP: objdump is missing (binutils)"
    exit 77
fi
# the executable's DT_NEEDED entries (a sanitizer build adds its runtimes):
# with GLOSSA_STATIC_CORE (the default, where the archives are installed) ICU,
# SQLite, libxml2 and libstemmer are linked in, and what they need in turn is
# named instead
cache=$(dirname "$GLOSSA")/CMakeCache.txt
if [ ! -f "$cache" ]; then
    echo "SKIP: $GLOSSA is not in a CMake build directory"
    exit 77
fi
run sh -c "objdump -p '$GLOSSA' | awk '/NEEDED/ && \$2 !~ /^lib(a|ub)san/ {print \$2}' | sort"
expect_rc 0 "objdump -p:"
if grep -q '^GLOSSA_STATIC_CORE:BOOL=ON' "$cache" &&
    grep -q '^GLOSSA_ARCHIVE_icudata:FILEPATH=/' "$cache"; then
    # ICU, SQLite, libxml2 and libstemmer linked in
    want="libc.so.6 libgcc_s.so.1 liblzma.so.5 libm.so.6 libstdc++.so.6 libz.so.1"
else
    want="libc.so.6 libicui18n.so.72 libicuuc.so.72 libsqlite3.so.0 libstemmer.so.0d libxml2.so.2 libz.so.1"
fi
got=$(printf '%s\n' "$OUT" | tr '\n' ' ' | sed 's/ $//')
expect_true "the libraries glossa needs: want '$want', got '$got'" test "$got" = "$want"
expect_no_out "microhttpd" "libmicrohttpd is not linked"

# what a lookup maps, read from the process itself at its exit (LD_DEBUG
# lists each library the dynamic linker opens)
index_bundled
run env LD_DEBUG=libs "$GLOSSA" lookup --brief "information security"
expect_rc 0 "lookup:"
expect_out "1. information-security" "the lookup answers"
trace=$ERR
OUT=$trace
expect_out "calling init: /lib/x86_64-linux-gnu/libc.so.6" "the dynamic linker's trace"
expect_no_out "libopencc" "a lookup does not load libopencc"
expect_no_out "libmarisa" "nor libmarisa"
expect_no_out "microhttpd" "a lookup does not load libmicrohttpd"
expect_no_out "gnutls" "nor GnuTLS"
# a Chinese lookup converts Taiwan wording (資訊 → 信息) without OpenCC's library
run env LD_DEBUG=libs "$GLOSSA" lookup --brief "資訊安全"
expect_rc 0 "lookup 資訊安全:"
expect_out "1. information-security" "the Taiwan wording is found"
OUT=$ERR
expect_no_out "libopencc" "a Chinese lookup does not load libopencc"
expect_no_out "libmarisa" "nor libmarisa"
finish
