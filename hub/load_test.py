#!/usr/bin/python3
"""A class on one server: N students on the kit's JupyterHub, all opening notebook 01 at the same moment.

    load_test.py --students N [--notebook-06 K] [--kernelspec DIR] [--out FILE.json]

Starts a test hub with N temporary students (hub/testing.py: the kit's configuration, installed by
./lab setup --system --hub into a temporary folder), then, through the hub's REST API:
1. starts every student's server at once and waits until all are ready;
2. at one moment, every student opens notebook 01 (a session, as the notebook page makes one, so the
   kernel starts in the notebook's folder) and runs it from the top, cell after cell, over the kernel's
   websocket, as Run All does; K of them (every N/K-th) then open notebook 06 and run it too.
It reports for each part the times from the moment the students opened the notebook (p50 and p95):
the kernel's first answer, the first result, the first picture, the last cell done; the failures (a
server that did not start, a kernel that never answered, a cell that failed), and the peak memory per
student (their server and kernels, RSS and PSS) and of all students together, sampled every second.
Everything it started is stopped and removed at the end. Needs root; takes the whole machine, so run it
on a quiet one. --kernelspec DIR runs the class on another kernel (a folder like kernels/java), to compare.
"""
import argparse
import asyncio
import datetime
import json
import pathlib
import shutil
import statistics
import sys
import threading
import time
import uuid

import nbformat
from tornado.httpclient import AsyncHTTPClient, HTTPRequest
from tornado.websocket import websocket_connect

from testing import TestHub

KIT = pathlib.Path(__file__).resolve().parent.parent
NOTEBOOK_01 = "notebooks/01-what-is-pooling.ipynb"
NOTEBOOK_06 = "notebooks/06-pooling-in-a-network.ipynb"
SERVER_SECONDS = 300
KERNEL_SECONDS = 180  # a kernel that has not answered by then counts as no kernel (the notebook page gives up at 60)
CELL_SECONDS = 900


class Failure(Exception):
    """What went wrong for one student."""


def cells_of(notebook):
    return [cell.source for cell in nbformat.read(KIT / notebook, as_version=4).cells if cell.cell_type == "code"]


class Student:
    def __init__(self, hub, name):
        self.hub = hub
        self.name = name
        self.user = hub.users[name]
        self.uid = hub.home(name).stat().st_uid
        self.times = {}  # what happened when, in seconds from the moment the class started it
        self.failure = None

    async def call(self, method, path, body=None):
        response = await AsyncHTTPClient().fetch(HTTPRequest(
            self.hub.url + path, method=method, body=None if body is None else json.dumps(body),
            headers={"Authorization": f"token {self.hub.token}"}, request_timeout=SERVER_SECONDS), raise_error=False)
        if response.code >= 400:
            raise Failure(f"{method} {path}: {response.code} {response.body.decode()[:200]}")
        return json.loads(response.body) if response.body else None

    async def start_server(self, started):
        await self.call("POST", f"/hub/api/users/{self.user}/server", {})
        while not (await self.call("GET", f"/hub/api/users/{self.user}")).get("servers", {}).get("", {}).get("ready"):
            if time.monotonic() - started > SERVER_SECONDS:
                raise Failure(f"the server was not ready within {SERVER_SECONDS} s")
            await asyncio.sleep(0.5)
        self.times["server ready"] = time.monotonic() - started

    async def run(self, notebook, cells, started):
        """Opens the notebook (a new session and kernel) and runs its cells; records the times as 'notebook: ...'."""
        key = notebook[10:12]  # "01", "06"
        session = await self.call("POST", f"/user/{self.user}/api/sessions", {
            "path": f"pooling-lab/{notebook}", "type": "notebook", "name": "", "kernel": {"name": "java"}})
        address = (f"ws://127.0.0.1:{self.hub.port}/user/{self.user}/api/kernels/{session['kernel']['id']}/channels"
                   f"?session_id={uuid.uuid4().hex}")
        channels = await websocket_connect(HTTPRequest(address, headers={"Authorization": f"token {self.hub.token}"}),
                                           max_message_size=256 * 1024 * 1024)
        try:
            await self.kernel_info(channels, started, key)
            for index, source in enumerate(cells, start=1):
                await self.execute(channels, index, source, started, key)
            self.times[f"{key} done"] = time.monotonic() - started
        finally:
            channels.close()
            await self.call("DELETE", f"/user/{self.user}/api/sessions/{session['id']}")

    async def kernel_info(self, channels, started, key):
        """Asks the kernel for its kernel_info every second until it answers, as nbclient does."""
        while True:
            request = message("kernel_info_request", {})
            await channels.write_message(json.dumps(request))
            try:
                await asyncio.wait_for(self.reply_to(channels, request, started, key), 1)
                self.times[f"{key} kernel"] = time.monotonic() - started
                return
            except asyncio.TimeoutError:
                if time.monotonic() - started > KERNEL_SECONDS:
                    raise Failure(f"no kernel: notebook {key}'s kernel did not answer within {KERNEL_SECONDS} s")

    async def execute(self, channels, index, source, started, key):
        request = message("execute_request", {"code": source, "silent": False, "store_history": True,
                                              "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        await channels.write_message(json.dumps(request))
        try:
            reply = await asyncio.wait_for(self.reply_to(channels, request, started, key), CELL_SECONDS)
        except asyncio.TimeoutError:
            raise Failure(f"notebook {key}, code cell {index}: no answer within {CELL_SECONDS} s") from None
        if reply["content"]["status"] != "ok":
            raise Failure(f"notebook {key}, code cell {index} failed: {reply['content'].get('ename')} "
                          f"{reply['content'].get('evalue', '')[:200]}")

    async def reply_to(self, channels, request, started, key):
        """Reads messages until the reply to `request` and the kernel's idle status after it (the two come on
        different channels, in either order); notes when the first result and the first picture came."""
        reply = idle = None
        while not (reply and idle):
            text = await channels.read_message()
            if text is None:
                raise Failure(f"notebook {key}: the kernel's websocket closed")
            msg = json.loads(text)
            if msg["parent_header"].get("msg_id") != request["header"]["msg_id"]:
                continue
            if msg["msg_type"] in ("execute_result", "display_data", "stream"):
                self.times.setdefault(f"{key} first result", time.monotonic() - started)
                if "image/png" in msg["content"].get("data", {}):
                    self.times.setdefault(f"{key} first picture", time.monotonic() - started)
            elif msg["msg_type"] == request["header"]["msg_type"].replace("_request", "_reply"):
                reply = msg
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                idle = msg
        return reply


def message(msg_type, content):
    return {"header": {"msg_id": uuid.uuid4().hex, "username": "load-test", "session": uuid.uuid4().hex,
                       "msg_type": msg_type, "version": "5.3",
                       "date": datetime.datetime.now(datetime.timezone.utc).isoformat()},
            "parent_header": {}, "metadata": {}, "content": content, "channel": "shell", "buffers": []}


class Memory(threading.Thread):
    """Samples every second each student's processes (RSS and PSS summed per student) until stopped."""

    def __init__(self, students):
        super().__init__(daemon=True)
        self.uids = {student.uid: student.name for student in students}
        self.peak = {name: {"rss": 0, "pss": 0} for name in self.uids.values()}
        self.peak_all = {"rss": 0, "pss": 0}
        self.peak_used = 0  # the machine's memory in use (MemTotal - MemAvailable), above what it was at the start
        self.baseline = used_memory()
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(1):
            totals = {name: {"rss": 0, "pss": 0} for name in self.uids.values()}
            for status in pathlib.Path("/proc").glob("[0-9]*/status"):
                try:
                    fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
                    name = self.uids.get(int(fields["Uid"].split()[0]))
                    if name is None or "VmRSS" not in fields:
                        continue
                    rollup = (status.parent / "smaps_rollup").read_text()
                except (OSError, ValueError):
                    continue  # ended meanwhile
                totals[name]["rss"] += int(fields["VmRSS"].split()[0]) * 1024
                totals[name]["pss"] += next(int(line.split()[1]) for line in rollup.splitlines()
                                            if line.startswith("Pss:")) * 1024
            for name, total in totals.items():
                for kind in ("rss", "pss"):
                    self.peak[name][kind] = max(self.peak[name][kind], total[kind])
            for kind in ("rss", "pss"):
                self.peak_all[kind] = max(self.peak_all[kind], sum(total[kind] for total in totals.values()))
            self.peak_used = max(self.peak_used, used_memory() - self.baseline)


def used_memory():
    info = dict(line.split(":", 1) for line in pathlib.Path("/proc/meminfo").read_text().splitlines())
    return (int(info["MemTotal"].split()[0]) - int(info["MemAvailable"].split()[0])) * 1024


def percentiles(values):
    """p50 and p95 (nearest rank) of the values, or None."""
    if not values:
        return None
    ordered = sorted(values)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]


async def class_at_once(hub, count, notebook_06):
    AsyncHTTPClient.configure(None, max_clients=4 * count + 10)
    students = [Student(hub, name) for name in sorted(hub.users)]
    memory = Memory(students)
    memory.start()
    cells_01, cells_06 = cells_of(NOTEBOOK_01), cells_of(NOTEBOOK_06)
    every = max(1, count // notebook_06) if notebook_06 else 0
    runs_06 = {student.name for student in students[every - 1::every][:notebook_06]} if notebook_06 else set()

    async def servers(student, started):
        try:
            await student.start_server(started)
        except Exception as e:  # noqa: BLE001 (any failure is this student's)
            student.failure = f"server: {e}"

    async def notebooks(student, started):
        if student.failure:
            return
        try:
            await student.run(NOTEBOOK_01, cells_01, started)
            if student.name in runs_06:
                await student.run(NOTEBOOK_06, cells_06, started)
        except Exception as e:  # noqa: BLE001
            student.failure = str(e) if isinstance(e, Failure) else f"{type(e).__name__}: {e}"

    started = time.monotonic()
    await asyncio.gather(*(servers(student, started) for student in students))
    servers_seconds = time.monotonic() - started
    print(f"load test: {count} servers started in {servers_seconds:.1f} s; now every student opens notebook 01",
          flush=True)
    started = time.monotonic()
    await asyncio.gather(*(notebooks(student, started) for student in students))
    memory.done.set()
    memory.join()
    return students, memory, runs_06


def report(students, memory, runs_06, args):
    def times(key, among=students):
        return percentiles([student.times[key] for student in among if key in student.times])

    with_06 = [student for student in students if student.name in runs_06]
    figures = {
        "students": len(students), "notebook_06": len(with_06),
        "server_ready_s": times("server ready"),
        "kernel_01_s": times("01 kernel"), "first_result_01_s": times("01 first result"),
        "first_picture_01_s": times("01 first picture"), "done_01_s": times("01 done"),
        "done_06_s": times("06 done", with_06),
        "failures": {student.name: student.failure for student in students if student.failure},
        "no_kernel": sum(1 for student in students if student.failure and student.failure.startswith("no kernel")),
        "peak_student_rss_mb": percentiles([memory.peak[s.name]["rss"] / 2**20 for s in students]),
        "peak_student_pss_mb": percentiles([memory.peak[s.name]["pss"] / 2**20 for s in students]),
        "peak_all_rss_gb": memory.peak_all["rss"] / 2**30, "peak_all_pss_gb": memory.peak_all["pss"] / 2**30,
        "peak_used_gb": memory.peak_used / 2**30,
        "students_detail": {student.name: {"times": student.times, "failure": student.failure,
                                           "peak_rss_mb": memory.peak[student.name]["rss"] / 2**20,
                                           "peak_pss_mb": memory.peak[student.name]["pss"] / 2**20}
                            for student in students},
    }

    def pair(value, unit="s", places=1):
        return "-" if value is None else f"{value[0]:.{places}f} / {value[1]:.{places}f} {unit}"

    print(f"""
| students (06) | servers ready | kernel answers | first picture | notebook 01 done | notebook 06 done | failures (no kernel) | peak per student RSS / PSS | peak all RSS / PSS / in use |
|---|---|---|---|---|---|---|---|---|
| {figures['students']} ({figures['notebook_06']}) | {pair(figures['server_ready_s'])} | {pair(figures['kernel_01_s'])} | \
{pair(figures['first_picture_01_s'])} | {pair(figures['done_01_s'])} | {pair(figures['done_06_s'])} | \
{len(figures['failures'])} ({figures['no_kernel']}) | {pair(figures['peak_student_rss_mb'], 'MB', 0)} RSS, \
{pair(figures['peak_student_pss_mb'], 'MB', 0)} PSS | {figures['peak_all_rss_gb']:.1f} / {figures['peak_all_pss_gb']:.1f} / \
{figures['peak_used_gb']:.1f} GB |
(times p50 / p95 from the moment the students opened notebook 01; memory p50 / max of the students' peaks)""")
    for name, failure in figures["failures"].items():
        print(f"  {name}: {failure}")
    if args.out:
        pathlib.Path(args.out).write_text(json.dumps(figures, indent=2) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--students", type=int, required=True, help="how many students")
    parser.add_argument("--notebook-06", type=int, default=None,
                        help="how many of them also run notebook 06 (default: one in ten)")
    parser.add_argument("--kernelspec", help="a kernelspec folder to run the class on instead of the kit's")
    parser.add_argument("--out", help="also write the figures, per student too, to this JSON file")
    args = parser.parse_args()
    notebook_06 = args.students // 10 if args.notebook_06 is None else args.notebook_06
    with TestHub([f"s{number:02d}" for number in range(1, args.students + 1)]) as hub:
        if args.kernelspec:
            installed = hub.folder / "prefix" / "share" / "jupyter" / "kernels" / "java"
            shutil.rmtree(installed)
            shutil.copytree(args.kernelspec, installed)
        students, memory, runs_06 = asyncio.run(class_at_once(hub, args.students, notebook_06))
    report(students, memory, runs_06, args)
    return 1 if any(student.failure for student in students) else 0


if __name__ == "__main__":
    sys.exit(main())
