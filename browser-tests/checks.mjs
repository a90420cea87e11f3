// What every page of the kit must do in a browser: show every picture, with a text alternative; link only
// to files that are there; meet WCAG 2.1 A and AA (axe-core); and load nothing from outside the machine. A
// Watch follows one browser context; problems() lists what went wrong since the last look.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const LOCAL_SCHEMES = new Set(['file:', 'data:', 'blob:', 'about:', 'chrome-error:']);
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** True for a request that stays on this machine: a file, inline data, or a local server. */
export function staysLocal(address) {
  const url = new URL(address);
  return LOCAL_SCHEMES.has(url.protocol) || LOCAL_HOSTS.has(url.hostname);
}

export class Watch {
  /**
   * Stops every request that would leave the machine, and remembers it and every failed load; `watch`
   * can be one that follows another context already (a second student's browser, say).
   */
  static async on(context, watch = new Watch()) {
    await context.route('**/*', (route) => {
      const address = route.request().url();
      if (staysLocal(address)) {
        return route.continue();
      }
      watch.found.push(`a request leaves the machine: ${address}`);
      return route.abort('blockedbyclient');
    });
    context.on('requestfailed', (request) => {
      const reason = request.failure()?.errorText;
      // ERR_ABORTED: a load the page itself gave up, e.g. when the browser moves on to the next page
      if (staysLocal(request.url()) && reason !== 'net::ERR_ABORTED') {
        watch.found.push(`failed to load ${request.url()}: ${reason}`);
      }
    });
    context.on('weberror', (error) => watch.found.push(`script error: ${error.error().message}`));
    return watch;
  }

  constructor() {
    this.found = [];
  }

  /** What went wrong since the last call (or since forget()). */
  problems() {
    return this.found.splice(0);
  }

  /** Starts afresh, e.g. before the next page. */
  forget() {
    this.found.length = 0;
  }
}

/** Pictures on the page that did not load (naturalWidth 0), by address. */
export async function brokenPictures(page, selector = 'img') {
  return page.$$eval(selector, (images) => images
    .filter((image) => !(image.complete && image.naturalWidth > 0))
    .map((image) => `a picture did not load: ${image.getAttribute('src').slice(0, 120)}`));
}

/** Counts the pictures that loaded. */
export async function shownPictures(page, selector = 'img') {
  return page.$$eval(selector, (images) => images.filter((image) => image.complete && image.naturalWidth > 0).length);
}

/** Links on a page opened from file:// that lead to a file that is not there. */
export async function brokenLinks(page, selector = 'a[href]') {
  const addresses = await page.$$eval(selector, (links) => links.map((link) => link.href));
  return [...new Set(addresses)].filter((address) => address.startsWith('file:'))
    .filter((address) => !existsSync(fileURLToPath(address.split('#')[0])))
    .map((address) => `a link leads nowhere: ${address}`);
}

// axe-core (npm, pinned in package.json), the engine behind most accessibility checkers, read from
// node_modules and put into the page: nothing is loaded from anywhere else.
const AXE = readFileSync(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf-8');
/** The rules of WCAG 2.1 levels A and AA, which universities must meet. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * What axe-core finds against WCAG 2.1 A and AA on the page, or only in `within` (a CSS selector, e.g. the
 * slide on show), one line per rule and element: the rule, its impact, what it asks, and where.
 */
export async function accessibilityProblems(page, within = null) {
  if (!await page.evaluate(() => typeof window.axe !== 'undefined')) {
    await page.addScriptTag({ content: AXE });
  }
  const violations = await page.evaluate(async ({ selector, tags }) => {
    const context = selector ? document.querySelector(selector) : document;
    // preload: false, or axe fetches every style sheet again, which file:// pages refuse (and the Watch
    // reports); only css-orientation-lock needs them, and no page of the kit locks its orientation
    const results = await window.axe.run(context, {
      runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'], preload: false,
    });
    return results.violations.map((rule) => ({
      id: rule.id,
      impact: rule.impact,
      help: rule.help,
      nodes: rule.nodes.map((node) => ({ target: node.target.join(' '), html: node.html })),
    }));
  }, { selector: within, tags: WCAG_21_AA });
  return violations.flatMap((rule) => rule.nodes.map((node) => `accessibility: ${rule.id} (${rule.impact}): ${
    rule.help}, at ${node.target.slice(-120)}: ${node.html.replace(/\s+/g, ' ').slice(0, 160)}`));
}

/**
 * Pictures without a text alternative that says something: no alt, or an empty one (which marks a picture
 * as decoration; every picture of the kit carries content).
 */
export async function undescribedPictures(page, selector = 'img') {
  return page.$$eval(selector, (images) => images
    .filter((image) => !(image.getAttribute('alt') ?? '').trim())
    .map((image) => `a picture without a text alternative: ${image.getAttribute('src').slice(0, 80)}`));
}

/**
 * Headings out of order, which confuse a screen reader's outline of the page: the first heading must be an
 * h1, and no heading may skip a level below the one before it (an h2 followed by an h4).
 */
export async function headingsOutOfOrder(page) {
  return page.$$eval('h1, h2, h3, h4, h5, h6', (headings) => headings.flatMap((heading, i) => {
    const level = Number(heading.tagName[1]);
    const before = i === 0 ? 0 : Number(headings[i - 1].tagName[1]);
    const text = heading.textContent.replace(/\u00b6/g, '').trim().slice(0, 60);
    return level > before + 1 ? [`a heading out of order: h${level} "${text}" after ${
      before ? `an h${before}` : 'no heading'}`] : [];
  }));
}
