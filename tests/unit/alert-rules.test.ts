// [ALERTS] The Prometheus alert rules in deploy/prometheus/ are valid and fire when they should:
// `promtool check rules` and `promtool test rules` (Debian: apt-get install prometheus; .ci/run
// installs it).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = path.resolve(__dirname, '../../deploy/prometheus');

function promtool(...args: string[]): string {
  try {
    return execFileSync('promtool', args, { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
  } catch (error) {
    const { code, stdout, stderr } = error as { code?: string; stdout?: string; stderr?: string };
    if (code === 'ENOENT')
      throw new Error(
        'promtool is not installed: apt-get install prometheus (Debian), or get it from prometheus.io',
      );
    throw new Error(`promtool ${args.join(' ')} failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
}

describe('[ALERTS] deploy/prometheus/alerts.yml', () => {
  it('passes promtool check rules', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toContain('SUCCESS: 5 rules found');
  });

  it('fires each alert when its condition holds long enough, and not before (promtool test rules)', () => {
    expect(promtool('test', 'rules', 'alerts.test.yml')).toContain('SUCCESS');
  });
});
