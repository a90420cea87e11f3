// A notebook in the classic Jupyter Notebook page, as a student works in it: open it, run cells through
// the menu and the keyboard, read what they show, answer an exercise.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, waitFor } from './steps.mjs';

/**
 * Opens the notebook at `address` and waits for its kernel. Jupyter must not mark it modified: the
 * notebooks are committed with the language_info the kernel writes, unless the Java version recorded
 * there (in `file`, the notebook on disk) is not the one the kernel runs on (then Jupyter does, and that
 * is said).
 */
export async function openNotebook(page, address, file) {
  await page.goto(address);
  // info_reply: the kernel's answer to kernel_info, from which Jupyter takes the language_info
  await waitFor(page, () => window.Jupyter?.notebook?.kernel?.is_connected?.()
    && Jupyter.notebook.kernel.info_reply?.language_info
    && document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon'),
  null, `the kernel of ${file} starting`);
  const opened = await page.evaluate(() => ({
    kernel: document.querySelector('.kernel_indicator_name').textContent.trim(),
    modified: Jupyter.notebook.dirty,
    status: document.querySelector('.autosave_status').textContent.trim(),
    java: Jupyter.notebook.kernel.info_reply.language_info?.version,
  }));
  check(opened.kernel === 'Java', `the kernel shown is "${opened.kernel}", not "Java"`);
  const recorded = JSON.parse(readFileSync(file, 'utf-8')).metadata.language_info?.version;
  if (recorded !== opened.java) {
    const why = `Java ${opened.java}, not ${recorded} as the notebook records`;
    return `kernel "Java" on ${why}, so Jupyter marks it modified`;
  }
  check(!opened.modified, `opening ${file} marked it modified ("${opened.status}")`);
  return 'kernel "Java", not marked modified';
}

export async function clickMenu(page, menu, item) {
  await page.click(`#${menu}`);
  await page.click(`#${item} > a`);
}

/** Waits until the kernel is idle and no cell waits to run. */
export async function waitUntilRun(page, what) {
  await page.waitForTimeout(300);
  await waitFor(page, () => document.querySelector('#kernel_indicator_icon').classList.contains('kernel_idle_icon')
    && Jupyter.notebook.get_cells().every((cell) => cell.cell_type !== 'code' || cell.input_prompt_number !== '*'),
  null, what);
}

/** Cell > Run All, and what went wrong: cells that did not run, errors, output to stderr. */
export async function runAll(page) {
  await clickMenu(page, 'celllink', 'run_all_cells');
  await waitUntilRun(page, 'Run All');
  return outputProblems(page);
}

export async function outputProblems(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells().flatMap((cell, index) => {
    const problems = [];
    if (cell.cell_type === 'code' && typeof cell.input_prompt_number !== 'number') {
      problems.push(`cell ${index + 1} did not run`);
    }
    cell.element[0].querySelectorAll('.output_error').forEach((error) => problems.push(
      `cell ${index + 1} failed: ${error.textContent.trim().slice(0, 300)}`));
    cell.element[0].querySelectorAll('.output_stderr').forEach((stderr) => problems.push(
      `cell ${index + 1} wrote to stderr: ${stderr.textContent.trim().slice(0, 300)}`));
    return problems;
  }));
}

export function codeCells(page) {
  return page.evaluate(() => Jupyter.notebook.get_cells().filter((cell) => cell.cell_type === 'code').length);
}

export function cellTagged(page, tag) {
  return page.evaluate((wanted) => Jupyter.notebook.get_cells()
    .findIndex((cell) => (cell.metadata.tags || []).includes(wanted)), tag);
}

/** Runs every cell above `index` (Cell > Run All Above) and returns what went wrong there. */
export async function runAllAbove(page, index) {
  await page.evaluate((cell) => Jupyter.notebook.select(cell), index);
  await clickMenu(page, 'celllink', 'run_all_cells_above');
  await waitUntilRun(page, 'Run All Above');
  return (await outputProblems(page)).filter((p) => Number(p.match(/cell (\d+)/)[1]) <= index);
}

/** Types `answer` into the answer cell, runs it and the check cell below it, returns the check's report. */
export async function answer(page, answerCell, checkCell, text) {
  const editor = page.locator('#notebook-container .cell').nth(answerCell).locator('.CodeMirror');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  const typed = await page.evaluate((index) => Jupyter.notebook.get_cell(index).get_text(), answerCell);
  check(typed === text, `the answer cell holds something else than was typed:\n${typed}`);
  await page.keyboard.press('Shift+Enter');
  await waitUntilRun(page, 'the answer cell running');
  await page.evaluate((index) => Jupyter.notebook.select(index), checkCell);
  await page.keyboard.press('Shift+Enter');
  await waitUntilRun(page, 'the check cell running');
  return page.evaluate((index) => Jupyter.notebook.get_cell(index).element[0].querySelector('.output_subarea')
    ?.textContent ?? '', checkCell);
}

/** The master's answer (solutions/ in the kit at `root`), so the right answer stays right when the exercise changes. */
export function rightAnswer(root, id) {
  const master = JSON.parse(readFileSync(join(root, 'solutions', 'pooling-exercises.ipynb'), 'utf-8'));
  const cell = master.cells.find((c) => (c.metadata.tags || []).includes(`answer:${id}`));
  return [].concat(cell.source).join('').replace(/^\s*\/\/ (BEGIN|END) SOLUTION\n/gm, '');
}

/** Saves the notebook (File > Save and Checkpoint's action) and waits until Jupyter says it did. */
export async function save(page) {
  await page.evaluate(() => Jupyter.notebook.save_checkpoint());
  await waitFor(page, () => !Jupyter.notebook.dirty, null, 'saving the notebook', 30);
}
