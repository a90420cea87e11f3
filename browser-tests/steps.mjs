// The browser tests' steps: each named, timed, with a screenshot, and the checks they make.
import { join } from 'node:path';

export const RUN_SECONDS = 180;

/**
 * Steps in groups: a step that fails skips the rest of its group, unless the rest does not need it. A
 * step also fails when, while it ran, a request left the machine or a local file failed to load. Each
 * step ends with a screenshot of the page (or of each page it names, or a function names) in `out`.
 */
export class Steps {
  constructor(page, watch, out) {
    this.page = page;
    this.watch = watch;
    this.out = out;
    this.count = 0;
    this.failed = 0;
    this.skipping = false;
  }

  group(name) {
    console.log(`  ${name}`);
    this.skipping = false;
  }

  async step(name, action, { neededByTheRest = true, pages = [this.page] } = {}) {
    this.count += 1;
    if (this.skipping) {
      console.log(`    skipped  ${name}`);
      return;
    }
    const started = Date.now();
    const shot = join(this.out, `${String(this.count).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-')}`);
    const screenshots = (suffix) => {
      const shown = (typeof pages === 'function' ? pages() : pages).filter(Boolean);
      return Promise.all(shown.map((page, index) => page.screenshot({
        path: `${shot}${shown.length > 1 ? `-${index + 1}` : ''}${suffix}.png` })));
    };
    this.watch.forget();
    try {
      const detail = await action();
      checkNone(this.watch.problems(), 'while it ran');
      await screenshots('');
      console.log(`    ok       ${name}${detail ? `: ${detail}` : ''} (${seconds(started)} s)`);
    } catch (error) {
      this.failed += 1;
      this.skipping = neededByTheRest;
      await screenshots('-FAILED').catch(() => {});
      const seen = this.watch.problems();
      console.log(`    FAILED   ${name} (${seconds(started)} s)\n${indent(error.stack || String(error))}${
        seen.length ? `\n${indent(`also, while it ran:\n${seen.join('\n')}`)}` : ''}`);
    }
  }
}

/** Says how a test's steps went; its exit status: 1 when a step failed. */
export function finish(name, steps, begun, out) {
  console.log(`  ${name}: ${steps.count} steps, ${steps.failed ? `${steps.failed} FAILED` : 'all passed'} in ${
    seconds(begun)} s; screenshots in ${out}`);
  return steps.failed ? 1 : 0;
}

/** Runs a test's main() and exits with its status, or 1 when it throws. */
export function exitWith(name, main) {
  main().then((status) => process.exit(status), (error) => {
    console.error(`${name}: ${error.stack || error}`);
    process.exit(1);
  });
}

export function seconds(since) {
  return ((Date.now() - since) / 1000).toFixed(1);
}

function indent(text) {
  return text.split('\n').map((line) => `             ${line}`).join('\n');
}

export function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

export function checkNone(problems, what) {
  check(problems.length === 0, `${what}:\n${problems.join('\n')}`);
}

export async function waitFor(page, predicate, argument, what, timeoutSeconds = RUN_SECONDS) {
  try {
    await page.waitForFunction(predicate, argument, { timeout: timeoutSeconds * 1000, polling: 200 });
  } catch {
    throw new Error(`${what} did not happen within ${timeoutSeconds} s`);
  }
}
