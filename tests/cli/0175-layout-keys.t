# 0175-layout-keys.t — the keyboard layouts of lookup's layout tier are
# xkb's: src/lib/layout_keys.h is what src/lib/layout_gen.py writes from the
# xkb symbols files of this machine (Debian's xkb-data) and X11's keysymdef.h,
# byte for byte. Skipped where those files or python3 are missing.
for f in /usr/share/X11/xkb/symbols/us /usr/share/X11/xkb/symbols/ru /usr/share/X11/xkb/symbols/kz \
    /usr/share/X11/xkb/symbols/kg /usr/share/X11/xkb/symbols/tj /usr/share/X11/xkb/symbols/uz \
    /usr/share/X11/xkb/symbols/by /usr/include/X11/keysymdef.h; do
    if [ ! -f "$f" ]; then
        echo "SKIP: $f is absent (xkb-data, x11proto-dev)"
        exit 77
    fi
done
command -v python3 >/dev/null 2>&1 || { echo "SKIP: python3 is not installed"; exit 77; }

RC=0
python3 "$SRC/src/lib/layout_gen.py" >"$WORK/layout_keys.h" || RC=$?
OUT=$(diff -u "$SRC/src/lib/layout_keys.h" "$WORK/layout_keys.h" | head -40) ERR=
expect_rc 0 "the generator runs"
if [ -z "$OUT" ] && grep -q '"ru", "ru", "Russian", /\* ru(winkeys) \*/' "$WORK/layout_keys.h"; then
    ok
else
    fail "layout_keys.h is not what layout_gen.py writes from xkb"
fi

finish
