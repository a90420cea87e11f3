"""The kernels of a student's server on Pooling Lab's hub, so that a student always gets a kernel.

Jupyter chooses a kernel's five ports before it starts the kernel. Out of the box it takes them from the
range the system also hands out for outgoing connections, and when twenty servers start kernels at once,
another process now and then takes a port in the second or so before the kernel listens on it; that
kernel cannot start, and the notebook waits for it in vain.

PortBlockKernelManager (the hub's spawner makes it the kernel manager of every student's server):
- takes each kernel's ports from the server's own block, POOLING_LAB_KERNEL_PORTS (say 20001-20049),
  which the hub gives no one else and which lies outside the range for outgoing connections; a port in
  use is skipped, and a port stays the kernel's until it is shut down, over restarts too. With no block,
  or none of it left, the ports are Jupyter's usual random ones;
- waits until a new kernel listens on its ports before the server hands it to the notebook, and when
  the kernel ends before that (the kit's kernel ends at once, with a message, when a port is taken),
  starts it again on other ports: the notebook gets the kernel that listens.

Runs inside the student's server (Debian's notebook 6.4 with jupyter_client 7.4); the spawner puts this
folder on its PYTHONPATH.
"""
import asyncio
import os
import pathlib
import socket
import time

from jupyter_client.ioloop import IOLoopKernelManager
from jupyter_client.utils import run_sync
from traitlets import default

BLOCK_VARIABLE = "POOLING_LAB_KERNEL_PORTS"
PORT_NAMES = ("shell_port", "iopub_port", "stdin_port", "hb_port", "control_port")
STARTS = 5  # starts on fresh ports before giving up on a kernel that ends at once
LISTEN_SECONDS = 120  # how long a start waits for the kernel to listen (a busy 2-core server: up to ~20 s)
LISTEN = "0A"  # the state of a listening socket in /proc/net/tcp


def block():
    """The ports of this server's block for its kernels, or an empty range."""
    text = os.environ.get(BLOCK_VARIABLE, "")
    try:
        first, last = (int(part) for part in text.split("-"))
    except ValueError:
        return range(0)
    return range(first, last + 1)


def port_is_free(ip, port):
    with socket.socket() as probe:
        try:
            probe.bind((ip, port))
        except OSError:
            return False
    return True


def listening_ports():
    """The local TCP ports something listens on, from /proc/net/tcp and tcp6; None where there is no /proc."""
    ports = set()
    found = False
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = pathlib.Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        found = True
        for line in lines:
            fields = line.split()
            if fields[3] == LISTEN:
                ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports if found else None


class PortBlockKernelManager(IOLoopKernelManager):
    """Kernels on ports of the server's own block, started again on other ports when they end at once."""

    _taken = set()  # the ports of this server's kernels, from their first start until their shutdown

    @default("cache_ports")
    def _no_port_cache(self):
        return False  # the block is the cache

    def _take_ports(self):
        """Sets the five ports from the block, if it has five free ones (else they stay 0: random)."""
        ports = [port for port in block() if port not in self._taken and port_is_free(self.ip, port)][:len(PORT_NAMES)]
        if len(ports) < len(PORT_NAMES):
            self.log.warning("No %d free ports left in %s=%s; kernel %s gets random ports", len(PORT_NAMES),
                             BLOCK_VARIABLE, os.environ.get(BLOCK_VARIABLE), self.kernel_id)
            return
        for name, port in zip(PORT_NAMES, ports):
            setattr(self, name, port)
        self._taken.update(ports)

    def _give_ports_back(self):
        self._taken.difference_update(getattr(self, name) for name in PORT_NAMES)

    async def _async_pre_start_kernel(self, **kw):
        if self.transport == "tcp" and self.shell_port == 0:
            self._take_ports()
        return await super()._async_pre_start_kernel(**kw)

    async def _async_launch_kernel(self, kernel_cmd, **kw):
        for start in range(1, STARTS + 1):
            await super()._async_launch_kernel(kernel_cmd, **kw)
            status = await self._listening_or_ended()
            if status is None:
                return
            ports = ", ".join(str(getattr(self, name)) for name in PORT_NAMES)
            if start == STARTS:
                self.log.error("Kernel %s ended at start %d times (last exit status %s); giving up", self.kernel_id,
                               STARTS, status)
                return
            self.log.warning("Kernel %s ended before it listened on its ports %s (exit status %s; the kernel's "
                             "own message is above); starting it again on other ports", self.kernel_id, ports, status)
            await self.provisioner.wait()
            self._move_to_other_ports()

    def _move_to_other_ports(self):
        self._give_ports_back()
        self.cleanup_connection_file()
        for name in PORT_NAMES:
            setattr(self, name, 0)
        self._take_ports()
        self.write_connection_file()
        self.provisioner.connection_info = self.get_connection_info()

    async def _listening_or_ended(self):
        """None once the kernel listens on all its ports (or when that cannot be seen), else its exit status."""
        ports = {getattr(self, name) for name in PORT_NAMES}
        deadline = time.monotonic() + LISTEN_SECONDS
        while time.monotonic() < deadline:
            status = await self.provisioner.poll()
            if status is not None:
                return status
            listening = listening_ports()
            if listening is None or ports <= listening:
                return None
            await asyncio.sleep(0.05)
        self.log.warning("Kernel %s did not listen on its ports within %d s; handing it over as it is",
                         self.kernel_id, LISTEN_SECONDS)
        return None

    async def _async_cleanup_resources(self, restart=False):
        if not restart:
            self._give_ports_back()
        await super()._async_cleanup_resources(restart=restart)

    # The base class binds these names to its own methods; they must call ours.
    pre_start_kernel = run_sync(_async_pre_start_kernel)
    _launch_kernel = run_sync(_async_launch_kernel)
    cleanup_resources = run_sync(_async_cleanup_resources)
