// tests/web/a11y.js — the pages of `glossa serve --http` checked in headless
// Chromium (playwright-core) with axe-core: every page kind (home, results in
// ru, zh, en and fa, a cut result list, a concept, no result, a 404) in light
// and dark mode has no violation of WCAG 2.1 A/AA or axe's best practices; at
// 320 px nothing is wider than the screen; no element has lang=""; no text in
// a non-Latin script is marked English (or unmarked) unless isolated in a
// <bdi>; the search field is dir=auto; the focus ring has a contrast of 3:1 or more; the live
// region speaks once when typing pauses. Prints "FAIL: …" lines and "N passed,
// M failed"; exits 1 on a failure. Run by tests/cli/0949-web-a11y.t:
//   node tests/web/a11y.js BASE_URL CHROMIUM WORK_DIR
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [base, executablePath, work] = process.argv.slice(2);
let checks = 0, failures = 0;
function check(ok, what) {
  checks++;
  if (!ok) { failures++; console.log('FAIL: ' + what); }
}

const q = s => '/?q=' + encodeURIComponent(s);
const PAGES = [
  ['home', '/'],
  ['results ru', q('информационной безопасности')],
  ['results zh', q('信息安全')],
  ['results en', q('information security')],
  ['results fa', q('امنیت اطلاعات ISO 27001')],
  ['results cut', q('инф')],
  ['results ur filter', q('information security') + '&to=ur'],
  ['concept', '/c/information-security?q=' + encodeURIComponent('информационной безопасности')],
  ['no result', q('qqxyzzy')],
  ['404', '/c/no-such-concept'],
];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// The contrast ratio of two CSS colours rgb(r, g, b) (WCAG 2.1 relative luminance).
function contrast(a, b) {
  const lum = c => {
    const [r, g, bl] = c.match(/[\d.]+/g).slice(0, 3).map(Number).map(v => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
  return (x + 0.05) / (y + 0.05);
}

(async () => {
  const browser = await chromium.launch({
    executablePath, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync',
           '--disable-dev-shm-usage'],
  });
  const consoleErrors = [];
  try {
    for (const scheme of ['light', 'dark']) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme });
      const page = await ctx.newPage();
      // the 404 page's own status is not a problem of the page
      page.on('console', m => {
        if (m.type() === 'error' && !/\/c\/no-such-concept$/.test(m.location().url)) consoleErrors.push(m.text());
      });
      for (const [name, addr] of PAGES) {
        const where = `${name} (${scheme})`;
        await page.goto(base + addr);
        await page.evaluate(axeSource);
        const r = await page.evaluate(tags => window.axe.run(document, {
          runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), TAGS);
        check(r.violations.length === 0, `${where}: axe: ` + r.violations.map(v =>
          `${v.id} (${v.impact}): ${v.help} — ` + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join('; ')).join(' | '));
        if (scheme === 'dark') continue;
        const m = await page.evaluate(() => ({
          emptyLang: document.querySelectorAll('[lang=""]').length,
          dir: document.getElementById('q').getAttribute('dir'),
          h1: document.querySelectorAll('h1').length,
          // text in a non-Latin script whose nearest lang is English (or none), not isolated in a bdi
          english: (() => {
            const out = [], w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (let n; (n = w.nextNode());) {
              const p = n.parentElement;
              if (!/[\u0400-\u04FF\u0590-\u08FF\u0900-\u0DFF\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF]/.test(n.data) ||
                  !p || p.closest('script, style, noscript, bdi')) continue;
              const l = p.closest('[lang]');
              if (!l || /^en(-|$)/i.test(l.getAttribute('lang'))) out.push(n.data.trim().slice(0, 40));
            }
            return out;
          })(),
        }));
        check(m.emptyLang === 0, `${where}: ${m.emptyLang} elements with lang=""`);
        check(m.dir === 'auto', `${where}: the search field is dir=${m.dir}`);
        check(m.h1 === 1, `${where}: ${m.h1} h1 elements`);
        check(m.english.length === 0, `${where}: non-Latin text marked English: ${JSON.stringify(m.english)}`);
      }
      // the focus ring against the page's background
      await page.goto(base + '/');
      await page.keyboard.press('Tab'); // the skip link or the first control
      await page.focus('#q');
      const ring = await page.evaluate(() => {
        const e = document.activeElement;
        return [getComputedStyle(e).outlineColor, getComputedStyle(document.body).backgroundColor,
                getComputedStyle(e).outlineStyle];
      });
      const ratio = contrast(ring[0], ring[1]);
      check(ring[2] !== 'none' && ratio >= 3,
            `${scheme}: the focus ring ${ring[0]} on ${ring[1]} is ${ratio.toFixed(2)}:1`);
      await ctx.close();
    }

    // what the pages say: results cut at the limit, a language with no data,
    // no result, language names, the query's language, the skip link, fonts
    {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await ctx.newPage();
      const text = sel => page.$eval(sel, e => e.textContent.replace(/\s+/g, ' ').trim()).catch(() => null);
      const attr = (sel, a) => page.$eval(sel, (e, a) => e.getAttribute(a), a).catch(() => null);
      await page.goto(base + q('инф'));
      const total = await page.evaluate(() => (document.body.textContent.match(/10 of (\d+) concepts/) || [])[1]);
      check(total && +total > 10, 'инф: the message says how many there are: ' + await text('#message'));
      check(await text('#message') === `10 of ${total} concepts for «инф» — show all.`,
            'инф: the message ' + await text('#message'));
      check(await attr('#message a', 'href') === `/?q=%D0%B8%D0%BD%D1%84&limit=${total}`,
            'инф: show all links to every result: ' + await attr('#message a', 'href'));
      check(await text('p.more') === `Show all ${total} concepts`, 'инф: a link after the list: ' + await text('p.more'));
      check(await attr('#message bdi', 'lang') === 'ru', 'инф: the query in a bdi lang=ru');
      check(await attr('#skip', 'href') === '#results', 'results: the skip link leads to the results');
      await page.goto(base + q('信息安全'));
      check(await attr('#message bdi', 'lang') === 'zh', '信息安全: the query in a bdi lang=zh');
      check(await attr('abbr[title="Chinese (Traditional, Taiwan)"]', 'title') &&
            await text('abbr[title="Chinese (Traditional, Taiwan)"]') === 'zh-Hant-TW', 'zh-Hant-TW has its name in an abbr');
      const font = await page.$eval('.term[lang="zh-Hant-TW"]', e => getComputedStyle(e).fontFamily);
      check(/CJK TC/.test(font) && !/SC/.test(font.split(',')[0]), 'zh-Hant-TW is drawn with a Traditional face: ' + font);
      const sizes = await page.$eval('.term[lang="fa"]', e => [parseFloat(getComputedStyle(e).fontSize),
        parseFloat(getComputedStyle(e.parentNode).fontSize)]);
      check(sizes[0] > sizes[1], 'Persian is drawn larger than the line: ' + sizes);
      check(await attr('.unverified', 'aria-describedby') === 'rel-note' && await attr('.unverified', 'title') === null &&
            /reliability 1 of 4/.test(await text('#rel-note')), 'NOT VERIFIED is explained in text');
      await page.goto(base + q('information security') + '&to=ur');
      check(await text('.hit .nodata') === 'No term in Urdu (ur).', 'to=ur: ' + await text('.hit .nodata'));
      check(await text('.hit .defs .nodata') === 'No definition in Urdu (ur).', 'to=ur: ' + await text('.hit .defs .nodata'));
      await page.goto(base + q('information security') + '&to=zh&to=ru');
      const order = await page.$$eval('.hit:first-child .terms .lang-tag', l => l.map(e => e.textContent));
      check(order.join(' ') === 'zh zh-Hant-TW zh-Hant-TW ru ru',
            'the terms in the order of the languages picked: ' + order.join(' '));
      await page.goto(base + q('qqxyzzy') + '&to=ur');
      check(await text('#message') === 'No concept matches «qqxyzzy».', 'no result: ' + await text('#message'));
      check(await text('ul.next li:first-child') === 'Clear the language filter and search every language.' &&
            await attr('ul.next a', 'href') === '/?q=qqxyzzy', 'no result: clear the language filter');
      check(await page.$('#skip') === null, 'no result: no skip link');
      await page.goto(base + '/');
      check(await page.$('#skip') === null, 'home: no skip link');
      await page.goto(base + '/c/information-security?q=' + encodeURIComponent('信息安全'));
      check(await text('h1') === '信息安全' && await attr('h1 span', 'lang') === 'zh',
            'the concept page reached from 信息安全 is headed 信息安全: ' + await text('h1'));
      check(await attr('#q', 'value') === '信息安全' && await text('.back') === 'Back to the results for «信息安全»',
            'the concept page keeps the query');
      await page.goto(base + '/c/information-security?to=fa');
      check(await text('h1') === 'امنیت اطلاعات', 'the concept page with to=fa is headed in Persian: ' + await text('h1'));
      await page.goto(base + '/c/information-security');
      check(/short form/.test(await text('table.terms')) && !/shortForm/.test(await text('table.terms')),
            'TBX term types in words');
      // the script draws what the server renders
      for (const [query, to] of [['инф', ''], ['qqxyzzy', 'ur'], ['information security', 'ur'], ['信息安全', '']]) {
        const SHAPE = () => {
          const shape = n => {
            if (!n) return '(none)';
            if (n.nodeType === 3) { const t = n.textContent.replace(/\s+/g, ' '); return t.trim() ? t : ''; }
            if (n.nodeType !== 1) return '';
            let s = '<' + n.tagName.toLowerCase() + ['class', 'lang', 'dir', 'href', 'title', 'aria-describedby']
              .map(k => n.hasAttribute(k) ? ` ${k}="${n.getAttribute(k)}"` : '').join('') + '>';
            n.childNodes.forEach(c => { s += shape(c); });
            return s + '</' + n.tagName.toLowerCase() + '>';
          };
          return ['heading', 'message', 'results'].map(id => shape(document.getElementById(id))).join('\n') +
                 '\nskip ' + !!document.getElementById('skip');
        };
        await page.goto(base + q(query) + (to ? '&to=' + to : ''));
        const server = await page.evaluate(SHAPE);
        await page.goto(base + '/' + (to ? '?to=' + to : ''));
        await page.waitForSelector('#search[data-ready="1"]');
        if (to) await page.check(`input[name="to"][value="${to}"]`);
        await page.fill('#q', query);
        await page.press('#q', 'Enter');
        await page.waitForFunction(s => document.getElementById('message').textContent.includes('«' + s + '»'), query);
        const script = await page.evaluate(SHAPE);
        let at = 0;
        while (at < server.length && server[at] === script[at]) at++;
        check(script === server, `${query} ${to}: the script draws what the server renders; from character ${at}:\n` +
              `server: ${server.slice(Math.max(0, at - 200), at + 300)}\nscript: ${script.slice(Math.max(0, at - 200), at + 300)}`);
      }
      await ctx.close();
    }

    // a phone: nothing wider than 320 px
    const ctx = await browser.newContext({ viewport: { width: 320, height: 640 } });
    const page = await ctx.newPage();
    for (const [name, addr] of PAGES.concat([['status', '/status']])) {
      await page.goto(base + addr);
      const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
      check(w <= 320, `${name} at 320 px: the page is ${w} px wide`);
      // nothing clipped: the Search button and every language of the picker on the screen
      const out = await page.evaluate(() => Array.from(document.querySelectorAll('#search button, fieldset.langs label'))
        .filter(e => e.getBoundingClientRect().right > innerWidth).map(e => e.textContent));
      check(out.length === 0, `${name} at 320 px: off the screen: ${out.join(', ')}`);
    }

    // the live region speaks once typing pauses, not on every key: each change
    // of the message comes a second or more after the last key before it (on a
    // loaded machine a key may itself come late: then the message may speak
    // between keys, but never within the second after one)
    await page.goto(base + '/');
    await page.waitForSelector('#search[data-ready="1"]');
    await page.evaluate(() => {
      window.said = [];
      window.keys = [];
      document.getElementById('q').addEventListener('input', () => window.keys.push(performance.now()));
      new MutationObserver(() => window.said.push([performance.now(), document.getElementById('message').textContent]))
        .observe(document.getElementById('message'), { childList: true, subtree: true, characterData: true });
    });
    // a slow typist: a pause after each key longer than the search's (200 ms)
    await page.type('#q', 'информационной', { delay: 300 });
    await page.waitForFunction(() => window.said.some(s => s[1].includes('«информационной»')), null, { timeout: 20000 });
    const typed = await page.evaluate(() => ({ said: window.said, keys: window.keys }));
    const early = typed.said.filter(([t]) => {
      const before = typed.keys.filter(k => k <= t);
      return before.length && t - before[before.length - 1] < 950;
    });
    check(typed.keys.length === 14 && early.length === 0,
          `typing one word: the live region spoke within a second of a key ${early.length} times of ` +
          `${typed.said.length}: ` + JSON.stringify(typed.said.map(s => s[1])));
    await ctx.close();

    check(consoleErrors.length === 0, 'nothing in the console: ' + JSON.stringify(consoleErrors));
  } finally {
    await browser.close();
  }
  console.log(`${checks - failures} passed, ${failures} failed`);
  process.exit(failures ? 1 : 0);
})().catch(e => { console.log('FAIL: ' + (e && e.stack || e)); process.exit(1); });
