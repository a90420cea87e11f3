// The kit on a real JupyterHub, in Chromium: Debian's jupyterhub 3.0 with the kit's configuration
// (hub/jupyterhub_config.py, installed by ./lab setup --system --hub), started by hub/testing.py on free
// local ports with temporary users and a test login. Run by ./lab test after kit.test.mjs, as root.
//
//   1. ada and alan log in; each gets a server of their own and a copy of the course in their home;
//   2. each runs notebook 01 to the end and saves it, answers an exercise so that its check passes, and
//      saves; what one student saved leaves the other's copy unchanged;
//   3. one of the ports of grace's new kernel is taken (the test takes it): the kernel ends at once,
//      saying so, and her notebook gets a kernel on other ports, which runs notebook 01;
//   4. idle's kernel and server end by themselves after idling (the kit's culling, shortened);
//   5. the hub stops, and every server and kernel with it; the users and their homes are removed.
//
// Screenshots and the hub's log (which holds the servers' logs) go to build/browser-test/hub/.
import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, watch as watchFolder,
} from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Watch, brokenPictures, shownPictures } from './checks.mjs';
import {
  answer, cellTagged, openNotebook, rightAnswer, runAll, runAllAbove, save,
} from './notebook-page.mjs';
import {
  RUN_SECONDS, Steps, check, checkNone, exitWith, finish, seconds,
} from './steps.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build', 'browser-test', 'hub');
const PYTHON = process.env.POOLING_LAB_PYTHON || '/usr/bin/python3';
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];
const COPY = 'pooling-lab'; // the student's copy of the course, in their home
const NOTEBOOK_01 = 'notebooks/01-what-is-pooling.ipynb';
const EXERCISES = 'exercises/pooling-exercises.ipynb';
const EXERCISE = 'output-size';
const HUB_START_SECONDS = 600; // ./lab setup --system --hub into a new folder, then the hub
const CULLED_WITHIN_SECONDS = 180; // the server looks for idleness once a minute
const PORT_TRIES = 3;

// ---------------------------------------------------------------- the hub (hub/testing.py)

/** Starts hub/testing.py; resolves with what it says of the hub once the hub answers. */
function startHub(students, culled) {
  const child = spawn(PYTHON, [join(ROOT, 'hub', 'testing.py'), 'serve', '--students', ...students,
    '--culled', ...culled, '--log', join(OUT, 'jupyterhub.log')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const said = [];
  const next = () => new Promise((resolve, reject) => {
    if (said.length) {
      resolve(said.shift());
      return;
    }
    const ended = () => reject(new Error(`hub/testing.py ended with exit status ${child.exitCode}`));
    child.once('exit', ended);
    lines.once('line', (line) => {
      child.off('exit', ended);
      resolve(JSON.parse(line));
    });
  });
  return next().then((hub) => Object.assign(hub, {
    child,
    /** Closes testing.py's input, so it stops the hub and removes everything; resolves with its report. */
    stop: async () => {
      child.stdin.end();
      return Promise.race([next(), new Promise((_, reject) => setTimeout(
        () => reject(new Error('hub/testing.py did not stop within 120 s')), 120000))]);
    },
  }));
}

async function api(hub, method, path, body) {
  const response = await fetch(hub.url + path, {
    method, headers: { Authorization: `token ${hub.token}` }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  check(response.ok, `${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function waitUntil(condition, what, timeoutSeconds = RUN_SECONDS) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (;;) {
    const result = await condition();
    if (result) {
      return result;
    }
    check(Date.now() < deadline, `${what} did not happen within ${timeoutSeconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Starts the student's server through the hub's REST API and waits until it is ready. */
async function startServer(hub, user) {
  await api(hub, 'POST', `/hub/api/users/${user}/server`, {});
  await waitUntil(async () => (await api(hub, 'GET', `/hub/api/users/${user}`)).servers?.['']?.ready,
    `${user}'s server starting`);
}

/** The pids of the processes a Unix user runs. */
function processesOf(uid) {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/status`, 'utf-8').match(/^Uid:\s+(\d+)/m)?.[1] === String(uid);
    } catch {
      return false; // ended meanwhile
    }
  });
}

/** Every file of a folder with a hash of its contents (or where it links to), to see later whether anything changed. */
function snapshot(folder) {
  const files = {};
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).forEach((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(path);
    } else if (entry.isSymbolicLink()) {
      files[relative(folder, path)] = `a link to ${readlinkSync(path)}`; // the course's jar
    } else if (entry.isFile()) {
      files[relative(folder, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  });
  walk(folder);
  return files;
}

function notebookOnDisk(file) {
  return JSON.parse(readFileSync(file, 'utf-8'));
}

function pictures(notebook) {
  return notebook.cells.flatMap((cell) => cell.outputs ?? []).filter((output) => output.data?.['image/png']).length;
}

function sourceOfCellTagged(notebook, tag) {
  return [].concat(notebook.cells.find((cell) => (cell.metadata.tags ?? []).includes(tag))?.source ?? []).join('');
}

// ---------------------------------------------------------------- a student in the browser

async function logIn(page, hub, user) {
  await page.goto(`${hub.url}/hub/login`);
  await page.fill('#username_input', user);
  await page.fill('#password_input', hub.password);
  await page.click('#login_submit');
  await page.waitForURL(new RegExp(`/user/${user}/tree/${COPY}`), { timeout: RUN_SECONDS * 1000 });
  await page.waitForSelector(`#notebook_list a[href$="/tree/${COPY}/notebooks"]`, { timeout: 30000 });
}

function notebookAddress(hub, user, path) {
  return `${hub.url}/user/${user}/notebooks/${COPY}/${path}`;
}

/** Notebook 01 run to the end and saved, then the exercise answered (its check passes) and saved. */
async function doTheWork(page, hub, student) {
  const { user, home } = hub.students[student];
  const copy = join(home, COPY);
  await openNotebook(page, notebookAddress(hub, user, NOTEBOOK_01), join(copy, NOTEBOOK_01));
  checkNone(await runAll(page), `${student}'s notebook 01 did not run cleanly`);
  await page.waitForTimeout(500);
  checkNone(await brokenPictures(page, '#notebook-container img'), `${student}'s notebook 01: pictures missing`);
  const shown = await shownPictures(page, '#notebook-container img');
  await save(page);
  await openNotebook(page, notebookAddress(hub, user, EXERCISES), join(copy, EXERCISES));
  const answerCell = await cellTagged(page, `answer:${EXERCISE}`);
  const checkCell = await cellTagged(page, `check:${EXERCISE}`);
  check(answerCell > 0 && checkCell > answerCell, `the cells of ${EXERCISE} are not where they should be`);
  checkNone(await runAllAbove(page, answerCell), `${student}'s exercise notebook: the cells above the answer`);
  const report = await answer(page, answerCell, checkCell,
    `// answered by ${student}\n${rightAnswer(ROOT, EXERCISE)}`);
  check(report.includes('PASS') && !report.includes('FAIL'), `${student}'s check should pass but said:\n${report}`);
  await save(page);
  const saved = notebookOnDisk(join(copy, EXERCISES));
  check(sourceOfCellTagged(saved, `answer:${EXERCISE}`).includes(`// answered by ${student}`),
    `${student}'s saved exercise notebook does not hold the answer`);
  check(pictures(notebookOnDisk(join(copy, NOTEBOOK_01))) > 0, `${student}'s saved notebook 01 has no pictures`);
  return `${shown} pictures in notebook 01, ${EXERCISE} passes, both saved`;
}

// ---------------------------------------------------------------- a port taken

/**
 * Waits for the next kernel connection file in `runtime` and listens on its shell port before the
 * kernel can; resolves with the port and the listening server (or the error, when the kernel was first).
 */
function takeTheNextKernelsPort(runtime) {
  const known = new Set(readdirSync(runtime));
  return new Promise((resolve) => {
    const watcher = watchFolder(runtime);
    const look = () => {
      for (const name of readdirSync(runtime)) {
        if (known.has(name) || !/^kernel-.*\.json$/.test(name)) {
          continue;
        }
        let port;
        try {
          port = JSON.parse(readFileSync(join(runtime, name), 'utf-8')).shell_port;
        } catch {
          return; // being written: look again at the next change
        }
        known.add(name);
        watcher.close();
        clearInterval(timer);
        const server = createServer();
        server.once('error', (error) => resolve({ port, file: join(runtime, name), error }));
        server.listen(port, '127.0.0.1', () => resolve({ port, file: join(runtime, name), server }));
        return;
      }
    };
    watcher.on('change', look);
    const timer = setInterval(look, 20);
  });
}

// ---------------------------------------------------------------- the test

async function onTheHub(steps, browser, watch, hub, pages) {
  steps.group('JupyterHub with the kit\'s configuration (hub/testing.py: temporary users, a test login)');
  const students = ['ada', 'alan'];
  let idleSince;
  await steps.step('idle\'s server and kernel start, then nobody uses them', async () => {
    const { user } = hub.students.idle;
    await startServer(hub, user);
    const session = await api(hub, 'POST', `/user/${user}/api/sessions`,
      { path: `${COPY}/${NOTEBOOK_01}`, type: 'notebook', name: '', kernel: { name: 'java' } });
    idleSince = Date.now();
    return `kernel ${session.kernel.id.slice(0, 8)}`;
  });
  await steps.step('ada and alan log in; each gets a server and a copy of the course', async () => {
    for (const student of students) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await Watch.on(context, watch);
      pages[student] = await context.newPage();
    }
    await Promise.all(students.map((student) => logIn(pages[student], hub, hub.students[student].user)));
    const course = snapshot(hub.course);
    for (const student of students) {
      const { home } = hub.students[student];
      const copy = snapshot(join(home, COPY));
      const missing = Object.keys(course).filter((file) => !(file in copy));
      checkNone(missing.map((file) => `${student}'s copy lacks ${file}`), 'the copies of the course');
      check(statSync(join(home, COPY, NOTEBOOK_01)).uid === statSync(home).uid, `${student}'s copy is not theirs`);
    }
    return `${Object.keys(course).length} files each`;
  }, { pages: () => students.map((student) => pages[student]) });
  let adasCopy;
  await steps.step('ada runs notebook 01 to the end, answers an exercise, saves', async () => {
    const done = await doTheWork(pages.ada, hub, 'ada');
    adasCopy = snapshot(join(hub.students.ada.home, COPY));
    return done;
  }, { pages: () => [pages.ada] });
  await steps.step('alan does the same; ada\'s copy is unchanged', async () => {
    const done = await doTheWork(pages.alan, hub, 'alan');
    const changed = Object.entries(snapshot(join(hub.students.ada.home, COPY)))
      .filter(([file, hash]) => adasCopy[file] !== hash).map(([file]) => file);
    checkNone(changed.map((file) => `ada's ${file} changed`), 'alan\'s work touched ada\'s copy');
    const alans = notebookOnDisk(join(hub.students.alan.home, COPY, EXERCISES));
    check(!JSON.stringify(alans).includes('answered by ada'), 'alan\'s copy holds ada\'s answer');
    check(!readFileSync(join(hub.course, EXERCISES), 'utf-8').includes('answered by'),
      'the course folder holds an answer');
    return done;
  }, { pages: () => [pages.alan] });
  await steps.step('grace\'s kernel finds a port taken, ends, and she gets a kernel that runs', async () => {
    const { user, home } = hub.students.grace;
    await startServer(hub, user);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await Watch.on(context, watch);
    pages.grace = await context.newPage();
    await logIn(pages.grace, hub, user);
    const runtime = join(home, '.local', 'share', 'jupyter', 'runtime');
    for (let attempt = 1; ; attempt += 1) {
      const taken = takeTheNextKernelsPort(runtime);
      const opened = openNotebook(pages.grace, notebookAddress(hub, user, NOTEBOOK_01), join(home, COPY, NOTEBOOK_01));
      const held = await taken;
      try {
        await opened;
        if (held.error) {
          check(attempt < PORT_TRIES, `the kernel listened on its port before the test could take it, ${PORT_TRIES} times`);
          await api(hub, 'DELETE', `/user/${user}/api/kernels/${held.file.match(/kernel-(.*)\.json$/)[1]}`);
          continue;
        }
        const now = JSON.parse(readFileSync(held.file, 'utf-8'));
        check(![now.shell_port, now.iopub_port, now.stdin_port, now.hb_port, now.control_port].includes(held.port),
          `the kernel is still on port ${held.port}, which the test holds`);
        const log = readFileSync(join(OUT, 'jupyterhub.log'), 'utf-8');
        check(log.includes(`Java kernel (Pooling Lab): cannot listen on shell port ${held.port}`),
          'the kernel did not say that its port was taken (hub log)');
        check(log.includes('starting it again on other ports'), 'the server did not say it started the kernel again');
        checkNone(await runAll(pages.grace), 'grace\'s notebook 01 on the new kernel');
        return `port ${held.port} taken; the kernel ended, saying so, and its successor on port ${now.shell_port} `
          + 'ran notebook 01';
      } finally {
        held.server?.close();
      }
    }
  }, { pages: () => [pages.grace] });
  await steps.step('idle\'s kernel and server have ended by themselves, and the hub knows', async () => {
    const { user, home } = hub.students.idle;
    const uid = statSync(home).uid;
    await waitUntil(() => processesOf(uid).length === 0, 'idle\'s kernel and server ending',
      Math.max(10, CULLED_WITHIN_SECONDS - (Date.now() - idleSince) / 1000));
    const after = seconds(idleSince);
    await waitUntil(async () => !(await api(hub, 'GET', `/hub/api/users/${user}`)).servers?.[''],
      'the hub noticing that idle\'s server ended', 60);
    return `no process of idle's left ${after} s after the kernel started`;
  });
}

async function main() {
  const begun = Date.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  let hub;
  let browser;
  const stopEverything = async () => {
    await browser?.close().catch(() => {});
    browser = null;
    const report = await hub?.stop().catch((error) => ({ error: String(error) }));
    hub = null;
    return report;
  };
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => stopEverything().finally(() => process.exit(1)));
  }
  let steps;
  const pages = {};
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const watch = await Watch.on(context);
    const page = await context.newPage();
    steps = new Steps(page, watch, OUT);
    steps.group('the hub');
    await steps.step('./lab setup --system --hub into a new folder; the hub starts on free ports', async () => {
      hub = await Promise.race([startHub(['ada', 'alan', 'grace'], ['idle']), new Promise((_, reject) => setTimeout(
        () => reject(new Error(`the hub did not start within ${HUB_START_SECONDS} s`)), HUB_START_SECONDS * 1000))]);
      await page.goto(`${hub.url}/hub/login`);
      return hub.url;
    });
    if (hub) {
      await onTheHub(steps, browser, watch, hub, pages);
    }
    steps.group('the end');
    await steps.step('the hub stops, every server and kernel with it; the users are removed', async () => {
      const users = Object.values(hub.students).map((student) => student.user);
      const folder = dirname(hub.course);
      await browser.close();
      browser = null;
      const report = await stopEverything();
      check(!report.error, report.error);
      checkNone(report.killed.map((what) => `had to be killed: ${what}`), 'the hub left processes behind');
      const passwd = readFileSync('/etc/passwd', 'utf-8');
      checkNone(users.filter((user) => passwd.includes(`${user}:`)).map((user) => `user ${user} is still there`),
        'left behind');
      check(!existsSync(folder), `${folder} is still there`);
      return `${users.length} users and their homes removed`;
    }, { pages: [] });
  } finally {
    await stopEverything();
  }
  return finish('hub test', steps, begun, OUT);
}

exitWith('hub test', main);
