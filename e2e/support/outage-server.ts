// Runs the app (the e2e production build, ./app-server.ts) against an embedded database reached
// through a TCP proxy that the outage test can cut and restore, to show what users see while the
// database is down.
// Control: POST http://127.0.0.1:$OUTAGE_CONTROL_PORT/down (drop and refuse connections), /up.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedDatabase } from '../../lib/db/embedded/server';
import { freePort } from '../../tests/support/free-port';
import { forwardSignals, startE2eApp } from './app-server';

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

const app = await startE2eApp({
  PORT: String(appPort),
  DATABASE_URL: `postgresql://postgres:postgres@127.0.0.1:${proxyPort}/postgres?sslmode=disable`,
});
forwardSignals(app, async () => {
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
});
