// [CONTAINER] The Dockerfile and deploy/docker-compose.yml keep their hardening: base images pinned by
// digest, no dev dependencies in the images that run, a non-root user, a health check, read-only root
// filesystems with tmpfs where something must be written, and time to shut down gracefully. No
// container engine runs here, so this reads the files (docker-compose config also checks the compose
// file where Debian's docker-compose is installed).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { envSchema } from '../../lib/env';

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

type Stage = { name: string; from: string; lines: string[] };

/** The Dockerfile's stages, each with its instructions (continuation lines joined). */
function stages(dockerfile: string): Stage[] {
  const instructions = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const result: Stage[] = [];
  for (const line of instructions) {
    const from = /^FROM\s+(\S+)\s+AS\s+(\S+)$/i.exec(line);
    if (from) result.push({ from: from[1]!, name: from[2]!, lines: [] });
    else if (/^FROM\b/i.test(line)) throw new Error(`an unnamed stage: ${line}`);
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

const dockerfile = stages(read('Dockerfile'));
const stage = (name: string) => {
  const found = dockerfile.find((s) => s.name === name);
  if (!found) throw new Error(`no stage ${name}`);
  return found;
};
/** The stages `name` is built on, itself first. */
const lineage = (name: string): Stage[] => {
  const own = stage(name);
  return dockerfile.some((s) => s.name === own.from) ? [own, ...lineage(own.from)] : [own];
};

describe('[CONTAINER] Dockerfile', () => {
  it('pins every base image by digest', () => {
    const bases = dockerfile.filter((s) => !dockerfile.some((other) => other.name === s.from));
    expect(bases.length).toBeGreaterThan(0);
    for (const base of bases) expect(base.from).toMatch(/^[\w./-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
  });

  it('runs the app as the non-root node user, from the standalone output only, with a health check', () => {
    const runner = stage('runner');
    expect(lineage('runner')).toHaveLength(1);
    expect(runner.lines.filter((line) => /^USER\s/.test(line)).at(-1)).toBe('USER node');
    const copies = runner.lines.filter((line) => /^COPY\s/.test(line));
    // Nothing from the stages that hold every dependency: only the traced standalone output and files.
    for (const copy of copies) {
      expect(copy).not.toMatch(/node_modules/);
      const from = /--from=(\S+)/.exec(copy)?.[1];
      if (from)
        expect(copy).toMatch(/\/app\/(\.next\/standalone|\.next\/static|public|prisma\/migrations)\s/);
    }
    expect(copies.some((copy) => /--chown/.test(copy))).toBe(false);
    expect(runner.lines.some((line) => /^RUN\s/.test(line))).toBe(false);
    expect(runner.lines).toContainEqual(expect.stringMatching(/^HEALTHCHECK .*CMD .*\/api\/health/));
    expect(runner.lines.at(-1)).toBe('CMD ["node", "production-server.mjs"]');
    expect(runner.lines).toContain('STOPSIGNAL SIGTERM');
  });

  it('gives the migrate image production dependencies only, as the non-root node user', () => {
    const migrate = stage('migrate');
    expect(lineage('migrate')).toHaveLength(1);
    for (const copy of migrate.lines.filter((line) => /--from=/.test(line)))
      expect(copy).toMatch(/--from=prod-deps\s/);
    expect(stage('prod-deps').lines).toContainEqual(expect.stringMatching(/^RUN npm ci --omit=dev\b/));
    expect(migrate.lines.filter((line) => /^USER\s/.test(line)).at(-1)).toBe('USER node');
  });

  it('keeps build folders and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n');
    for (const entry of ['node_modules', '.next*', '.data', '.env', 'lib/generated'])
      expect(ignored).toContain(entry);
  });
});

type Service = {
  read_only?: boolean;
  tmpfs?: string[];
  cap_drop?: string[];
  security_opt?: string[];
  stop_grace_period?: string;
  healthcheck?: { test: string[] };
  environment?: Record<string, string>;
  build?: { target: string };
};

describe('[CONTAINER] deploy/docker-compose.yml', () => {
  const compose = parse(read('deploy/docker-compose.yml')) as { services: Record<string, Service> };
  const { app, migrate, redis } = compose.services;

  it('runs the app and the migration on read-only root filesystems, writable tmpfs only where needed', () => {
    expect(app!.read_only).toBe(true);
    expect(app!.tmpfs).toEqual(expect.arrayContaining(['/tmp', '/app/.next/cache']));
    expect(migrate!.read_only).toBe(true);
    expect(migrate!.tmpfs).toContain('/tmp');
    expect(redis!.read_only).toBe(true);
    for (const service of [app!, migrate!]) {
      expect(service.cap_drop).toEqual(['ALL']);
      expect(service.security_opt).toContain('no-new-privileges:true');
    }
    expect(app!.build?.target).toBe('runner');
    expect(migrate!.build?.target).toBe('migrate');
  });

  it('waits for readiness and leaves the app time to drain before it is killed', () => {
    expect(app!.healthcheck?.test.join(' ')).toContain('/api/ready');
    const defaults = envSchema.parse({});
    const graceSeconds = Number(/^(\d+)s$/.exec(app!.stop_grace_period ?? '')?.[1]);
    // Readiness grace + drain, and room for running jobs to finish.
    expect(graceSeconds).toBeGreaterThanOrEqual(
      defaults.SHUTDOWN_GRACE_SECONDS + defaults.SHUTDOWN_DRAIN_SECONDS + 20,
    );
  });

  it('passes docker-compose config where Debian’s docker-compose is installed', () => {
    const found = spawnSync('docker-compose', ['version'], { encoding: 'utf8' });
    if (found.error) return; // Not installed on this machine: the checks above still ran.
    const output = execFileSync('docker-compose', ['-f', 'deploy/docker-compose.yml', 'config', '-q'], {
      cwd: root,
      env: { ...process.env, AUTH_SECRET: 'x'.repeat(40) },
      encoding: 'utf8',
    });
    expect(output).toBe('');
  }, 60_000);
});
