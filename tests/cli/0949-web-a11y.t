# 0949-web-a11y.t — the pages of `glossa serve --http` for every reader:
# tests/web/a11y.js loads the home page, results (ru, zh, en, fa; cut at the
# limit; a language with no data), a concept, no result and a 404 in headless
# Chromium (playwright-core) and asserts that axe-core (WCAG 2.1 A/AA and best
# practices) finds nothing in light or dark mode, that at 320 px no page is
# wider than the screen, that no element has lang="", that the search field
# is dir=auto, that the focus ring has 3:1, that the live region speaks once
# when typing pauses, and that the page's script draws what the server
# renders. Skipped without node or chromium; the npm packages (pinned in
# tests/web/package-lock.json) come from .ci/install-deps.
NODE=$(command -v node || true)
CHROMIUM=$(command -v chromium || true)
if [ -z "$NODE" ] || [ -z "$CHROMIUM" ]; then
    echo "SKIP: no node or no chromium (Debian packages nodejs and chromium, see .ci/install-deps)"
    exit 77
fi
if [ ! -d "$SRC/tests/web/node_modules/playwright-core" ] || [ ! -d "$SRC/tests/web/node_modules/axe-core" ]; then
    echo "FAIL: tests/web/node_modules lacks playwright-core or axe-core: run bash .ci/install-deps (npm ci --prefix tests/web)"
    exit 1
fi
index_bundled
start_server --http
run timeout 90 "$NODE" "$SRC/tests/web/a11y.js" "http://127.0.0.1:$PORT" "$CHROMIUM" "$WORK"
echo "$OUT"
expect_rc 0 "the page checks"
expect_out " passed, 0 failed"
stop_server
expect_rc 0 "the server stopped by SIGTERM"
finish
