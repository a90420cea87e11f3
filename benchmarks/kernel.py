#!/usr/bin/python3
"""How fast the Java kernel starts and how much memory it keeps: ./lab bench kernel.

    kernel.py [--runs-01 N] [--runs-06 N] [--idle SECONDS] [--kernelspec DIR] [--out FILE.json]

For each run, a fresh kernel (the kernelspec "java" Jupyter finds, started in notebooks/ like a notebook's
own kernel) runs a lesson notebook from the top, cell after cell, as Run All does. Reported per run:
- ready: seconds from starting the kernel until it answers its first kernel_info request;
- first picture: seconds from starting the kernel until the notebook's first picture arrives;
- done: seconds from starting the kernel until the last cell has finished;
- RSS and peak RSS (VmRSS and VmHWM of the kernel's process) and PSS (its share of pages shared with
  other processes, such as a class-data-sharing archive) once the notebook has run;
- with --idle, the RSS once the kernel has been idle that long.
--kernelspec DIR runs another kernel (a folder like kernels/java), to compare.
Runs on the Python that has Jupyter (Debian: /usr/bin/python3).
"""
import argparse
import json
import pathlib
import queue
import statistics
import subprocess
import time

import nbformat
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

ROOT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_01 = NOTEBOOKS / "01-what-is-pooling.ipynb"
NOTEBOOK_06 = NOTEBOOKS / "06-pooling-in-a-network.ipynb"
CELL_TIMEOUT_SECONDS = 600


def memory(pid):
    """RSS, peak RSS and PSS of a process in MB, from /proc."""
    status = dict(line.split(":", 1) for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines())
    rollup = pathlib.Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
    pss = next(int(line.split()[1]) for line in rollup if line.startswith("Pss:"))
    return {"rss_mb": int(status["VmRSS"].split()[0]) / 1024, "peak_rss_mb": int(status["VmHWM"].split()[0]) / 1024,
            "pss_mb": pss / 1024}


def run(notebook_path, idle_seconds=0, kernelspec=None):
    """One fresh kernel runs the notebook from the top; returns the figures of one run."""
    cells = [cell.source for cell in nbformat.read(notebook_path, as_version=4).cells if cell.cell_type == "code"]
    if kernelspec:
        folder = pathlib.Path(kernelspec).resolve()
        manager = KernelManager(kernel_name=folder.name,
                                kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(folder.parent)]))
    else:
        manager = KernelManager(kernel_name="java")
    started = time.monotonic()
    manager.start_kernel(cwd=str(notebook_path.parent), stderr=subprocess.DEVNULL)
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        ready = time.monotonic() - started
        pictures = []  # when each picture arrived

        def note_picture(msg):
            if msg["msg_type"] in ("display_data", "execute_result") and "image/png" in msg["content"].get("data", {}):
                pictures.append(time.monotonic())

        for index, source in enumerate(cells):
            reply = client.execute_interactive(source, timeout=CELL_TIMEOUT_SECONDS, output_hook=note_picture)
            if reply["content"]["status"] != "ok":
                raise RuntimeError(f"{notebook_path.name}, code cell {index + 1} failed: {reply['content']}")
        done = time.monotonic() - started
        pid = manager.provisioner.process.pid
        figures = {"notebook": notebook_path.name, "ready_s": ready, "first_picture_s": pictures[0] - started,
                   "done_s": done, **memory(pid)}
        if idle_seconds:
            time.sleep(idle_seconds)
            figures["idle_rss_mb"] = memory(pid)["rss_mb"]
        return figures
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


def summary(runs, key):
    values = sorted(run[key] for run in runs)
    places = 0 if key.endswith("_mb") else 1 if key == "done_s" else 2
    return f"{statistics.median(values):.{places}f} ({values[0]:.{places}f}-{values[-1]:.{places}f})"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs-01", type=int, default=5, help="fresh kernels that run notebook 01 (default 5)")
    parser.add_argument("--runs-06", type=int, default=2, help="fresh kernels that run notebook 06 (default 2)")
    parser.add_argument("--idle", type=float, default=0, metavar="SECONDS",
                        help="also measure the RSS after the kernel has been idle this long")
    parser.add_argument("--kernelspec", metavar="DIR", help="a kernelspec folder to run instead of the kit's kernel")
    parser.add_argument("--out", help="also write every run's figures to this JSON file")
    args = parser.parse_args()
    if args.kernelspec and not (pathlib.Path(args.kernelspec) / "kernel.json").is_file():
        parser.error(f"--kernelspec {args.kernelspec}: no kernel.json in that folder (give a folder like kernels/java)")
    runs = []
    for notebook, count in ((NOTEBOOK_01, args.runs_01), (NOTEBOOK_06, args.runs_06)):
        for number in range(1, count + 1):
            figures = run(notebook, args.idle, args.kernelspec)
            runs.append(figures)
            print(f"{notebook.name} run {number}: ready {figures['ready_s']:.2f} s, first picture "
                  f"{figures['first_picture_s']:.2f} s, done {figures['done_s']:.1f} s; RSS {figures['rss_mb']:.0f} MB "
                  f"(peak {figures['peak_rss_mb']:.0f}, PSS {figures['pss_mb']:.0f})"
                  + (f", {figures['idle_rss_mb']:.0f} MB after {args.idle:.0f} s idle" if args.idle else ""), flush=True)
    print("\n| notebook | runs | ready s | first picture s | done s | RSS MB | peak RSS MB | PSS MB |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for notebook in (NOTEBOOK_01, NOTEBOOK_06):
        mine = [run for run in runs if run["notebook"] == notebook.name]
        if mine:
            print(f"| {notebook.name[:2]} | {len(mine)} | " + " | ".join(summary(mine, key) for key in (
                "ready_s", "first_picture_s", "done_s", "rss_mb", "peak_rss_mb", "pss_mb")) + " |")
    print("(median, and the range in brackets)")
    if args.out:
        pathlib.Path(args.out).write_text(json.dumps(runs, indent=2) + "\n")


if __name__ == "__main__":
    main()
