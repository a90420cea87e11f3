// Every picture of the course site as the common colour-vision deficiencies see it, for a person to look
// at: each picture in a row of five, as it is, in grey, and as protanopia, deuteranopia and tritanopia
// see it (Machado, Oliveira and Fernandes 2009, full severity), simulated by SVG colour-matrix filters in
// Chromium. Writes build/colour-vision/<page>-<n>.png, one file per picture; run it after ./lab run:
//
//   node browser-tests/colour-vision.mjs [PAGE-NAME-PART]
//
// Look for meaning carried by colour alone: two lines, two kinds of cell or two bars that only their
// colour tells apart, or a heat-map scale whose steps no longer read darker for larger values.
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SITE = join(ROOT, 'build', 'site');
const OUT = join(ROOT, 'build', 'colour-vision');
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

/** The views, each a 3x3 matrix on linear RGB (an SVG feColorMatrix works in linear RGB). */
const VIEWS = {
  'as it is': null,
  grey: [0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722, 0.2126, 0.7152, 0.0722],
  protanopia: [0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116, 1.051998],
  deuteranopia: [0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940, 0.968881],
  tritanopia: [1.255528, -0.076749, -0.178779, -0.078411, 0.930809, 0.147602, 0.004733, 0.691367, 0.303900],
};

function filters() {
  return Object.entries(VIEWS).filter(([, m]) => m).map(([name, m]) => `<filter id="${name}">
    <feColorMatrix type="matrix" values="${m.slice(0, 3).join(' ')} 0 0 ${m.slice(3, 6).join(' ')} 0 0 ${
  m.slice(6).join(' ')} 0 0 0 0 0 1 0"/></filter>`).join('\n');
}

function strip(src) {
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><style>
    body { margin: 0; font: 14px sans-serif; background: #fff; }
    .row { display: flex; flex-wrap: wrap; gap: 12px; padding: 8px; align-items: flex-start; width: 1440px; }
    figure { margin: 0; } figcaption { text-align: center; padding: 4px; }
    img { max-width: 460px; }</style></head><body>
    <svg width="0" height="0" style="position:absolute">${filters()}</svg>
    <div class="row">${Object.keys(VIEWS).map((name) => `<figure><img src="${src}" alt=""${
  VIEWS[name] ? ` style="filter: url(#${name})"` : ''}><figcaption>${name}</figcaption></figure>`).join('')}</div>
    </body></html>`;
}

async function main() {
  const only = process.argv[2] ?? '';
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'pooling-lab-colour-vision-'));
  const context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1480, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? await context.newPage();
    const pages = readdirSync(SITE).filter((name) => name.endsWith('.html') && name.includes(only)).sort();
    let written = 0;
    for (const name of pages) {
      await page.goto(pathToFileURL(join(SITE, name)).href);
      const sources = await page.$$eval('img', (images) => images.map((image) => image.src));
      for (const [i, src] of sources.entries()) {
        const file = join(scratch, 'strip.html');
        writeFileSync(file, strip(src));
        await page.goto(pathToFileURL(file).href);
        await page.waitForFunction(() => [...document.images].every((image) => image.complete));
        await page.locator('.row').screenshot({ path: join(OUT, `${name.replace(/\.html$/, '')}-${i + 1}.png`) });
        written += 1;
      }
    }
    console.log(`colour vision: ${written} pictures in five views each, in ${OUT}`);
  } finally {
    await context.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`colour vision: ${error.stack || error}`);
  process.exit(1);
});
