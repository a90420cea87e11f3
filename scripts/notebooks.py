#!/usr/bin/python3
"""Executes Pooling Lab's notebooks on the Java kernel and writes them as a small static site.

    notebooks.py run --out build/site [NOTEBOOK ...]       execute, write .ipynb + .html + index.html
    notebooks.py execute --out DIR NOTEBOOK                execute one notebook, write DIR/NAME.ipynb

Runs on the Python that has Jupyter (Debian: /usr/bin/python3). The kernel is the one named "java"
on JUPYTER_PATH, which ./lab points at the project's own .jupyter folder.
"""
import argparse
import atexit
import html
import json
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

ROOT = pathlib.Path(__file__).resolve().parent.parent
KERNEL = "java"
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
        nb = nbformat.read(notebook_path, as_version=4)
        client = NotebookClient(nb, kernel_name=KERNEL, timeout=CELL_TIMEOUT_SECONDS, allow_errors=True,
                                startup_timeout=STARTUP_TIMEOUT_SECONDS,
                                resources={"metadata": {"path": str(notebook_path.parent)}})
        failure = None
        try:
            client.execute(cleanup_kc=True)
        except (CellExecutionError, CellTimeoutError, DeadKernelError, RuntimeError) as error:
            failure = f"{type(error).__name__}: {error}"
        # The kernel is shut down by now; nbclient's exit hook would try again and fail noisily.
        atexit.unregister(client._cleanup_kernel)
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


def summarise(nb, source, executed, seconds, failure):
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code_cells for o in c.get("outputs", [])]
    errors = [f"cell {i + 1}: {o.get('ename')}: {o.get('evalue')}"
              for i, c in enumerate(nb.cells) for o in c.get("outputs", []) if o.output_type == "error"]
    if failure:
        errors.append(failure)
    return {
        "notebook": source.name,
        "title": title_of(nb, source),
        "executed": str(executed),
        "cells": len(nb.cells),
        "code_cells": len(code_cells),
        "images": sum(1 for o in outputs if "image/png" in o.get("data", {})),
        "seconds": round(seconds, 1),
        "errors": errors,
    }


def title_of(nb, path):
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return path.stem


def write_html(executed_path, out_dir):
    from nbconvert import HTMLExporter
    exporter = HTMLExporter(template_name="offline",
                            extra_template_basedirs=[str(pathlib.Path(__file__).resolve().parent / "site-template")])
    body, _ = exporter.from_notebook_node(nbformat.read(executed_path, as_version=4))
    page = out_dir / (pathlib.Path(executed_path).stem + ".html")
    page.write_text(body, encoding="utf-8")
    return page


def write_index(summaries, out_dir):
    rows = "\n".join(
        f'<tr><td><a href="{html.escape(pathlib.Path(s["notebook"]).stem)}.html">{html.escape(s["title"])}</a></td>'
        f'<td>{s["code_cells"]}</td><td>{s["images"]}</td><td>{s["seconds"]}</td>'
        f'<td>{"ok" if not s["errors"] else html.escape("; ".join(s["errors"]))}</td></tr>'
        for s in summaries)
    page = out_dir / "index.html"
    page.write_text(f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Pooling Lab: the lesson notebooks</title>
<style>
body {{ font-family: sans-serif; max-width: 56em; margin: 2em auto; color: #222; }}
table {{ border-collapse: collapse; width: 100%; }}
th, td {{ text-align: left; padding: 0.4em 0.8em; border-bottom: 1px solid #ddd; }}
</style></head><body>
<h1>Pooling Lab: the lesson notebooks</h1>
<p>Every notebook below was executed on the Java kernel; open one to read it with its outputs.</p>
<table><tr><th>notebook</th><th>code cells</th><th>images</th><th>seconds</th><th>result</th></tr>
{rows}
</table></body></html>
""", encoding="utf-8")
    return page


def notebooks_to_run(names):
    if names:
        paths = [pathlib.Path(n) for n in names]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            sys.exit(f"notebooks.py: no such notebook: {', '.join(missing)}")
        return paths
    paths = sorted((ROOT / "notebooks").glob("[0-9]*.ipynb"))
    if not paths:
        sys.exit("notebooks.py: no notebooks in notebooks/")
    return paths


def command_run(args):
    out_dir = pathlib.Path(args.out).resolve()
    summaries = []
    for path in notebooks_to_run(args.notebooks):
        print(f"  running {path.name} ...", end="", flush=True)
        summary = execute(path, out_dir)
        write_html(summary["executed"], out_dir)
        summaries.append(summary)
        print(f" {summary['seconds']} s, {summary['images']} images"
              + ("" if summary["kernel_starts"] == 1 else f", {summary['kernel_starts']} kernel starts")
              + ("" if not summary["errors"] else f", ERRORS: {'; '.join(summary['errors'])}"))
    index = write_index(summaries, out_dir)
    (out_dir / "summary.json").write_text(json.dumps(summaries, indent=1) + "\n")
    total_errors = sum(len(s["errors"]) for s in summaries)
    print(f"{len(summaries)} notebooks, {sum(s['cells'] for s in summaries)} cells, "
          f"{sum(s['images'] for s in summaries)} images, {sum(s['seconds'] for s in summaries):.1f} s"
          + (f", {total_errors} errors" if total_errors else ", no errors"))
    print(f"open {index}")
    return 1 if total_errors else 0


def command_execute(args):
    summary = execute(args.notebook, pathlib.Path(args.out).resolve())
    print(json.dumps(summary))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("run", help="execute notebooks and write the site")
    run.add_argument("--out", required=True)
    run.add_argument("notebooks", nargs="*")
    one = commands.add_parser("execute", help="execute one notebook; print its summary as JSON")
    one.add_argument("--out", required=True)
    one.add_argument("notebook")
    args = parser.parse_args()
    return command_run(args) if args.command == "run" else command_execute(args)


if __name__ == "__main__":
    sys.exit(main())
