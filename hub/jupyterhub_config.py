# Pooling Lab's JupyterHub: one server, the students as its local users (Debian's jupyterhub 3.0).
#
# Installed by `sudo ./lab setup --system --hub` next to the kernel and the course folder, and replaced by
# the next install: put your own settings in /etc/jupyterhub/jupyterhub_config.py (Debian's file), which
# this file reads last, so what you set there wins. Start the hub as root, from its state folder:
#
#     cd /var/lib/jupyterhub && sudo jupyterhub -f /usr/local/share/pooling-lab-hub/jupyterhub_config.py
#
# What you usually set in /etc/jupyterhub/jupyterhub_config.py:
#     c.JupyterHub.bind_url = "https://:443"                        where the students connect, and
#     c.JupyterHub.ssl_cert = ...; c.JupyterHub.ssl_key = ...       your certificate (or a proxy in front)
#     c.Authenticator.allowed_users = {"ada", "alan"}               who may log in (default: any local user)
#     c.Authenticator.admin_users = {"teacher"}
#     c.JupyterHub.authenticator_class = "..."                      another way to log in (see the README)
#     c.Spawner.mem_limit = "4G"                                    memory per student (the kernel's heap: half)
import os
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from poolinglab_hub import PoolingLabSpawner, copy_course  # noqa: E402  (after the path is set)

c = get_config()  # noqa: F821  (JupyterHub's config loader provides get_config)

# Debian's configurable-http-proxy finds its Node modules in /usr/share/nodejs, which a Node.js from
# elsewhere (nodesource, nvm) first on PATH does not search by itself.
if pathlib.Path("/usr/share/nodejs").is_dir():
    os.environ["NODE_PATH"] = os.pathsep.join(filter(None, ["/usr/share/nodejs", os.environ.get("NODE_PATH")]))

# The hub's database and cookie secret, in Debian's state folder for the hub.
if os.access("/var/lib/jupyterhub", os.W_OK):
    c.JupyterHub.db_url = "sqlite:////var/lib/jupyterhub/jupyterhub.sqlite"
    c.JupyterHub.cookie_secret_file = "/var/lib/jupyterhub/jupyterhub_cookie_secret"

# Students log in with their account on this server (PAM), the default; see the README for others.
c.JupyterHub.authenticator_class = "jupyterhub.auth.PAMAuthenticator"

# Each student's server: a local process run as the student, with the classic notebook and the kit's
# kernel, on a block of ports of its own for itself and its kernels (no two servers on one port, no
# kernel left without ports: poolinglab_hub.py), opening in the student's copy of the course.
c.JupyterHub.spawner_class = PoolingLabSpawner
c.Spawner.pre_spawn_hook = copy_course  # ~/pooling-lab from the course folder, never over the student's files
c.Spawner.default_url = "/tree/pooling-lab"
c.Spawner.mem_limit = "2G"  # not enforced by local processes: it sets MEM_LIMIT, and the kernel's heap from it
c.Spawner.args = [
    # Idle kernels and servers end, so that a class's memory comes back: a kernel after 30 minutes
    # without running a cell (also with its notebook open), a server an hour after its last kernel.
    "--MappingKernelManager.cull_idle_timeout=1800",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=True",
    "--NotebookApp.shutdown_no_activity_timeout=3600",
]
# A class logging in at once on a small server: servers may take a while to answer.
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120

settings = pathlib.Path(os.environ.get("POOLING_LAB_HUB_SETTINGS", "/etc/jupyterhub/jupyterhub_config.py"))
if settings.is_file():
    load_subconfig(str(settings))  # noqa: F821  (JupyterHub's config loader provides load_subconfig)
