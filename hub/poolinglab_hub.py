"""Pooling Lab on a JupyterHub with local users: the spawner and the hook that jupyterhub_config.py uses.

- copy_course, the pre-spawn hook: each student's own copy of the course folder, ~/pooling-lab, made as
  that student on their first start. Later starts add the files the copy lacks (say, a notebook added
  by a kit update) and never change a file that is there: the notebooks are the student's work.
- PoolingLabSpawner, JupyterHub's local-process spawner with ports of its own: each student's server
  gets a block of ports (by default 50) for itself and its kernels, below the range the system hands
  out for outgoing connections. No two servers are given the same port, no connection can take one of
  them meanwhile, and a server never moves to another port (port_retries=0), so the hub never sends a
  student to someone else's server. Its kernels take their ports from the rest of the block
  (poolinglab_kernels.py, in the student's server).

Runs in the hub's Python (Debian's jupyterhub 3.0 on /usr/bin/python3); copy_course's copying also runs
as a command, `python3 poolinglab_hub.py copy-course COURSE COPY`, as the student.
"""
import asyncio
import os
import pathlib
import pwd
import shutil
import sys

HERE = pathlib.Path(__file__).resolve().parent
COURSE = HERE.parent / "pooling-lab"  # the course folder ./lab setup --system writes, next to this file's folder
KERNELS = HERE.parent / "jupyter"  # the Jupyter data folder with the kit's kernel, "java"
COPY_NAME = "pooling-lab"  # the student's copy, in their home


def copy_missing(course, copy):
    """Copies every file of the course folder that the copy lacks; a file the copy has (even a link
    that leads nowhere) is left as it is. Jars are linked instead of copied, so the library the
    notebooks load is always the installed one. Returns how many files were added."""
    course, copy = pathlib.Path(course), pathlib.Path(copy)
    added = 0
    for folder, subfolders, files in os.walk(course):
        relative = pathlib.Path(folder).relative_to(course)
        if not (copy / relative).is_dir():
            if (copy / relative).exists() or (copy / relative).is_symlink():
                subfolders.clear()  # the student has something else by that name: theirs
                continue
            (copy / relative).mkdir()
        subfolders.sort()
        for name in sorted(files):
            source, target = pathlib.Path(folder, name), copy / relative / name
            if target.exists() or target.is_symlink():
                continue
            if name.endswith(".jar"):
                target.symlink_to(source)
            else:
                shutil.copyfile(source, target)
            added += 1
    return added


def as_user(name):
    """A preexec_fn that makes the child process the user `name`, in their home."""
    user = pwd.getpwnam(name)

    def become():
        os.setgid(user.pw_gid)
        os.initgroups(name, user.pw_gid)
        os.setuid(user.pw_uid)
        os.chdir(user.pw_dir)

    return become


async def copy_course(spawner):
    """JupyterHub's pre_spawn_hook: the student's copy of the course, made as the student (so that no
    link in their home can make the hub write anywhere else)."""
    name = spawner.user.name
    if not COURSE.is_dir():
        raise RuntimeError(f"the course folder {COURSE} is missing: run ./lab setup --system --hub on this server")
    home = pathlib.Path(pwd.getpwnam(name).pw_dir)
    if not home.is_dir():
        raise RuntimeError(f"{name}'s home folder {home} does not exist; create it (e.g. mkhomedir_helper {name})")
    copying = await asyncio.create_subprocess_exec(
        sys.executable, __file__, "copy-course", str(COURSE), str(home / COPY_NAME), preexec_fn=as_user(name),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    said, problem = await copying.communicate()
    if copying.returncode != 0:
        raise RuntimeError(f"copying the course folder into {home / COPY_NAME} as {name} failed: "
                           f"{problem.decode().strip()}")
    spawner.log.info("%s's copy of the course: %s", name, said.decode().strip())


def outgoing_port_range():
    """The ports the system hands out for outgoing connections (Linux: ip_local_port_range)."""
    try:
        low, high = pathlib.Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return int(low), int(high)
    except (OSError, ValueError):
        return 32768, 60999


try:
    from jupyterhub.spawner import LocalProcessSpawner
    from traitlets import Integer

    from poolinglab_kernels import port_is_free
except ImportError:  # copy-course, run as a command, needs neither
    LocalProcessSpawner = None

if LocalProcessSpawner is not None:
    class PoolingLabSpawner(LocalProcessSpawner):
        """Local processes, each student's server with a block of ports of its own (see the module's text)."""

        first_port = Integer(20000, config=True,
                             help="The first port of the first block; blocks must end below the system's "
                                  "range for outgoing connections (/proc/sys/net/ipv4/ip_local_port_range).")
        ports_per_server = Integer(50, config=True,
                                   help="Ports per student's server: its own and 5 per kernel (49: 9 kernels "
                                        "at once; a tenth gets random ports).")

        _blocks = {}  # first port of a block -> the name of the user whose server has it (one hub, one process)

        def _claim_block(self):
            ip = self.ip or "127.0.0.1"
            last = outgoing_port_range()[0] - 1
            for first in range(self.first_port, last - self.ports_per_server + 2, self.ports_per_server):
                if first not in self._blocks and port_is_free(ip, first):
                    self._blocks[first] = self.user.name
                    return first
            raise RuntimeError(f"no free block of {self.ports_per_server} ports between {self.first_port} and {last} "
                               f"for {self.user.name}'s server; lower PoolingLabSpawner.ports_per_server")

        def _release_block(self):
            if self._blocks.get(self.port) == self.user.name:
                del self._blocks[self.port]

        def get_env(self):
            env = super().get_env()
            env["JUPYTERHUB_SINGLEUSER_APP"] = "notebook.notebookapp.NotebookApp"  # the classic notebook
            env["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(KERNELS), env.get("JUPYTER_PATH")]))
            env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
            env["POOLING_LAB_KERNEL_PORTS"] = f"{self.port + 1}-{self.port + self.ports_per_server - 1}"
            return env

        def get_args(self):
            return super().get_args() + [
                "--NotebookApp.port_retries=0",  # a server whose port is taken ends instead of moving to another's
                "--MappingKernelManager.kernel_manager_class=poolinglab_kernels.PortBlockKernelManager",
            ]

        async def start(self):
            self.port = self._claim_block()
            try:
                return await super().start()
            except Exception:
                self._release_block()
                raise

        async def stop(self, now=False):
            try:
                await super().stop(now=now)
            finally:
                self._release_block()


def main():
    if len(sys.argv) != 4 or sys.argv[1] != "copy-course":
        sys.exit("usage: poolinglab_hub.py copy-course COURSE_FOLDER COPY")
    added = copy_missing(sys.argv[2], sys.argv[3])
    print(f"{added} files added to {sys.argv[3]}" if added else f"{sys.argv[3]} is up to date")


if __name__ == "__main__":
    main()
