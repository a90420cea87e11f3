#!/usr/bin/python3
"""A real JupyterHub with the kit's configuration, for tests: temporary users, a test login, free ports.

    testing.py serve --students ada alan [--culled carl] [--log FILE]

installs the kit for a hub into a temporary folder (./lab setup --system --hub --prefix), creates a
temporary Unix user per student (home in that folder, no password, no shell), and starts the hub with
the installed jupyterhub_config.py; only the settings an instructor would put in their own file differ:
a test login (any of the students, with one random password), local addresses on free ports, the hub's
database in the temporary folder, and an API token for the test. A student named with --culled gets
kernels and a server that end after a few idle seconds (the kit's culling, shortened). It prints one line
of JSON (the hub's address, the password, the token, each student's user name and home) and runs until
its standard input closes or it gets SIGTERM or SIGINT; then it stops the hub, every server and kernel,
removes the users and the folder, and prints a last line of JSON saying what it had to kill.

Also a module: the load test (load_test.py) uses TestHub directly. Needs root (users, and a hub that
starts servers as them) and Debian's jupyterhub (./lab setup --system --hub installs it).
"""
import argparse
import json
import os
import pathlib
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

KIT = pathlib.Path(__file__).resolve().parent.parent
MARKER = "Pooling Lab test user"  # the users' comment (GECOS), with the pid of the process that made them
START_SECONDS = 60
STOP_SECONDS = 30
PORTS_PER_SERVER = 50  # the kit's default block; the test's blocks start at a random place (see first_port)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def processes_of(uids):
    """The pids of every process run by one of these users."""
    found = []
    for status in pathlib.Path("/proc").glob("[0-9]*/status"):
        try:
            lines = status.read_text().splitlines()
        except OSError:
            continue  # ended meanwhile
        uid = next((int(line.split()[1]) for line in lines if line.startswith("Uid:")), None)
        if uid in uids:
            found.append(int(status.parent.name))
    return found


def kill(pids):
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def remove_user(name):
    """Ends the user's processes, then removes the user, their group, their home and their JVMs' folder."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return []
    leftovers = processes_of({uid})
    kill(leftovers)
    for _ in range(50):
        if not processes_of({uid}):
            break
        time.sleep(0.1)
    subprocess.run(["userdel", "--remove", name], capture_output=True)
    subprocess.run(["groupdel", name], capture_output=True)  # when userdel left the user's group
    shutil.rmtree(pathlib.Path(tempfile.gettempdir()) / f"hsperfdata_{name}", ignore_errors=True)  # every JVM writes one
    return leftovers


def remove_stale_users():
    """Users an earlier test made whose process has ended (killed, say, before it could clean up)."""
    for user in pwd.getpwall():
        if user.pw_gecos.startswith(MARKER):
            pid = user.pw_gecos.rsplit(" ", 1)[-1]
            if not (pid.isdigit() and alive(int(pid))):
                remove_user(user.pw_name)
                home = pathlib.Path(user.pw_dir)
                if home.parent.name == "home" and home.parent.parent.name.startswith("pooling-lab-hub-"):
                    shutil.rmtree(home.parent.parent, ignore_errors=True)


class TestHub:
    """The hub, its users and its folder; stop() removes them all. Use as a context manager."""

    def __init__(self, students, culled=(), log=None):
        if os.geteuid() != 0:
            raise RuntimeError("the hub test needs root: it creates users and starts their servers as them")
        self.students = list(students) + list(culled)
        self.culled = list(culled)
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="pooling-lab-hub-"))
        self.folder.chmod(0o755)
        self.log_path = pathlib.Path(log) if log else self.folder / "jupyterhub.log"
        self.tag = secrets.token_hex(3)
        self.users = {}  # student -> Unix user name
        self.password = secrets.token_urlsafe(12)
        self.token = secrets.token_hex(24)
        self.port = free_port()
        self.process = None
        self.killed = []

    def __enter__(self):
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *failure):
        self.stop()

    @property
    def course(self):
        """The course folder the install wrote."""
        return self.folder / "prefix" / "share" / "pooling-lab"

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def home(self, student):
        return pathlib.Path(pwd.getpwnam(self.users[student]).pw_dir)

    def start(self):
        remove_stale_users()
        prefix = self.folder / "prefix"
        subprocess.run([str(KIT / "lab"), "setup", "--system", "--hub", "--prefix", str(prefix)], check=True,
                       stdout=subprocess.DEVNULL)
        homes = self.folder / "home"
        homes.mkdir(mode=0o755)
        for student in self.students:
            name = f"plab-{self.tag}-{student}"[:32]
            subprocess.run(["useradd", "--create-home", "--home-dir", str(homes / name), "--shell", "/usr/sbin/nologin",
                            "--user-group", "--comment", f"{MARKER}, pid {os.getpid()}", name], check=True)
            self.users[student] = name
        settings = self.folder / "settings.py"
        settings.write_text(self.settings())
        env = {**os.environ, "POOLING_LAB_HUB_SETTINGS": str(settings)}
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                ["/usr/bin/python3", "-m", "jupyterhub", "-f", str(prefix / "share/pooling-lab-hub/jupyterhub_config.py")],
                cwd=self.folder, env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True)
        deadline = time.monotonic() + START_SECONDS
        while not self.answers():
            if self.process.poll() is not None:
                raise RuntimeError(f"the hub ended at start with exit status {self.process.returncode}; "
                                   f"see {self.log_path}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not answer within {START_SECONDS} s; see {self.log_path}")
            time.sleep(0.25)

    def settings(self):
        """What an instructor's /etc/jupyterhub/jupyterhub_config.py would say, for this test."""
        first_port = 20000 + PORTS_PER_SERVER * secrets.randbelow(200 - len(self.students))
        culled = {self.users[student] for student in self.culled}
        return f"""# Written by hub/testing.py for one test hub; removed with it.
c.JupyterHub.authenticator_class = "jupyterhub.auth.DummyAuthenticator"
c.DummyAuthenticator.password = {self.password!r}
c.Authenticator.allowed_users = {set(self.users.values())!r}
c.JupyterHub.bind_url = {self.url!r}
c.JupyterHub.hub_bind_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.JupyterHub.db_url = "sqlite:///{self.folder / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = {str(self.folder / 'jupyterhub_cookie_secret')!r}
c.PoolingLabSpawner.first_port = {first_port}
c.JupyterHub.services = [{{"name": "test", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "test", "services": ["test"],
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users", "tokens"]}}]

from poolinglab_hub import copy_course

async def copy_course_and_cull_quickly(spawner):
    await copy_course(spawner)
    if spawner.user.name in {culled!r}:
        # the kit's culling, in seconds instead of minutes (the server looks once a minute)
        timeouts = ("--MappingKernelManager.cull_idle_timeout", "--MappingKernelManager.cull_interval",
                    "--NotebookApp.shutdown_no_activity_timeout")
        spawner.args = [argument for argument in spawner.args if not argument.startswith(timeouts)] + [
            "--MappingKernelManager.cull_idle_timeout=4", "--MappingKernelManager.cull_interval=2",
            "--NotebookApp.shutdown_no_activity_timeout=5"]

c.Spawner.pre_spawn_hook = copy_course_and_cull_quickly
"""

    def answers(self):
        try:
            self.api("GET", "/hub/api/")
            return True
        except (OSError, urllib.error.URLError):
            return False

    def api(self, method, path, body=None, timeout=30):
        """A call to the hub's REST API (or, through the proxy, a server's) with the test's token."""
        request = urllib.request.Request(self.url + path, method=method,
                                         data=None if body is None else json.dumps(body).encode(),
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            text = response.read()
        return json.loads(text) if text else None

    def stop(self):
        """Stops the hub (which stops its servers and their kernels), then kills whatever is left, removes
        the users and the folder. Records in self.killed what had to be killed."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(STOP_SECONDS)
            except subprocess.TimeoutExpired:
                self.killed.append(f"the hub (pid {self.process.pid})")
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        proxy = self.folder / "jupyterhub-proxy.pid"
        if proxy.exists():
            pid = int(proxy.read_text().strip() or 0)
            if pid and alive(pid):
                self.killed.append(f"the proxy (pid {pid})")
                kill([pid])
        for student, name in self.users.items():
            self.killed += [f"{student}'s process {pid}" for pid in remove_user(name)]
        self.users = {}
        shutil.rmtree(self.folder, ignore_errors=True)


def serve(args):
    hub = TestHub(args.students, args.culled, args.log)
    stopping = []

    def stop_on_signal(number, frame):
        stopping.append(number)
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop_on_signal)
    try:
        with hub:
            print(json.dumps({"url": hub.url, "password": hub.password, "token": hub.token, "course": str(hub.course),
                              "students": {student: {"user": name, "home": str(hub.home(student))}
                                           for student, name in hub.users.items()}}), flush=True)
            sys.stdin.read()  # until the caller closes it
    except KeyboardInterrupt:
        pass
    print(json.dumps({"stopped": True, "killed": hub.killed}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    serving = commands.add_parser("serve", help="start a test hub; stop it when standard input closes")
    serving.add_argument("--students", nargs="+", required=True, help="short names, e.g. ada alan")
    serving.add_argument("--culled", nargs="*", default=[], help="students whose idle kernels and server end soon")
    serving.add_argument("--log", help="the hub's log (default: in the temporary folder, removed at the end)")
    args = parser.parse_args()
    serve(args)


if __name__ == "__main__":
    main()
