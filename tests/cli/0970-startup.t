# 0970-startup.t — what every command loads. The glossa executable needs
# only the libraries every command uses: libmicrohttpd (and GnuTLS with its
# eight libraries) is loaded when `glossa serve --http` starts (src/web/http_mhd.c),
# so `glossa --version` and a lookup never map it; `serve --http` still
# answers (0940 tests it whole).
if ! command -v objdump >/dev/null 2>&1; then
    echo "SKIP: objdump is missing (binutils)"
    exit 77
fi
# the executable's DT_NEEDED entries (a sanitizer build adds its runtimes)
run sh -c "objdump -p '$GLOSSA' | awk '/NEEDED/ && \$2 !~ /^lib(a|ub)san/ {print \$2}' | sort"
expect_rc 0 "objdump -p:"
expect_out "libc.so.6
libicui18n.so.72
libicuuc.so.72
libopencc.so.1.1
libsqlite3.so.0
libstemmer.so.0d
libxml2.so.2
libz.so.1
libzip.so.4" "the libraries glossa needs"
expect_no_out "microhttpd" "libmicrohttpd is not linked"

# what a lookup maps, read from the process itself at its exit (LD_DEBUG
# lists each library the dynamic linker opens)
index_bundled
run env LD_DEBUG=libs "$GLOSSA" lookup --brief "information security"
expect_rc 0 "lookup:"
expect_out "1. information-security" "the lookup answers"
trace=$ERR
OUT=$trace
expect_out "calling init: /lib/x86_64-linux-gnu/libicuuc.so.72" "the dynamic linker's trace"
expect_no_out "microhttpd" "a lookup does not load libmicrohttpd"
expect_no_out "gnutls" "nor GnuTLS"
finish
