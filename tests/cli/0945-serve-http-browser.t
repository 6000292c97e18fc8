# 0945-serve-http-browser.t — the page of `glossa serve --http` in a real
# browser: Debian's chromium, headless, driven by python3-selenium through
# chromedriver. Typing «информационной безопасности» shows the concept with
# 信息安全 and its NOT VERIFIED mark (search as you type, so the script runs
# under the page's Content-Security-Policy); the language picker and Enter
# work; the keyboard alone reaches a result and opens it; /c/ID opens the
# concept directly; a hostile entry (tests/data/web/hostile.xml) shows as
# its own text, with no alert and no element made from it; the national
# definitions (glossary/national/, tests/data/web/hostile-national.xml) are
# quoted statutory text with lang, cite and nofollow links, a hit names the
# states whose law defines it (a hit's link keeps the query); how a query matched (a keyboard layout, terms
# inside a longer query, a typo) is said the same by the script and by the
# server's page (their elements, classes, lang, links and text compared);
# nothing in the browser's console (no CSP violation). Skipped without a
# browser.
PY=
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import selenium' 2>/dev/null; then PY=$p; break; fi
done
CHROMIUM=$(command -v chromium || true)
DRIVER=$(command -v chromedriver || true)
if [ -z "$PY" ] || [ -z "$CHROMIUM" ] || [ -z "$DRIVER" ]; then
    echo "SKIP: no browser to drive (Debian packages chromium, chromium-driver and python3-selenium, see .ci/install-deps)"
    exit 77
fi
"$GLOSSA" index --quiet "$SRC/glossary" "$SRC/glossary/national" "$SRC/tests/data/web/hostile.xml" \
    "$SRC/tests/data/web/hostile-national.xml" ||
    { echo "FAIL: cannot index the glossary, its national study and the hostile fixtures"; exit 1; }
start_server --http

cat >"$WORK/browser.py" <<'EOF'
import os, sys, tempfile
from urllib.parse import urlsplit
from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

base, chromium, driver_path, work = sys.argv[1:5]
checks = failures = 0

def check(ok, what):
    global checks, failures
    checks += 1
    if not ok:
        failures += 1
        print("FAIL:", what)

opts = webdriver.ChromeOptions()
opts.binary_location = chromium
for a in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1200,1000"):
    opts.add_argument(a)
opts.add_argument("--user-data-dir=" + tempfile.mkdtemp(dir=work))
opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
d = webdriver.Chrome(service=Service(driver_path), options=opts)
d.set_page_load_timeout(20)
# The page redraws its results as the user types: an element found a moment ago may
# be gone when the condition reads it. That is the page working, not a failure, so
# the wait asks again instead of raising (it flaked under load without this),
# and waits up to 30 s (the suite runs two tests at once on a loaded machine:
# the language picker's redraw took over 10 s there once).
wait = WebDriverWait(d, 30, ignored_exceptions=(StaleElementReferenceException,))

def no_alert(what):
    try:
        WebDriverWait(d, 1).until(EC.alert_is_present())
        d.switch_to.alert.dismiss()
        check(False, what + ": an alert opened")
    except TimeoutException:
        check(True, what)

def hits():
    return d.find_elements(By.CSS_SELECTOR, "#results li.hit")

def first_hit_is(concept, q=None):
    """The results are drawn for q (the whole query, not a prefix answered while the
    keys were still being typed, which a slow machine redraws a moment later) and the
    first hit is concept."""
    def test(drv):
        if q is not None and ("\u00ab" + q + "\u00bb") not in drv.find_element(By.ID, "message").text:
            return False
        h = hits()
        # the link keeps the query (/c/ID?q=…): its path names the concept
        return h and urlsplit(h[0].find_element(By.CSS_SELECTOR, "h2 a").get_attribute("href")).path == "/c/" + concept
    return test

try:
    # --- search as you type
    d.get(base + "/")
    wait.until(lambda drv: drv.find_element(By.ID, "search").get_attribute("data-ready") == "1")
    check(True, "the page's script runs")
    box = d.find_element(By.ID, "q")
    label = d.find_element(By.CSS_SELECTOR, "label[for=q]")
    check(label.is_displayed() and label.text, "the search box has a visible label")
    box.send_keys("информационной безопасности")
    wait.until(first_hit_is("information-security", "информационной безопасности"))
    hit = hits()[0]
    check("信息安全" in hit.text, "the hit shows 信息安全")
    zh = [e for e in hit.find_elements(By.CSS_SELECTOR, ".term") if e.text == "信息安全"]
    check(zh and zh[0].get_attribute("lang") == "zh", "信息安全 has lang=zh")
    mark = hit.find_elements(By.CSS_SELECTOR, ".unverified")
    check(mark and mark[0].is_displayed() and mark[0].text == "NOT VERIFIED",
          "the hit carries a visible NOT VERIFIED mark")
    check("stem match" in hit.text, "the hit says how it matched")
    check("reconstruction, not verified against the official text" in hit.text,
          "the definition's source says it is a reconstruction")
    fa = [e for e in hit.find_elements(By.CSS_SELECTOR, ".term") if e.get_attribute("lang") == "fa"]
    check(fa and fa[0].get_attribute("dir") == "rtl", "the Persian term is right to left")
    check("q=" in d.current_url, "the address holds the query: " + d.current_url)
    law = hit.find_elements(By.CSS_SELECTOR, 'p.src a[href$="#national"]')
    check(law and law[0].text == "National legislation" and
          law[0].get_attribute("href").endswith("/c/information-security#national") and
          law[0].find_element(By.XPATH, "..").text == "National legislation: CN, IN, TJ, UZ",
          "the hit (built by the script) names the states whose law defines it")

    # --- the language picker: only Chinese
    d.find_element(By.CSS_SELECTOR, 'input[name="to"][value="zh"]').send_keys(Keys.SPACE)
    wait.until(lambda drv: hits() and all(t.text.startswith("zh") for t in
                                          hits()[0].find_elements(By.CSS_SELECTOR, ".lang-tag")))
    check("информационная безопасность" in hits()[0].text, "the matched term stays with to=zh")
    check("to=zh" in d.current_url, "the address holds the languages")
    d.find_element(By.CSS_SELECTOR, 'input[name="to"][value="zh"]').send_keys(Keys.SPACE)

    # --- Enter searches; then the keyboard alone opens the first result
    box = d.find_element(By.ID, "q")
    box.clear()
    box.send_keys("資訊安全", Keys.ENTER)
    wait.until(first_hit_is("information-security", "資訊安全"))
    box.click()
    for _ in range(40):
        d.switch_to.active_element.send_keys(Keys.TAB)
        if "/c/" in (d.switch_to.active_element.get_attribute("href") or ""):
            break
    focused = d.switch_to.active_element
    check("/c/information-security" in (focused.get_attribute("href") or ""),
          "Tab reaches the first result")
    focused.send_keys(Keys.ENTER)
    wait.until(EC.url_contains("/c/information-security"))
    check(True, "Enter on a result opens its concept")

    # --- a concept page, opened directly
    d.get(base + "/c/information-security")
    h1 = d.find_element(By.TAG_NAME, "h1")
    check(h1.text == "информационная безопасность", "/c/ID: the heading is the Russian term")
    body = d.find_element(By.TAG_NAME, "main").text
    check("信息安全" in body, "/c/ID shows 信息安全")
    mark = d.find_elements(By.CSS_SELECTOR, "main .unverified")
    check(mark and mark[0].is_displayed() and mark[0].text == "NOT VERIFIED",
          "/c/ID carries a visible NOT VERIFIED mark")
    cells = d.find_elements(By.CSS_SELECTOR, 'td.term[lang="fa"]')
    check(cells and cells[0].get_attribute("dir") == "rtl", "/c/ID: the Persian term is right to left")
    quotes = d.find_elements(By.CSS_SELECTOR, "section.national blockquote.statute")
    check(len(quotes) == 8 and quotes[0].get_attribute("lang") == "zh" and
          quotes[0].get_attribute("cite").startswith("https://") and quotes[0].is_displayed(),
          "/c/ID: the national definitions are quoted statutory text with lang and cite")
    links = d.find_elements(By.CSS_SELECTOR, "section.national .src a")
    check(links and all(a.get_attribute("rel") == "noopener noreferrer nofollow" for a in links),
          "/c/ID: the addresses of the acts are nofollow links")

    # --- a hostile entry: text, not markup
    d.get(base + "/c/hostile-entry")
    no_alert("/c/hostile-entry")
    check(d.find_element(By.TAG_NAME, "h1").text == "<script>alert(1)</script> вредоносная запись",
          "/c/hostile-entry: the heading is the raw text")
    en = d.find_elements(By.CSS_SELECTOR, 'td.term[lang="en"]')
    check(en and en[0].text == '"><img src=x onerror=alert(1)>', "the English term is the raw text")
    ur = d.find_elements(By.CSS_SELECTOR, 'td.term[lang="ur"]')
    check(ur and ur[0].get_attribute("dir") == "rtl", "the Urdu term is right to left")
    check(not d.find_elements(By.TAG_NAME, "img"), "no <img> element")
    check(len(d.find_elements(By.TAG_NAME, "script")) == 1, "one <script> element (the page's)")
    check(not d.find_elements(By.CSS_SELECTOR, 'a[href^="javascript"]'), "no javascript: link")
    quotes = d.find_elements(By.CSS_SELECTOR, "blockquote.statute")
    check([q.text for q in quotes] == ["</blockquote><script>alert(7)</script> text",
                                       "معلومات کی حفاظت \"quoted\" & 'apostrophes'"],
          "the national definitions are the raw text: %r" % [q.text for q in quotes])
    check(quotes and quotes[-1].get_attribute("dir") == "rtl", "the Urdu statutory text is right to left")
    # and the same entry found by search, built by the script
    d.get(base + "/")
    wait.until(lambda drv: drv.find_element(By.ID, "search").get_attribute("data-ready") == "1")
    d.find_element(By.ID, "q").send_keys("вредоносная запись")
    wait.until(first_hit_is("hostile-entry", "вредоносная запись"))
    no_alert("search for the hostile entry")
    title = hits()[0].find_element(By.CSS_SELECTOR, "h2 a span")
    check(title.text == "<script>alert(1)</script> вредоносная запись",
          "the hit's title is the raw text")
    texts = [e.text for e in hits()[0].find_elements(By.CSS_SELECTOR, ".def-text span[lang]")]
    check(texts == ["</span><script>alert(2)</script> запись &lt;b&gt; с 'кавычками' & \"двойными\""],
          "the definition is the raw text: %r" % texts)
    check(not d.find_elements(By.TAG_NAME, "img"), "no <img> element after the search")
    check(len(d.find_elements(By.TAG_NAME, "script")) == 1, "still one <script> element")

    # --- how a query matched: the script draws what the server renders
    SHAPE = """
    function shape(n) {
      if (n.nodeType === 3) { var t = n.textContent.replace(/\\s+/g, ' '); return t.trim() ? t : ''; }
      if (n.nodeType !== 1) return '';
      var s = '<' + n.tagName.toLowerCase() + ['class', 'lang', 'dir', 'href'].map(function (k) {
        return n.hasAttribute(k) ? ' ' + k + '="' + n.getAttribute(k) + '"' : ''; }).join('') + '>';
      n.childNodes.forEach(function (c) { s += shape(c); });
      return s + '</' + n.tagName.toLowerCase() + '>';
    }
    return shape(document.getElementById('message')) + shape(document.getElementById('results'));
    """
    from urllib.parse import quote
    for q, said in (("byajhvfwbjyyfz", "Typed in the English (US) layout; read as Russian «информационная»."),
                    ("информационная безопасность государства", "No term is the whole query; the terms inside it:"),
                    ("Все государства-члены и их граждане должны всегда обеспечивать информационную безопасность",
                     "No term is the whole query; the terms inside it:"),
                    ("امنیت اطلاعات ISO 27001", "No term is the whole query; the terms inside it:"),
                    ("infomation securty", "Did you mean information security?"),
                    ("psychological", "No term matches the query; see also the concepts whose definitions or notes use it:")):
        d.get(base + "/?q=" + quote(q))
        server = d.execute_script(SHAPE)
        d.get(base + "/")
        wait.until(lambda drv: drv.find_element(By.ID, "search").get_attribute("data-ready") == "1")
        d.find_element(By.ID, "q").send_keys(q)
        wait.until(lambda drv: ("\u00ab" + q + "\u00bb") in drv.find_element(By.ID, "message").text
                   and drv.find_elements(By.CSS_SELECTOR, "#results p.notice"))
        script = d.execute_script(SHAPE)
        check(script == server, "%s: the script draws what the server renders:\n%s\n%s" % (q, server[:1500], script[:1500]))
        notice = d.find_element(By.CSS_SELECTOR, "#results p.notice")
        check(notice.text == said, "%s: above the results %r" % (q, notice.text))
    marks = d.find_elements(By.CSS_SELECTOR, "#results p.matched mark")
    check(not marks, "a typo marks nothing in the query: %r" % [m.text for m in marks])
    d.get(base + "/")
    wait.until(lambda drv: drv.find_element(By.ID, "search").get_attribute("data-ready") == "1")
    d.find_element(By.ID, "q").send_keys("информационная безопасность государства")
    wait.until(lambda drv: drv.find_elements(By.CSS_SELECTOR, "#results p.matched mark"))
    mark = d.find_element(By.CSS_SELECTOR, "#results p.matched mark")
    check(mark.text == "информационная безопасность" and mark.is_displayed() and
          mark.find_element(By.XPATH, "..").get_attribute("lang") == "ru",
          "the span of the query where the term was found is marked, in a bdi with lang")
    check(d.find_element(By.CSS_SELECTOR, "#results > p.meta code").text == "glossa scan FILE",
          "the whole text: glossa scan")
    link = d.find_elements(By.CSS_SELECTOR, "#results p.notice a")
    check(not link, "no did-you-mean link for a within match")

    # --- Persian typed in the box runs right to left (dir=auto); the status
    # message isolates the query in a <bdi>, its Persian in lang=fa
    d.get(base + "/")
    wait.until(lambda drv: drv.find_element(By.ID, "search").get_attribute("data-ready") == "1")
    box = d.find_element(By.ID, "q")
    box.send_keys("امنیت اطلاعات")
    wait.until(first_hit_is("information-security", "امنیت اطلاعات"))
    check(d.execute_script("return getComputedStyle(arguments[0]).direction", box) == "rtl",
          "the box with Persian in it is right to left (dir=auto)")
    bdi = d.find_elements(By.CSS_SELECTOR, "#message bdi[lang=fa]")
    check(bdi and bdi[0].text == "امنیت اطلاعات" and bdi[0].get_attribute("dir") == "rtl",
          "the status message isolates the Persian query, in its language")
    st = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#results li.hit .terms li") if e.text.startswith("zh ")]
    check(st and st[0].endswith("preferred, working translation"), "a working translation is marked: %r" % st[:1])

    # --- a phone: at 390 and 320 px nothing is wider than the screen, the search
    # form takes less than half of it, the NOT VERIFIED badge and the language
    # tags (zh-Hant-TW) are each one line; GLOSSA_SCREENSHOTS=DIR keeps the pictures
    LAYOUT = """
    var rects = function (sel) { return Array.from(document.querySelectorAll(sel)).map(function (e) {
      return e.getClientRects().length; }); };
    var btn = document.querySelector('#search button').getBoundingClientRect();
    return { width: document.scrollingElement.scrollWidth, inner: innerWidth, height: innerHeight,
             header: document.querySelector('header').getBoundingClientRect().height,
             button: btn.right, badges: rects('.unverified'), tags: rects('.lang-tag, .lang-code') };
    """
    shots = os.environ.get("GLOSSA_SCREENSHOTS")
    for width in (1280, 390, 320):
        d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                          {"width": width, "height": 844, "deviceScaleFactor": 1, "mobile": False})
        for name, path in (("home", "/"), ("results", "/?q=" + quote("информационной безопасности")),
                           ("fa", "/?q=" + quote("امنیت اطلاعات")), ("concept", "/c/information-security"),
                           ("status", "/status")):
            d.get(base + path)
            m = d.execute_script(LAYOUT)
            where = "%s at %d px" % (path, width)
            check(m["width"] <= m["inner"] == width, "%s: the page is %d px wide" % (where, m["width"]))
            check(m["button"] <= width, "%s: the Search button ends at %d px" % (where, m["button"]))
            check(width > 1000 or m["header"] < m["height"] / 2,
                  "%s: the search form takes %d of %d px" % (where, m["header"], m["height"]))
            check(all(n == 1 for n in m["badges"]), "%s: NOT VERIFIED on one line: %r" % (where, m["badges"]))
            check(all(n == 1 for n in m["tags"]), "%s: each language tag on one line" % where)
            if shots:
                d.save_screenshot(os.path.join(shots, "%s-%d.png" % (name, width)))
    d.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    problems = [e for e in d.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e.get("message", "")]
    check(not problems, "nothing in the console: %r" % problems)
finally:
    d.quit()
print("%d passed, %d failed" % (checks - failures, failures))
sys.exit(1 if failures else 0)
EOF

run timeout 90 "$PY" "$WORK/browser.py" "http://127.0.0.1:$PORT" "$CHROMIUM" "$DRIVER" "$WORK"
echo "$OUT"
expect_rc 0 "the browser checks"
expect_out "0 failed"
stop_server
expect_rc 0 "the server stopped by SIGTERM"
finish
