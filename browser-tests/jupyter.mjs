// The kit's Jupyter (classic Notebook on the kit's Java kernel) on a free local port, for the browser
// test, and a way to stop it with every kernel it started.
import { spawn, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const START_SECONDS = 60;
const STOP_SECONDS = 20;

export class Jupyter {
  /**
   * Starts Jupyter on `folder` with the kit's kernels (`jupyterPath`), its own runtime, config and data
   * folders inside `scratch` (so nothing of the user's Jupyter is read or written), and a random token.
   * Resolves once it answers.
   */
  static async start({ python, folder, jupyterPath, scratch, log }) {
    const token = randomBytes(16).toString('hex');
    const runtime = join(scratch, 'runtime');
    mkdirSync(runtime, { recursive: true });
    mkdirSync(join(scratch, 'config'), { recursive: true });
    mkdirSync(join(scratch, 'data'), { recursive: true });
    const args = ['-m', 'notebook', '--no-browser', '--ip=127.0.0.1', `--port=${await freePort()}`,
      `--notebook-dir=${folder}`,
      `--NotebookApp.token=${token}`, '--NotebookApp.open_browser=False'];
    if (process.getuid?.() === 0) {
      args.push('--allow-root');
    }
    const server = spawn(python, args, {
      detached: true, // its own process group, so stop() reaches everything it started
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env, JUPYTER_PATH: jupyterPath, JUPYTER_RUNTIME_DIR: runtime,
        JUPYTER_CONFIG_DIR: join(scratch, 'config'), JUPYTER_DATA_DIR: join(scratch, 'data'), TERM: 'dumb',
      },
    });
    const jupyter = new Jupyter(server, token, runtime);
    const output = (chunk) => {
      log(chunk);
      const address = String(chunk).match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (address && !jupyter.port) {
        jupyter.port = Number(address[1]);
      }
    };
    server.stdout.on('data', output);
    server.stderr.on('data', output);
    const deadline = Date.now() + START_SECONDS * 1000;
    while (!(jupyter.port && await jupyter.answers())) {
      if (server.exitCode !== null) {
        throw new Error(`Jupyter ended at start with exit status ${server.exitCode}; see its log`);
      }
      if (Date.now() > deadline) {
        await jupyter.stop();
        throw new Error(`Jupyter did not answer within ${START_SECONDS} s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    return jupyter;
  }

  constructor(server, token, runtime) {
    this.server = server;
    this.token = token;
    this.runtime = runtime;
    this.port = 0;
  }

  url(path) {
    return `http://127.0.0.1:${this.port}/${path}?token=${this.token}`;
  }

  async answers() {
    try {
      return (await fetch(this.url('api/status'))).ok;
    } catch {
      return false;
    }
  }

  /**
   * Stops Jupyter (it shuts its kernels down on SIGTERM) and then anything left of what it started.
   * Returns the processes that outlived it, which it killed.
   */
  async stop() {
    if (this.server.exitCode === null) {
      signalGroup(this.server.pid, 'SIGTERM');
      const ended = await Promise.race([
        new Promise((resolve) => this.server.once('exit', () => resolve(true))),
        new Promise((resolve) => setTimeout(() => resolve(false), STOP_SECONDS * 1000)),
      ]);
      if (!ended) {
        signalGroup(this.server.pid, 'SIGKILL');
      }
    }
    // Kernels run in sessions of their own; they are found by the connection files in our runtime folder.
    const survivors = processesMentioning(this.runtime);
    for (const pid of survivors) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone already
      }
    }
    return survivors;
  }

  /** Connection files of the kernels Jupyter has running. */
  kernelFiles() {
    return readdirSync(this.runtime).filter((name) => name.startsWith('kernel-'));
  }
}

/** A port nothing listens on just now (Jupyter tries the next ones should it be taken meanwhile). */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group has ended
  }
}

function processesMentioning(text) {
  const listing = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf-8' });
  return listing.split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'))
    .map((line) => Number(line.trim().split(/\s+/, 1)[0]))
    .filter((pid) => pid && pid !== process.pid);
}
