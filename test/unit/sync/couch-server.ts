import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free port on 127.0.0.1, for a server that cannot be told to pick its own (pouchdb-server reads 0 as "default"). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const ADMIN = { username: 'admin', password: 'admin-secret' };
export const LEARNER = { username: 'learner', password: 'learner-secret' };

/**
 * PouchDB Server (CouchDB's HTTP API) in memory, in its own process on 127.0.0.1, as the real
 * server the sync tests talk to. Its config and log go to a temporary folder, not the repo.
 */
export class CouchServer {
  private child: ChildProcess | null = null;
  private readonly dir = mkdtempSync(join(tmpdir(), 'kioku-couch-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<CouchServer> {
    const server = new CouchServer(await freePort());
    await server.launch();
    return server;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async launch(): Promise<void> {
    const bin = join(process.cwd(), 'node_modules', '.bin', 'pouchdb-server');
    this.child = spawn(bin, ['--in-memory', '--host', '127.0.0.1', '--port', String(this.port), '--no-stdout-logs'], { cwd: this.dir, stdio: 'ignore' });
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${this.url}/`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('pouchdb-server did not start');
  }

  /** Kills the process at once, as a crash or a pulled cable would. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
    this.child = null;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  async request(path: string, init: { method?: string; body?: unknown; auth?: { username: string; password: string } } = {}): Promise<Response> {
    const auth = init.auth ?? ADMIN;
    return fetch(`${this.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
  }

  /** An admin, a learner account, and a database only the learner (and the admin) may use, as with couch_peruser. */
  async setUp(database: string): Promise<void> {
    await fetch(`${this.url}/_config/admins/${ADMIN.username}`, { method: 'PUT', body: JSON.stringify(ADMIN.password) });
    await this.request(`/${database}`, { method: 'PUT' });
    await this.request(`/_users/org.couchdb.user:${LEARNER.username}`, {
      method: 'PUT',
      body: { _id: `org.couchdb.user:${LEARNER.username}`, name: LEARNER.username, password: LEARNER.password, roles: [], type: 'user' },
    });
    await this.request(`/${database}/_security`, { method: 'PUT', body: { admins: { names: [], roles: [] }, members: { names: [LEARNER.username], roles: [] } } });
  }
}
