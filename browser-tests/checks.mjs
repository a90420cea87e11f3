// What every page of the kit must do in a browser: show every picture, link only to files that are there,
// and load nothing from outside the machine. A Watch follows one browser context; problems() lists what
// went wrong since the last look.
import { existsSync } from 'node:fs';
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
