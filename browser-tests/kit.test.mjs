// The kit as students and instructors meet it, in a real browser: Debian's Chromium driven by
// playwright-core (never a downloaded browser). Run by ./lab test after the Maven tests, which execute
// the notebooks that build/site/ and build/slides/ are then written from.
//
//   1. the checks themselves: a page with a broken picture and a request to the internet must fail them;
//   2. Jupyter: the kit's Jupyter on a free port opens notebook 01 on the Java kernel and runs every
//      cell through the menu; every picture shows (the animation too) and no cell fails or writes to
//      stderr. In the exercise notebook a wrong answer to output-size fails its check and a right
//      one passes. Jupyter works on copies, so nothing in the kit is saved over;
//   3. the course site from file://: the home page, every notebook page, every slide deck walked to its
//      last slide; every picture shows, pictures and code fit a slide, and no request leaves the machine;
//      axe-core finds no violation of WCAG 2.1 A and AA on any page or slide, and every picture has a text
//      alternative.
//
// Screenshots of each step go to build/browser-test/ (kept, also after a failure); Jupyter's log too.
// Everything it starts (Chromium, Jupyter, the kernels) is stopped at the end, also after a failure.
import { chromium } from 'playwright-core';
import {
  appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Jupyter } from './jupyter.mjs';
import {
  Watch, accessibilityProblems, brokenLinks, brokenPictures, headingsOutOfOrder, shownPictures,
  undescribedPictures,
} from './checks.mjs';
import {
  answer, cellTagged, codeCells, openNotebook, outputProblems, rightAnswer, runAll, runAllAbove, waitUntilRun,
} from './notebook-page.mjs';
import {
  Steps, check, checkNone, exitWith, finish, waitFor,
} from './steps.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'browser-test');
const SITE = join(ROOT, 'build', 'site');
const PYTHON = process.env.POOLING_LAB_PYTHON || '/usr/bin/python3';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const NOTEBOOK_01 = 'notebooks/01-what-is-pooling.ipynb';
const EXERCISES = 'exercises/pooling-exercises.ipynb';
const ANIMATION = 'animations/max-pooling-4x4.gif';
const RUN_AGAIN = '// run this cell again to move the window'; // the stepper cell of notebooks 01 and 02
/** The slide on show: the innermost section reveal.js marks present. */
const CURRENT_SLIDE = '.reveal .slides section.present:not(:has(section.present))';

// ---------------------------------------------------------------- the checks themselves

async function checksCatchProblems(steps, page, watch) {
  steps.group('the checks themselves');
  await steps.step('a broken picture, a request to the internet and a broken link are caught', async () => {
    await page.goto(pathToFileURL(join(ROOT, 'browser-tests', 'fixtures', 'broken.html')).href);
    const problems = [...await brokenPictures(page), ...await brokenLinks(page), ...watch.problems()];
    const expected = ['a picture did not load: missing.png', 'a request leaves the machine: https://example.com/',
      `a link leads nowhere: ${pathToFileURL(join(ROOT, 'browser-tests', 'fixtures', 'missing.html')).href}`];
    const missed = expected.filter((problem) => !problems.some((found) => found.startsWith(problem)));
    check(missed.length === 0, `the checks should catch the ${expected.length} problems of fixtures/broken.html `
      + `but missed:\n${missed.join('\n')}\nand found:\n${problems.join('\n')}`);
    check(!problems.some((found) => found.includes('broken.html')), 'the link to the page itself counts as broken');
    return `${problems.length} problems found, as they should be`;
  });
  await steps.step('a page without a language, with pictures without text, pale text and a heading out of order is '
    + 'caught', async () => {
    await page.goto(pathToFileURL(join(ROOT, 'browser-tests', 'fixtures', 'inaccessible.html')).href);
    const problems = [...await accessibilityProblems(page), ...await undescribedPictures(page),
      ...await headingsOutOfOrder(page)];
    const expected = ['accessibility: html-has-lang', 'accessibility: image-alt', 'accessibility: color-contrast',
      'a picture without a text alternative', 'a heading out of order: h3 "Skipped a level" after an h1'];
    const missed = expected.filter((problem) => !problems.some((found) => found.startsWith(problem)));
    check(missed.length === 0, `the accessibility checks should catch what fixtures/inaccessible.html lacks but `
      + `missed:\n${missed.join('\n')}\nand found:\n${problems.join('\n')}`);
    check(problems.filter((found) => found.startsWith('a picture without')).length === 2,
      `both pictures without a text alternative should be named:\n${problems.join('\n')}`);
    return `${problems.length} problems found, as they should be`;
  });
}

/**
 * What a page of the site must not have: missing pictures or text alternatives, dead links, headings out of
 * order, WCAG failures.
 */
async function pageProblems(page) {
  return [...await brokenPictures(page), ...await undescribedPictures(page), ...await brokenLinks(page),
    ...await headingsOutOfOrder(page), ...await accessibilityProblems(page)];
}

// ---------------------------------------------------------------- Jupyter

/**
 * The kit's files a student works on, copied, so that nothing Jupyter saves lands in the kit; with the
 * animation an earlier run of notebook 01 made (./lab notebook makes sure there is one), since Jupyter
 * draws the markdown cell that shows it when the notebook opens.
 */
function copyOfTheKit(scratch) {
  const kit = join(scratch, 'kit');
  check(existsSync(join(ROOT, 'notebooks', ANIMATION)),
    `notebooks/${ANIMATION} is missing: run notebook 01 first (./lab run does, and so do the Maven tests)`);
  for (const file of [NOTEBOOK_01, EXERCISES, `notebooks/${ANIMATION}`]) {
    mkdirSync(dirname(join(kit, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(kit, file));
  }
  mkdirSync(join(kit, 'notebook-jar', 'target'), { recursive: true });
  symlinkSync(join(ROOT, 'notebook-jar', 'target', 'pooling-lab.jar'),
    join(kit, 'notebook-jar', 'target', 'pooling-lab.jar'));
  return kit;
}

const WRONG_OUTPUT_SIZE = `int outputSize(int input, int window, int stride, int padding, boolean ceilMode) {
    return (input + 2 * padding - window) / stride;
}`;

async function inJupyter(steps, page, scratch, started) {
  steps.group('Jupyter (notebook 01 and the exercises, on copies)');
  const log = join(OUT, 'jupyter.log');
  let jupyter;
  let kit;
  await steps.step('Jupyter starts on a free port', async () => {
    kit = copyOfTheKit(scratch);
    jupyter = await Jupyter.start({
      python: PYTHON, folder: kit, jupyterPath: join(ROOT, '.jupyter'), scratch,
      log: (chunk) => appendFileSync(log, chunk),
    });
    started.jupyter = jupyter;
    return `port ${jupyter.port}`;
  });
  await steps.step('notebook 01 opens on the Java kernel, unmodified',
    async () => openNotebook(page, jupyter.url(`notebooks/${NOTEBOOK_01}`), join(kit, NOTEBOOK_01)));
  let ranAt;
  await steps.step('Cell > Run All runs every cell of notebook 01', async () => {
    ranAt = Date.now();
    checkNone(await runAll(page), 'notebook 01 did not run cleanly');
    return `${await codeCells(page)} code cells`;
  });
  await steps.step('every picture of notebook 01 shows, the animation too', async () => {
    await page.waitForTimeout(500);
    checkNone(await brokenPictures(page, '#notebook-container img'), 'pictures missing');
    const animation = page.locator(`#notebook-container img[src$="${ANIMATION}"]`);
    check(await animation.count() === 1, `no picture shows ${ANIMATION}`);
    await animation.scrollIntoViewIfNeeded();
    const written = statSync(join(kit, 'notebooks', ANIMATION)).mtimeMs;
    check(written >= ranAt - 1000, `Run All did not write ${ANIMATION} again`);
    // Each picture output carries its description as plain text: its text alternative in the notebook file
    const undescribed = await page.evaluate(() => Jupyter.notebook.get_cells().flatMap((cell, index) => (
      cell.output_area?.outputs ?? []).filter((output) => output.data?.['image/png']
      && !(output.data['text/plain'] ?? '').trim()).map(() => `cell ${index + 1}: a picture without a description`)));
    checkNone(undescribed, 'pictures of notebook 01');
    return `${await shownPictures(page, '#notebook-container img')} pictures, each output with its description`;
  });
  await steps.step('the stepper cell of notebook 01 shows the next step each time it runs again', async () => {
    const index = await page.evaluate((marker) => Jupyter.notebook.get_cells()
      .findIndex((cell) => cell.cell_type === 'code' && cell.get_text().includes(marker)), RUN_AGAIN);
    check(index >= 0, `no code cell of notebook 01 says "${RUN_AGAIN}"`);
    const picture = () => page.evaluate((i) => Jupyter.notebook.get_cell(i).element[0]
      .querySelector('.output_subarea img')?.getAttribute('src'), index);
    const shown = [await picture()];
    check(shown[0], 'after Run All the stepper cell shows no picture');
    for (let run = 1; run <= 4; run += 1) {
      await page.evaluate((i) => {
        Jupyter.notebook.select(i);
        Jupyter.notebook.command_mode();
      }, index);
      await page.keyboard.press('Control+Enter'); // runs the cell and stays on it, as the notebook says
      await waitUntilRun(page, `run ${run} of the stepper cell`);
      shown.push(await picture());
    }
    check(new Set(shown.slice(0, 4)).size === 4, 'the first four runs (Run All and three more) should show four '
      + 'different steps of the 2x2 pooling of a 4x4 map');
    check(shown[4] === shown[0], 'after its fourth step the stepper should start again at step 1');
    checkNone(await outputProblems(page), 'running the stepper cell again');
    await page.locator('#notebook-container .cell').nth(index).scrollIntoViewIfNeeded(); // for the screenshot
    return '4 different steps, then step 1 again';
  });
  let cells;
  await steps.step('the exercise notebook opens, unmodified, and runs up to the output-size answer', async () => {
    const opened = await openNotebook(page, jupyter.url(`notebooks/${EXERCISES}`), join(kit, EXERCISES));
    cells = {
      answer: await cellTagged(page, 'answer:output-size'),
      check: await cellTagged(page, 'check:output-size'),
    };
    check(cells.answer > 0 && cells.check > cells.answer,
      `the answer and check cells of output-size are not where they should be: ${JSON.stringify(cells)}`);
    checkNone(await runAllAbove(page, cells.answer), 'the cells above the answer did not run cleanly');
    return opened;
  });
  await steps.step('a wrong answer to output-size FAILs its check', async () => {
    const report = await answer(page, cells.answer, cells.check, WRONG_OUTPUT_SIZE);
    check(report.includes('FAIL') && !report.includes('all passed'), `the check should fail but said:\n${report}`);
    return report.split('\n')[0].trim();
  });
  await steps.step('the right answer PASSes it', async () => {
    const report = await answer(page, cells.answer, cells.check, rightAnswer(ROOT, 'output-size'));
    check(report.includes('PASS') && !report.includes('FAIL'), `the check should pass but said:\n${report}`);
    return report.split('\n')[0].trim();
  });
  await steps.step('Jupyter stops, and its kernels with it', async () => {
    await page.goto('about:blank');
    const kernels = jupyter.kernelFiles().length;
    const survivors = await jupyter.stop();
    started.jupyter = null;
    check(survivors.length === 0, `processes outlived Jupyter (now killed): ${survivors.join(', ')}`);
    check(jupyter.kernelFiles().length === 0, `kernels left behind: ${jupyter.kernelFiles().join(', ')}`);
    return `${kernels} kernels shut down`;
  });
}

// ---------------------------------------------------------------- the course site

function lessonNotebooks() {
  return readdirSync(join(ROOT, 'notebooks')).filter((name) => /^\d.*\.ipynb$/.test(name)).sort();
}

async function onTheSite(steps, page) {
  steps.group('the course site, from file://');
  const home = pathToFileURL(join(SITE, 'index.html')).href;
  let links;
  await steps.step('the home page shows a card per notebook', async () => {
    await page.goto(home);
    links = await page.evaluate(() => ({
      cards: [...document.querySelectorAll('.card h3 a')].map((a) => a.href),
      decks: [...new Set([...document.querySelectorAll('a[href*="slides/"]')].map((a) => a.href))],
      pictures: document.querySelectorAll('.card img').length,
    }));
    const lessons = lessonNotebooks().length;
    check(links.cards.length === lessons + 1, `${links.cards.length} cards, not ${lessons + 1} (a card per lesson `
      + 'notebook, and the exercises)');
    check(links.pictures === lessons, `${links.pictures} cards show a picture, not ${lessons} (one per lesson notebook)`);
    check(links.decks.length === lessons, `${links.decks.length} slide decks linked, not ${lessons}`);
    check(await page.locator(`img[src$="${ANIMATION}"]`).count() === 1, 'the home page does not show the animation');
    checkNone(await pageProblems(page), 'the home page');
    return `${links.cards.length} cards, ${links.pictures} thumbnails, ${links.decks.length} decks, every link leads `
      + 'to a file, every picture has a text alternative, no WCAG 2.1 A/AA violation';
  }, { neededByTheRest: false });
  for (const [index, address] of (links?.cards ?? []).entries()) {
    await steps.step(`page ${address.split('/').pop()}`, async () => {
      await page.goto(address);
      const shown = await page.evaluate(() => ({
        title: document.title,
        heading: document.querySelector('h1')?.firstChild?.textContent.trim(),
        home: document.querySelector('nav.course-links .home')?.href,
        previous: document.querySelector('nav.course-links .previous')?.href,
        next: document.querySelector('nav.course-links .next')?.href,
        slides: document.querySelector('nav.course-links .slides')?.href,
      }));
      check(shown.title === shown.heading, `the tab's title "${shown.title}" is not the notebook's "${shown.heading}"`);
      check(shown.home === home, `the home link goes to ${shown.home}`);
      check(shown.previous === links.cards[index - 1], `the previous link goes to ${shown.previous}`);
      check(shown.next === links.cards[index + 1], `the next link goes to ${shown.next}`);
      const lesson = index < lessonNotebooks().length;
      check(!lesson || links.decks.includes(shown.slides), `the slides link goes to ${shown.slides}, not to a deck`);
      checkNone(await pageProblems(page), 'the page');
      return `"${shown.title}", ${await shownPictures(page)} pictures with text alternatives, no WCAG 2.1 A/AA `
        + 'violation';
    }, { neededByTheRest: false });
  }
  for (const address of links?.decks ?? []) {
    await steps.step(`slides ${address.split('/').pop()}`, async () => walkDeck(page, address),
      { neededByTheRest: false });
  }
}

/**
 * Opens a deck, checks it, and goes through it to its last slide (fragments too). Every slide must fit
 * the screen once the deck has fitted it (scripts/templates/slides): no scrolling, no picture larger
 * than the slide, no line of code or output wider than the slide or wrapped. axe-core checks the deck,
 * then each slide as it shows (fragments too: reveal.js hides the slides not on show, and so a check of
 * the whole deck at once would see only the first).
 */
async function walkDeck(page, address) {
  await page.goto(address);
  await waitFor(page, () => window.Reveal?.isReady?.(), null, 'reveal.js starting', 15);
  // A fragment fades in; axe would measure the contrast of its text half-way
  await page.addStyleTag({ content: '.reveal .slides section .fragment { transition: none !important; }' });
  checkNone([...await brokenPictures(page), ...await undescribedPictures(page), ...await headingsOutOfOrder(page)],
    'the deck');
  await keysMoveTheSlides(page);
  const notes = await speakerNotesShow(page);
  const problems = new Set(await accessibilityProblems(page));
  let steps = 1;
  for (;;) {
    await waitFor(page, () => Reveal.getCurrentSlide().dataset.fitted, null, 'the deck fitting the slide', 15);
    const slide = await page.evaluate(() => `slide ${Reveal.getSlidePastCount() + 1}${
      Reveal.availableFragments().prev ? `, fragment ${Reveal.getIndices().f + 1}` : ''}`);
    (await accessibilityProblems(page, CURRENT_SLIDE)).forEach((problem) => problems.add(`${slide}: ${problem}`));
    (await page.evaluate(() => {
      const frame = document.querySelector('.reveal .slides').getBoundingClientRect();
      const slide = Reveal.getCurrentSlide();
      const heading = (slide.querySelector('h1, h2, h3, p') ?? slide).textContent.replace(/\u00b6/g, '').trim()
        .split('\n')[0].slice(0, 50);
      const where = `slide ${Reveal.getSlidePastCount() + 1} ("${heading}")`;
      return [
        ...(slide.scrollHeight > slide.clientHeight + 1
          ? [`${where} is ${slide.scrollHeight - slide.clientHeight} px taller than the screen and scrolls`] : []),
        ...[...slide.querySelectorAll('img')].filter((img) => {
          const box = img.getBoundingClientRect();
          return box.width > frame.width + 1 || box.height > frame.height + 1;
        }).map((img) => `${where}: a picture larger than the slide (${img.getAttribute('src').slice(0, 60)})`),
        ...[...slide.querySelectorAll('pre')].filter((pre) => pre.scrollWidth > pre.clientWidth + 1)
          .map((pre) => `${where}: code wider than the slide: ${pre.textContent.slice(0, 60)}`),
        ...[...slide.querySelectorAll('pre.wraps')]
          .map((pre) => `${where}: output lines wrap even in the smallest font: ${pre.textContent.slice(0, 60)}`),
      ];
    })).forEach((problem) => problems.add(problem));
    const done = await page.evaluate(() => Reveal.isLastSlide() && !Reveal.availableFragments().next);
    if (done || steps > 500) {
      break;
    }
    await page.evaluate(() => Reveal.next());
    steps += 1;
  }
  checkNone([...problems], 'the slides');
  const deck = await page.evaluate(() => ({
    total: Reveal.getTotalSlides(),
    last: Reveal.isLastSlide(),
  }));
  check(deck.last, 'did not reach the last slide');
  return `${deck.total} slides (${steps} steps with fragments), each fits the screen and has no WCAG 2.1 A/AA `
    + `violation, ${notes} speaker notes`;
}

/** reveal.js's keys move the slides: the right arrow goes on, the left arrow back. */
async function keysMoveTheSlides(page) {
  const where = () => page.evaluate(() => JSON.stringify(Reveal.getIndices()));
  const first = await where();
  await page.keyboard.press('ArrowRight');
  const next = await where();
  await page.keyboard.press('ArrowLeft');
  check(next !== first && await where() === first, `the arrow keys do not move the deck: ${first}, then ${next}`);
}

/** When the deck has speaker notes: S on the first slide with notes opens the speaker view, showing them. */
async function speakerNotesShow(page) {
  const notes = await page.evaluate(() => {
    const all = [...document.querySelectorAll('.reveal aside.notes')];
    if (all.length > 0) {
      const { h, v } = Reveal.getIndices(all[0].closest('section'));
      Reveal.slide(h, v);
    }
    return { count: all.length, first: all[0]?.textContent.trim().split('\n')[0] };
  });
  if (notes.count > 0) {
    const opened = page.context().waitForEvent('page', { timeout: 15000 });
    await page.keyboard.press('s');
    const view = await opened;
    try {
      await view.waitForFunction((text) => document.body.innerText.includes(text), notes.first, { timeout: 15000 })
        .catch(() => { throw new Error(`the speaker view does not show the notes "${notes.first}"`); });
    } finally {
      await view.close();
    }
    await page.evaluate(() => Reveal.slide(0, 0));
  }
  return notes.count;
}

// ---------------------------------------------------------------- main

async function main() {
  const begun = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'pooling-lab-browser-'));
  const started = { context: null, jupyter: null };
  const stopEverything = async () => {
    await started.context?.close().catch(() => {});
    started.context = null;
    if (started.jupyter) {
      await started.jupyter.stop();
      started.jupyter = null;
    }
    rmSync(scratch, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => stopEverything().finally(() => process.exit(1)));
  }
  let steps;
  try {
    started.context = await chromium.launchPersistentContext(join(scratch, 'profile'), {
      executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS, viewport: { width: 1280, height: 800 },
    });
    const watch = await Watch.on(started.context);
    const page = started.context.pages()[0] ?? await started.context.newPage();
    steps = new Steps(page, watch, OUT);
    await checksCatchProblems(steps, page, watch);
    await inJupyter(steps, page, scratch, started);
    await onTheSite(steps, page);
  } finally {
    await stopEverything();
  }
  return finish('browser test', steps, begun, OUT);
}

exitWith('browser test', main);
