// The production server: Next.js's standalone build served by an HTTP server this process owns, so
// the app can shut it down gracefully (lib/lifecycle/shutdown.ts, installed by instrumentation.ts).
// It does what the generated <dist>/standalone/server.js does, and hands the server to the app.
// Usage: node production-server.mjs [standalone folder, default: the current folder]
// (`npm start` runs it on <NEXT_DIST_DIR>/standalone; the Docker image runs it in /app).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? '.');
const distDir = process.env.NEXT_DIST_DIR || '.next';
const port = Number(process.env.PORT) || 3000;
const hostname = process.env.HOSTNAME || '0.0.0.0';

process.chdir(dir);
process.env.NODE_ENV = 'production';
// The configuration the build was made with; Next.js reads it from here instead of next.config.js.
const { config } = JSON.parse(readFileSync(path.join(distDir, 'required-server-files.json'), 'utf8'));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);

// It listens only once the app is prepared, so every request finds the handler.
let handle;
const server = createServer((request, response) => handle(request, response));
// instrumentation.ts finds it here while Next.js prepares the app.
globalThis.ragHttpServer = server;

const next = createRequire(path.join(dir, 'server.js'))('next');
const app = next({ dev: false, dir, hostname, port, conf: config, httpServer: server });
await app.prepare();
handle = app.getRequestHandler();
server.listen(port, hostname, () => {
  console.log(`▲ Ready on http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${port}`);
});
