#!/usr/bin/python3
"""Executes Pooling Lab's notebooks on the Java kernel, and writes their slides and the course site.

    notebooks.py run [NOTEBOOK ...]          execute into build/site/, then write build/slides/ and the site
    notebooks.py slides [NOTEBOOK ...]       decks in build/slides/, executing notebooks changed since their last run
    notebooks.py publish --executed DIR [--exercises NOTEBOOK]
                                             build/slides/ and build/site/ from notebooks executed into DIR
    notebooks.py prepare                     run the notebooks whose markdown shows a file not made yet
    notebooks.py execute --out DIR NOTEBOOK  execute one notebook, write DIR/NAME.ipynb
    notebooks.py kernel-info                 start the java kernel Jupyter finds, print its place and version

Runs on the Python that has Jupyter (Debian: /usr/bin/python3). The kernel is the one named "java"
on JUPYTER_PATH, which ./lab points at the project's own .jupyter folder.
"""
import argparse
import atexit
import json
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

import course_site
import notebook_parts
import slides

ROOT = pathlib.Path(__file__).resolve().parent.parent
SITE = ROOT / "build" / "site"
SLIDES = ROOT / "build" / "slides"
EXERCISES = ROOT / "exercises" / "pooling-exercises.ipynb"  # the student version, shown on the site
EXECUTED_EXERCISES = SITE / "exercises"  # where run executes it: its worked examples' numbers, its checks' reports
# In the instructor's kit, exercises/ holds the notebook ./lab assign makes from solutions/, so the site may
# run it; in a student's kit it is the student's own work, which ./lab run leaves alone (not run, not shown run).
INSTRUCTOR_KIT = (ROOT / "solutions").is_dir()
KERNEL = "java"
# What the kernel writes to stderr, kept out of the progress lines: its JVM's start-up notice about the
# Vector API module, and anything it says when it fails.
KERNEL_LOG = ROOT / "build" / "logs" / "kernel.log"
CELL_TIMEOUT_SECONDS = 300
# A healthy kernel answers within 2 s of starting. rapaio-jupyter-kernel 3.0.1 used to stay silent
# now and then (a start-up race that install_kernel.py now fixes); should a start still stay
# silent for STARTUP_TIMEOUT_SECONDS, it is abandoned and the notebook runs again on a fresh kernel.
STARTUP_TIMEOUT_SECONDS = 15
KERNEL_STARTS = 5


def execute(notebook_path, out_dir):
    """Runs every cell in the notebook's own folder; returns a summary dict. Never raises for cell errors."""
    notebook_path = pathlib.Path(notebook_path).resolve()
    started = time.monotonic()
    for start in range(1, KERNEL_STARTS + 1):
        nb, failure = execute_on_a_new_kernel(notebook_path, start)
        if not (failure and "didn't respond" in failure and start < KERNEL_STARTS):
            break
        print(f"(kernel start {start} did not answer within {STARTUP_TIMEOUT_SECONDS} s; starting a new one)",
              end=" ", file=sys.stderr, flush=True)
    seconds = time.monotonic() - started
    out_dir.mkdir(parents=True, exist_ok=True)
    executed = out_dir / notebook_path.name
    nbformat.write(nb, executed)
    summary = summarise(nb, notebook_path, executed, seconds, failure)
    summary["kernel_starts"] = start
    return summary


def execute_on_a_new_kernel(notebook_path, start):
    """The notebook executed on a kernel of its own (start: which start this is, for the log), and what
    stopped it early, or None."""
    nb = nbformat.read(notebook_path, as_version=4)
    client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT_SECONDS, allow_errors=True,
                            startup_timeout=STARTUP_TIMEOUT_SECONDS,
                            resources={"metadata": {"path": str(notebook_path.parent)}})
    failure = None
    KERNEL_LOG.parent.mkdir(parents=True, exist_ok=True)
    with KERNEL_LOG.open("a", encoding="utf-8") as kernel_log:
        print(f"== {notebook_path.name}, kernel start {start}, {time.strftime('%Y-%m-%d %H:%M:%S')}",
              file=kernel_log, flush=True)
        try:
            client.execute(cleanup_kc=True, stderr=kernel_log)
        except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as error:
            failure = f"{type(error).__name__}: {error} (the kernel's own messages: {KERNEL_LOG})"
    # The kernel is shut down by now; nbclient's exit hook would try again and fail noisily.
    atexit.unregister(client._cleanup_kernel)
    return nb, failure


def ran_since_changed(notebook, executed):
    """Whether executed is a run of notebook made after notebook last changed."""
    return executed.is_file() and executed.stat().st_mtime >= notebook.stat().st_mtime


def summarise(nb, source, executed, seconds, failure):
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code_cells for o in c.get("outputs", [])]
    errors = notebook_parts.errors_of(nb) + ([failure] if failure else [])
    return {
        "notebook": source.name,
        "title": notebook_parts.title_of(nb, source),
        "executed": str(executed),
        "cells": len(nb.cells),
        "code_cells": len(code_cells),
        "images": sum(1 for o in outputs if "image/png" in o.get("data", {})),
        "seconds": round(seconds, 1),
        "errors": errors,
    }


def lesson_notebooks():
    paths = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    if not paths:
        sys.exit("notebooks.py: no notebooks in notebooks/")
    return paths


def executed_versions(folder):
    """[(lesson notebook, its executed version in folder)] for the lesson notebooks executed there."""
    return [(path, pathlib.Path(folder) / path.name) for path in lesson_notebooks()
            if (pathlib.Path(folder) / path.name).is_file()]


def publish(executed_folder, executed_exercises=None):
    """The slide decks and the course site, from the executed notebooks in executed_folder; the exercise
    page shows executed_exercises, or else the student notebook as committed (no outputs)."""
    lessons = executed_versions(executed_folder)
    decks = slides.write_decks(lessons, SLIDES)
    index = course_site.write_site(lessons, (EXERCISES, executed_exercises or EXERCISES), SLIDES, SITE)
    print(f"slides: {len(decks)} decks in {SLIDES}")
    print(f"site: open {index}")


def notebooks_to_run(names):
    if not names:
        return lesson_notebooks()
    paths = [pathlib.Path(n) for n in names]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        sys.exit(f"notebooks.py: no such notebook: {', '.join(missing)}")
    return paths


def run_and_report(path, out_dir):
    print(f"  running {path.name} ...", end="", flush=True)
    summary = execute(path, out_dir)
    print(f" {summary['seconds']} s, {summary['images']} images"
          + ("" if summary["kernel_starts"] == 1 else f", {summary['kernel_starts']} kernel starts")
          + ("" if not summary["errors"] else f", ERRORS: {'; '.join(summary['errors'])}"))
    return summary


def command_run(args):
    summaries = [run_and_report(path, SITE) for path in notebooks_to_run(args.notebooks)]
    (SITE / "summary.json").write_text(json.dumps(summaries, indent=1) + "\n")
    total_errors = sum(len(s["errors"]) for s in summaries)
    print(f"{len(summaries)} notebooks, {sum(s['cells'] for s in summaries)} cells, "
          f"{sum(s['images'] for s in summaries)} images, {sum(s['seconds'] for s in summaries):.1f} s"
          + (f", {total_errors} errors" if total_errors else ", no errors"))
    executed_exercises = EXECUTED_EXERCISES / EXERCISES.name
    if INSTRUCTOR_KIT and (not args.notebooks or not ran_since_changed(EXERCISES, executed_exercises)):
        print("the exercises, for the site:")
        total_errors += len(run_and_report(EXERCISES, EXECUTED_EXERCISES)["errors"])
    publish(SITE, executed_exercises if INSTRUCTOR_KIT else None)
    return 1 if total_errors else 0


def command_slides(args):
    """Decks of the named lesson notebooks (all by default), running those not run since they changed."""
    lessons = []
    for path in notebooks_to_run(args.notebooks):
        executed = SITE / path.name
        if not ran_since_changed(path, executed):
            run_and_report(path, SITE)
        lessons.append((path.resolve(), executed))
    decks = slides.write_decks(lessons, SLIDES)
    for deck in decks:
        print(f"  {deck}")
    if (SITE / "index.html").is_file():  # the site's copy of the decks, so that its slides links show these
        course_site.copy_decks(SLIDES, SITE)
    print(f"{len(decks)} decks; open one in a browser (S: speaker notes, F: full screen)")
    return 0


def command_prepare(args):
    """Runs each lesson notebook whose markdown shows a file that is not there yet (notebook 01's
    animation), so that Jupyter shows it as soon as the notebook opens: Jupyter draws a markdown cell
    when the notebook opens, and running the notebook does not draw it again."""
    for path in lesson_notebooks():
        nb = nbformat.read(path, as_version=4)
        missing = [name for name in notebook_parts.local_files(nb) if not (path.parent / name).is_file()]
        if missing:
            print(f"lab: running {path.name} once, so that {', '.join(missing)} is there when it opens")
            summary = execute(path, SITE)
            if summary["errors"]:
                print(f"lab: {path.name} did not run cleanly: {'; '.join(summary['errors'])}")
    return 0


def command_publish(args):
    if args.exercises and not pathlib.Path(args.exercises).is_file():
        sys.exit(f"notebooks.py: no executed exercise notebook at {args.exercises}")
    publish(args.executed, args.exercises and pathlib.Path(args.exercises))
    return 0


def command_kernel_info(args):
    """Starts the "java" kernel Jupyter finds (on JUPYTER_PATH first) and prints where it lives and what
    it says it is, as JSON."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import start_new_kernel
    resource_dir = KernelSpecManager().find_kernel_specs().get(KERNEL)
    if not resource_dir:
        sys.exit(f"notebooks.py: Jupyter finds no kernel named '{KERNEL}'")
    manager, client = start_new_kernel(kernel_name=KERNEL, startup_timeout=60)
    try:
        reply = client.kernel_info(reply=True, timeout=30)["content"]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    print(json.dumps({"resource_dir": resource_dir, "implementation": reply["implementation"],
                      "implementation_version": reply["implementation_version"]}))
    return 0


def command_execute(args):
    summary = execute(args.notebook, pathlib.Path(args.out).resolve())
    print(json.dumps(summary))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="execute notebooks, then write the slides and the site")
    run.add_argument("notebooks", nargs="*")
    run.set_defaults(handler=command_run)
    deck = commands.add_parser("slides", help="write slide decks, running notebooks first where needed")
    deck.add_argument("notebooks", nargs="*")
    deck.set_defaults(handler=command_slides)
    prepare = commands.add_parser("prepare", help="run notebooks whose pictures are not there yet")
    prepare.set_defaults(handler=command_prepare)
    publish_ = commands.add_parser("publish", help="write the slides and the site from executed notebooks")
    publish_.add_argument("--executed", required=True, help="the folder holding the executed lesson notebooks")
    publish_.add_argument("--exercises", help="the executed student exercise notebook (default: as committed)")
    publish_.set_defaults(handler=command_publish)
    info = commands.add_parser("kernel-info", help="start the java kernel, print where it is and its version")
    info.set_defaults(handler=command_kernel_info)
    one = commands.add_parser("execute", help="execute one notebook; print its summary as JSON")
    one.add_argument("--out", required=True)
    one.add_argument("notebook")
    one.set_defaults(handler=command_execute)
    args = parser.parse_args()
    return args.handler(args)


if __name__ == "__main__":
    sys.exit(main())
