#!/usr/bin/python3
"""Runs cells on a fresh kernel "java", with the kernel idle between them, as a student who stops to read.

    idle_kernel.py < CELLS.json      CELLS.json: [{"source": "...", "idle_after": SECONDS}, ...]

Prints what each cell printed and its result's plain text. Ends with status 1 when a cell fails.
Used by IdleKernelTest; runs on the Python that has Jupyter (Debian: /usr/bin/python3).
"""
import json
import sys
import time

from jupyter_client.manager import KernelManager


def show(msg):
    if msg["msg_type"] == "stream":
        print(msg["content"]["text"], end="", flush=True)
    elif msg["msg_type"] in ("execute_result", "display_data"):
        print(msg["content"]["data"].get("text/plain", ""), flush=True)
    elif msg["msg_type"] == "error":
        print("\n".join(msg["content"]["traceback"]), flush=True)


def main():
    cells = json.load(sys.stdin)
    manager = KernelManager(kernel_name="java")
    manager.start_kernel()
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=120)
        for number, cell in enumerate(cells, start=1):
            reply = client.execute_interactive(cell["source"], timeout=180, output_hook=show)
            if reply["content"]["status"] != "ok":
                sys.exit(f"idle_kernel.py: cell {number} failed")
            time.sleep(cell.get("idle_after", 0))
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)


if __name__ == "__main__":
    main()
