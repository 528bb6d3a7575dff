// Faults for the chaos run of `npm run load`: a Redis server of its own that can be stopped and
// started again, and a TCP proxy in front of Postgres that can delay everything the database sends.
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { Transform } from 'node:stream';
import { freePort } from './net';

export type RedisServer = { url: string; start(): Promise<void>; stop(): Promise<void> };

async function waitForPort(port: number, up: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (open === up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} did not ${up ? 'open' : 'close'} within 10 s`);
}

/** `redis-server` on a free port, without persistence (the binary the CI machine has). */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  const server: RedisServer = {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      );
      await waitForPort(port, true);
    },
    async stop() {
      if (!child) return;
      const stopping = child;
      child = null;
      stopping.kill('SIGKILL');
      await waitForPort(port, false);
    },
  };
  await server.start();
  return server;
}

export type DatabaseProxy = {
  /** The database URL through the proxy. */
  url: string;
  /** Holds back every chunk the database sends for `ms` (0: none). */
  delay(ms: number): void;
  close(): Promise<void>;
};

/** A TCP proxy to the Postgres server of `databaseUrl` whose answers can be slowed down. */
export async function startDatabaseProxy(databaseUrl: string): Promise<DatabaseProxy> {
  const target = new URL(databaseUrl);
  let delayMs = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    const upstream = connect(Number(target.port || 5432), target.hostname);
    // Chunks keep their order: each waits for the one before it, then for the delay.
    let queue = Promise.resolve();
    const slow = new Transform({
      transform(chunk, _encoding, done) {
        const wait = delayMs;
        queue = queue.then(() => (wait ? new Promise((resolve) => setTimeout(resolve, wait)) : undefined));
        void queue.then(() => done(null, chunk));
      },
    });
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(slow).pipe(client);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    delay: (ms) => (delayMs = ms),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
