// Runs the app (`npm run dev`) against an embedded database reached through a TCP proxy that the
// outage test can cut and restore, to show what users see while the database is down.
// Control: POST http://127.0.0.1:$OUTAGE_CONTROL_PORT/down (drop and refuse connections), /up.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../lib/db/embedded/server';
import { freePort } from '../../tests/support/free-port';

const appPort = Number(process.env.OUTAGE_PORT ?? 3101);
const controlPort = Number(process.env.OUTAGE_CONTROL_PORT ?? 3199);

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rag-outage-'));
const database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
const databasePort = Number(new URL(database.url).port);

let up = true;
const open = new Set<Socket>();
const proxy = createServer((client) => {
  if (!up) return client.destroy();
  const upstream = connect(databasePort, '127.0.0.1');
  for (const socket of [client, upstream]) {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
  }
  client.pipe(upstream).pipe(client);
});
const proxyPort = await freePort();
proxy.listen(proxyPort, '127.0.0.1');

createHttpServer((request, response) => {
  up = request.url === '/up';
  if (!up) for (const socket of open) socket.destroy();
  response.end(up ? 'up' : 'down');
}).listen(controlPort, '127.0.0.1');

const app = spawn(
  process.execPath,
  ['--conditions=react-server', '--import', 'tsx', 'scripts/serve.ts', 'dev'],
  {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: String(appPort),
      DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${proxyPort}/postgres?sslmode=disable`,
      NEXT_DIST_DIR: `${process.env.E2E_DIST_DIR ?? '.next-e2e'}-outage`,
    },
  },
);

const stop = async () => {
  app.kill('SIGTERM');
  await new Promise((resolve) => app.once('exit', resolve));
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
app.on('exit', (code) => {
  if (code !== null && code !== 0) process.exit(code);
});
