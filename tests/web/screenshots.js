// tests/web/screenshots.js — pictures of the results page of `glossa serve
// --http` in Russian, Chinese (Simplified and Traditional), Persian and Hindi
// at 320, 390 and 1280 px, for a person to look at (the fonts, the right-to-
// left line, what a phone shows first). Writes DIR/LANG-WIDTH.png (the top of
// the page, 844 px tall) and DIR/LANG-WIDTH-full.png (the whole page):
//   node tests/web/screenshots.js BASE_URL CHROMIUM DIR
// (tests/web/node_modules from .ci/install-deps; the server indexed with
// glossary/ and glossary/national/, e.g. `glossa index && glossa serve --http`).
// GLOSSA_FONTS=FONTS_DIR adds a folder of fonts for this Chromium alone (its
// own fontconfig file), so that the faces the page names are drawn without
// installing them for the whole machine (where they would change how
// LibreOffice lays out the protocols, 0710): for example
//   cd FONTS_DIR && apt-get download fonts-noto-cjk fonts-noto-core &&
//   for d in *.deb; do dpkg-deb -x "$d" .; done
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const [base, executablePath, dir] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node tests/web/screenshots.js BASE_URL CHROMIUM DIR');
  process.exit(2);
}
const QUERIES = [
  ['ru', 'информационной безопасности', ''],
  ['zh', '信息安全', ''],
  ['zh-Hant', '資訊安全', 'zh'],
  ['fa', 'امنیت اطلاعات', ''],
  ['hi', 'सूचना सुरक्षा', ''],
];

(async () => {
  fs.mkdirSync(dir, { recursive: true });
  const env = Object.assign({}, process.env);
  if (process.env.GLOSSA_FONTS) {
    const conf = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossa-fonts-')), 'fonts.conf');
    fs.writeFileSync(conf, '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n' +
      '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n' +
      `<dir>${path.resolve(process.env.GLOSSA_FONTS)}</dir>\n<cachedir>${path.dirname(conf)}</cachedir>\n</fontconfig>\n`);
    env.FONTCONFIG_FILE = conf;
  }
  const browser = await chromium.launch({
    executablePath, headless: true, env,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const width of [320, 390, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 844 } });
      const page = await ctx.newPage();
      for (const [name, q, to] of QUERIES) {
        await page.goto(base + '/?q=' + encodeURIComponent(q) + (to ? '&to=' + to : ''));
        const file = path.join(dir, `${name}-${width}.png`);
        await page.screenshot({ path: file });
        await page.screenshot({ path: path.join(dir, `${name}-${width}-full.png`), fullPage: true });
        const w = await page.evaluate(() => document.scrollingElement.scrollWidth);
        console.log(`${file}: ${w} px wide`);
      }
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
})().catch(e => { console.error(e && e.stack || e); process.exit(1); });
