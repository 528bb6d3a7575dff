// [METRICS] Every series the alert rules and the Grafana dashboard query is one the app exports, so a
// renamed metric cannot silently blank a panel or an alert.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { metrics } from '@/lib/observability/metrics';

const root = path.resolve(__dirname, '../..');
const exported = async () => {
  const names = new Set<string>();
  for (const metric of await metrics().registry.getMetricsAsJSON()) {
    names.add(metric.name);
    if (String(metric.type) === 'histogram')
      for (const suffix of ['_bucket', '_count', '_sum']) names.add(`${metric.name}${suffix}`);
  }
  return names;
};
const used = (text: string) => new Set(text.match(/\brag_[a-z_]+\b/g) ?? []);

describe('[METRICS] names used by alerts and dashboards', () => {
  it('are all exported by lib/observability/metrics.ts', async () => {
    const names = await exported();
    const alerts = readFileSync(path.join(root, 'deploy/prometheus/alerts.yml'), 'utf8');
    const dashboard = JSON.parse(
      readFileSync(path.join(root, 'deploy/grafana/rag-service.json'), 'utf8'),
    ) as {
      panels: { targets: { expr: string }[] }[];
    };
    const expressions = dashboard.panels
      .flatMap((panel) => panel.targets.map((target) => target.expr))
      .join('\n');
    for (const name of [...used(alerts), ...used(expressions)]) expect(names, name).toContain(name);
    expect(dashboard.panels.length).toBeGreaterThanOrEqual(10);
  });
});
