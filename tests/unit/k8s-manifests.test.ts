// [K8S] The Kubernetes manifests in deploy/k8s/ are valid against the Kubernetes API schemas
// (kubernetes-models' bundled OpenAPI schemas, the same ones kubeconform uses), and they fit
// together: every selector finds the pods, the probes hit routes that exist, the autoscaler and the
// disruption budget target the Deployment, and the env comes from the ConfigMap and the Secret.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Secret, Service } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { envSchema } from '@/lib/env';

const root = path.resolve(__dirname, '../..');
const dir = path.join(root, 'deploy/k8s');

type Manifest = { apiVersion: string; kind: string; metadata: { name: string } } & Record<string, unknown>;

const models: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'autoscaling/v2/HorizontalPodAutoscaler': HorizontalPodAutoscaler,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Secret': Secret,
  'v1/Service': Service,
};

function load(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(path.join(dir, file), 'utf8')).map((doc) => {
    expect(doc.errors, file).toEqual([]);
    return doc.toJS() as Manifest;
  });
}

const kustomization = load('kustomization.yaml')[0] as unknown as { resources: string[] };
const applied = kustomization.resources.flatMap(load);
const all = [...applied, ...load('secret.example.yaml')];
const find = <T>(kind: string) => applied.find((m) => m.kind === kind) as unknown as T;

describe('[K8S] deploy/k8s', () => {
  it('lists every manifest of the folder in kustomization.yaml (the Secret is an example to copy)', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml');
    expect([...kustomization.resources, 'secret.example.yaml'].sort()).toEqual(files.sort());
  });

  it.each(all.map((m) => [`${m.kind} ${m.metadata.name}`, m] as const))(
    '%s is valid against its schema',
    (_, manifest) => {
      const Model = models[`${manifest.apiVersion}/${manifest.kind}`];
      expect(Model, `no schema for ${manifest.apiVersion} ${manifest.kind}`).toBeDefined();
      expect(() => new Model!(manifest as never).validate()).not.toThrow();
    },
  );

  it('fits together: selectors, probes, targets, ports and settings', () => {
    type Dep = {
      metadata: { name: string };
      spec: {
        selector: { matchLabels: Record<string, string> };
        template: {
          metadata: { labels: Record<string, string> };
          spec: {
            containers: Array<{
              ports: Array<{ name: string; containerPort: number }>;
              envFrom: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
              livenessProbe: { httpGet: { path: string } };
              readinessProbe: { httpGet: { path: string } };
              securityContext: { readOnlyRootFilesystem: boolean; allowPrivilegeEscalation: boolean };
              resources: { requests: object; limits: object };
            }>;
          };
        };
      };
    };
    const deployment = find<Dep>('Deployment');
    const pod = deployment.spec.template;
    const container = pod.spec.containers[0]!;
    for (const [key, value] of Object.entries(deployment.spec.selector.matchLabels))
      expect(pod.metadata.labels[key]).toBe(value);

    const service = find<{
      spec: { selector: Record<string, string>; ports: Array<{ targetPort: string }> };
    }>('Service');
    for (const [key, value] of Object.entries(service.spec.selector))
      expect(pod.metadata.labels[key]).toBe(value);
    expect(container.ports.map((p) => p.name)).toContain(service.spec.ports[0]!.targetPort);

    const pdb = find<{ spec: { selector: { matchLabels: Record<string, string> } } }>('PodDisruptionBudget');
    expect(pdb.spec.selector.matchLabels).toEqual(deployment.spec.selector.matchLabels);

    const hpa = find<{
      spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number; maxReplicas: number };
    }>('HorizontalPodAutoscaler');
    expect(hpa.spec.scaleTargetRef).toMatchObject({ kind: 'Deployment', name: deployment.metadata.name });
    expect([hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([2, 10]);

    for (const probe of [container.livenessProbe, container.readinessProbe])
      expect(existsSync(path.join(root, 'app', probe.httpGet.path, 'route.ts')), probe.httpGet.path).toBe(
        true,
      );
    expect(container.securityContext).toMatchObject({
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
    });

    // Every setting the ConfigMap and the Secret give is one the app knows and accepts.
    const configMap = find<{ metadata: { name: string }; data: Record<string, string> }>('ConfigMap');
    const secret = all.find((m) => m.kind === 'Secret') as unknown as {
      metadata: { name: string };
      stringData: Record<string, string>;
    };
    expect(container.envFrom).toEqual([
      { configMapRef: { name: configMap.metadata.name } },
      { secretRef: { name: secret.metadata.name } },
    ]);
    const known = Object.keys(envSchema.shape);
    for (const name of [...Object.keys(configMap.data), ...Object.keys(secret.stringData)])
      expect(known).toContain(name);
    expect(
      envSchema.safeParse({ ...configMap.data, ...secret.stringData, NODE_ENV: 'production' }).success,
    ).toBe(true);
  });

  it("caps V8's heap well inside the container's memory limit", () => {
    type Container = {
      env: Array<{ name: string; value: string }>;
      resources: { requests: { memory: string }; limits: { memory: string } };
    };
    const deployment = find<{ spec: { template: { spec: { containers: Container[] } } } }>('Deployment');
    const container = deployment.spec.template.spec.containers[0]!;
    const mebibytes = (quantity: string) => {
      const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
      expect(match, `memory quantity ${quantity}`).not.toBeNull();
      return Number(match![1]) * (match![2] === 'Gi' ? 1024 : 1);
    };
    const limit = mebibytes(container.resources.limits.memory);
    const nodeOptions = container.env.find((variable) => variable.name === 'NODE_OPTIONS')?.value ?? '';
    const heap = /--max-old-space-size=(\d+)/.exec(nodeOptions);
    expect(heap, 'NODE_OPTIONS sets --max-old-space-size').not.toBeNull();
    // The rest of the process (code, young generation, buffers) needs the other third.
    expect(Number(heap![1])).toBeLessThanOrEqual(limit * 0.7);
    expect(mebibytes(container.resources.requests.memory)).toBeLessThanOrEqual(limit);
  });
});
