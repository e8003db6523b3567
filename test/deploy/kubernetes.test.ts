import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, isConfigVariable, loadConfig, type Config, type ServiceName } from '../../platform/config';
import { supergraphBodyLimits } from '../../gateway/http/supergraphBodyLimits';
import { kubernetesSchemaProblem } from '../support/kubernetesSchema';
import { RECOMMENDER_SIZING } from '../support/recommenderSizing';
import { podTemplate, readManifests, renderKustomization, strategicMerge, type Container, type Manifest } from '../support/renderKustomization';

// There is no cluster (and no kubectl) where this suite runs, so deploy/k8s is
// rendered by test/support/renderKustomization.ts and every object is read the
// way Kubernetes and the app would: probes and Service ports against the ports
// the services listen on (loadConfig on each pod's own environment), the
// gateway's SUBGRAPH_*_URL against the Services, every variable against
// config.ts, the Job's command against the image's entry point. The last block
// proves the checks catch broken manifests.

const ROOT = path.resolve(__dirname, '../..');
const K8S = path.join(ROOT, 'deploy/k8s');
const SERVICES = ['gateway', 'products', 'users', 'recommendations'] as const satisfies readonly ServiceName[];
const SUBGRAPHS = ['products', 'users', 'recommendations'] as const;
const SECRET_NAME = 'smartcart-secrets';

/**
 * What one request of the mixed workload costs each service in CPU (npm run bench:api,
 * docs/performance.md: rotating ids through SmartCart's gateway).
 */
const CPU_MS_PER_REQUEST: Record<ServiceName, number> = { gateway: 2.99, products: 1.89, recommendations: 6.61, users: 1.7 };
const TARGET_RATE = 10_000;

/** Valid stand-ins for the Secret's keys, so loadConfig can judge the rest of a pod's environment. */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgresql://smartcart:stand-in@postgres:5432/smartcart',
  REDIS_URL: 'redis://redis:6379',
  INTERNAL_AUTH_SECRET: 'stand-in-secret-of-at-least-32-characters',
  INTERNAL_AUTH_PREVIOUS_SECRET: '',
  METRICS_TOKEN: '',
};

interface Rendered {
  objects: Manifest[];
  /** The Secret template's keys and values (it is applied by hand, not rendered). */
  secretTemplate: Record<string, string>;
  entrypoint: string;
  /** Whether the repository has this file (the entry point's `<script>` commands). */
  exists(relative: string): boolean;
  /** A repository file's text. */
  file(relative: string): string;
}

function load(overlay: string): Rendered {
  const [secret] = readManifests(path.join(K8S, 'base/secret.template.yaml'));
  return {
    objects: renderKustomization(path.join(K8S, overlay)),
    secretTemplate: (secret?.stringData ?? {}) as Record<string, string>,
    entrypoint: fs.readFileSync(path.join(ROOT, 'deploy/docker/entrypoint.sh'), 'utf8'),
    exists: (relative) => fs.existsSync(path.join(ROOT, relative)),
    file: (relative) => fs.readFileSync(path.join(ROOT, relative), 'utf8'),
  };
}

// ---------------------------------------------------------------- reading objects

interface Probe {
  httpGet?: { path?: string; port?: number | string };
  exec?: { command?: string[] };
  timeoutSeconds?: number;
}
interface PodContainer extends Container {
  args?: string[];
  command?: string[];
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: Array<{ name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string; optional?: boolean }; configMapKeyRef?: { name: string; key: string } } }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: Probe };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  securityContext?: { allowPrivilegeEscalation?: boolean; privileged?: boolean; readOnlyRootFilesystem?: boolean; runAsNonRoot?: boolean; runAsUser?: number; capabilities?: { drop?: string[]; add?: string[] } };
  volumeMounts?: Array<{ name: string; mountPath: string }>;
}
interface PodSpec {
  containers?: PodContainer[];
  volumes?: Array<{ name: string; emptyDir?: unknown }>;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  enableServiceLinks?: boolean;
  automountServiceAccountToken?: boolean;
  terminationGracePeriodSeconds?: number;
  restartPolicy?: string;
}

const ofKind = (r: Rendered, kind: string): Manifest[] => r.objects.filter((o) => o.kind === kind);
const named = (r: Rendered, kind: string, name: string): Manifest | undefined => r.objects.find((o) => o.kind === kind && o.metadata.name === name);
const podSpec = (o: Manifest | undefined): PodSpec | undefined => (o ? (podTemplate(o)?.spec as PodSpec | undefined) : undefined);
const podLabels = (o: Manifest): Record<string, string> => podTemplate(o)?.metadata?.labels ?? {};
const spec = <T>(o: Manifest | undefined): T => (o?.spec ?? {}) as T;
const mainContainer = (o: Manifest | undefined): PodContainer | undefined => podSpec(o)?.containers?.[0];

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
}

/** A container port by number or name. */
function resolvePort(container: PodContainer | undefined, port: number | string | undefined): number | undefined {
  if (typeof port === 'number') return container?.ports?.some((p) => p.containerPort === port) ? port : undefined;
  return container?.ports?.find((p) => p.name === port)?.containerPort;
}

/** A container's environment as the process sees it: envFrom ConfigMaps, then env (secrets as stand-ins). */
function environmentOf(r: Rendered, container: PodContainer | undefined, problems: string[], where: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const source of container?.envFrom ?? []) {
    if (source.secretRef) problems.push(`${where}: envFrom a Secret hands every key to the process; name the keys it needs`);
    if (source.configMapRef) {
      const map = named(r, 'ConfigMap', source.configMapRef.name);
      if (!map) problems.push(`${where}: envFrom ConfigMap ${source.configMapRef.name}, which is not defined`);
      Object.assign(env, (map?.data ?? {}) as Record<string, string>);
    }
  }
  for (const entry of container?.env ?? []) {
    const secret = entry.valueFrom?.secretKeyRef;
    const configMapKey = entry.valueFrom?.configMapKeyRef;
    if (secret) {
      if (secret.name !== SECRET_NAME) problems.push(`${where}: ${entry.name} comes from Secret ${secret.name}, not ${SECRET_NAME}`);
      else if (!(secret.key in r.secretTemplate)) problems.push(`${where}: ${entry.name} comes from key ${secret.key}, which secret.template.yaml lacks`);
      env[entry.name] = SECRET_STAND_INS[secret.key] ?? '';
    } else if (configMapKey) {
      const value = (named(r, 'ConfigMap', configMapKey.name)?.data as Record<string, string> | undefined)?.[configMapKey.key];
      if (value === undefined) problems.push(`${where}: ${entry.name} comes from ${configMapKey.name}/${configMapKey.key}, which is not defined`);
      env[entry.name] = value ?? '';
    } else env[entry.name] = entry.value ?? '';
  }
  // The image's own ENV (Dockerfile) is there under the pod's.
  return { NODE_ENV: 'production', HOST: '0.0.0.0', ...env };
}

function configOf(r: Rendered, object: Manifest | undefined, where: string): { config?: Config; problems: string[] } {
  const problems: string[] = [];
  const env = environmentOf(r, mainContainer(object), problems, where);
  try {
    return { config: loadConfig(env), problems };
  } catch (error) {
    if (error instanceof ConfigError) return { problems: [...problems, ...error.problems.map((p) => `${where}: ${p}`)] };
    throw error;
  }
}

/** The names the image's entry point accepts as its first argument. */
function entrypointCommands(r: Rendered): Set<string> {
  const names = new Set<string>();
  for (const match of r.entrypoint.matchAll(/^\s*([a-z][a-z0-9 |-]*)\)\s/gm)) for (const name of match[1]!.split('|')) names.add(name.trim());
  return names;
}

function acceptedByEntrypoint(r: Rendered, command: string | undefined): boolean {
  if (!command) return false;
  // Any compiled operator command in dist/scripts: scripts/<command>.ts in the source.
  return entrypointCommands(r).has(command) || r.exists(`scripts/${command}.ts`);
}

function seconds(sleep: Probe | undefined): number | undefined {
  const command = sleep?.exec?.command;
  return command?.[0] === 'sleep' && command.length === 2 ? Number(command[1]) : undefined;
}

function cpuCores(value: string | undefined): number {
  if (!value) return NaN;
  return value.endsWith('m') ? Number(value.slice(0, -1)) / 1000 : Number(value);
}

interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }>;
}

/** Kubernetes' label-selector semantics: every matchLabels pair and every expression must hold; an empty selector selects all. */
function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  const pairs = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  return (
    pairs &&
    (selector.matchExpressions ?? []).every(({ key, operator, values = [] }) =>
      operator === 'In' ? values.includes(labels[key]!) : operator === 'NotIn' ? !values.includes(labels[key]!) : operator === 'Exists' ? key in labels : !(key in labels),
    )
  );
}

interface NetworkPolicySpec {
  podSelector?: LabelSelector;
  policyTypes?: string[];
  ingress?: Array<{ from?: Array<{ podSelector?: LabelSelector; namespaceSelector?: LabelSelector; ipBlock?: unknown }>; ports?: Array<{ port?: number | string }> }>;
}

/**
 * Who may connect to a component's pods on a named port under the NetworkPolicies:
 * the components (Deployments) whose pods a rule admits, the namespaces (by name)
 * it admits, and whether one admits anything. undefined: no policy isolates the pods.
 */
function reachers(r: Rendered, component: string, portName: string): { pods: Set<string>; namespaces: Set<string>; anywhere: boolean } | undefined {
  const deployment = named(r, 'Deployment', component);
  if (!deployment) return undefined;
  const labels = podLabels(deployment);
  const container = mainContainer(deployment);
  const port = container?.ports?.find((p) => p.name === portName)?.containerPort;
  const policies = ofKind(r, 'NetworkPolicy')
    .map((p) => spec<NetworkPolicySpec>(p))
    .filter((p) => (p.policyTypes ?? ['Ingress']).includes('Ingress') && selectorMatches(p.podSelector, labels));
  if (policies.length === 0) return undefined;
  const result = { pods: new Set<string>(), namespaces: new Set<string>(), anywhere: false };
  for (const rule of policies.flatMap((p) => p.ingress ?? [])) {
    if (rule.ports && !rule.ports.some((p) => p.port === portName || p.port === port)) continue;
    if (!rule.from || rule.from.length === 0) result.anywhere = true;
    for (const peer of rule.from ?? []) {
      if (peer.ipBlock) result.anywhere = true;
      else if (peer.namespaceSelector) {
        const name = peer.namespaceSelector.matchLabels?.['kubernetes.io/metadata.name'];
        if (!name || peer.podSelector) result.anywhere = true;
        else result.namespaces.add(name);
      } else if (peer.podSelector) {
        for (const other of ofKind(r, 'Deployment')) if (selectorMatches(peer.podSelector, podLabels(other))) result.pods.add(other.metadata.name);
        if (Object.keys(peer.podSelector).length === 0) result.anywhere = true;
      }
    }
  }
  return result;
}

// ---------------------------------------------------------------- the checks

type Check = (r: Rendered) => string[];

const checks: Record<string, Check> = {
  'every object is valid against the Kubernetes API schema of its kind and version': (r) =>
    r.objects.flatMap((object) => kubernetesSchemaProblem(object) ?? []),

  'the subgraphs accept connections only from the gateway and each other, the gateway only from the ingress controller': (r) => {
    const problems: string[] = [];
    const expect = (component: string, port: string, pods: string[], namespaces: string[]) => {
      const got = reachers(r, component, port);
      if (!got) return void problems.push(`no NetworkPolicy selects the ${component} pods: anything may connect to them`);
      const show = (list: Iterable<string>) => [...list].sort().join(', ') || 'none';
      if (got.anywhere) problems.push(`${component} port ${port}: a rule admits any source`);
      if (show(got.pods) !== show(pods)) problems.push(`${component} port ${port}: reachable from the pods of ${show(got.pods)}, not ${show(pods)}`);
      if (show(got.namespaces) !== show(namespaces)) problems.push(`${component} port ${port}: reachable from the namespaces ${show(got.namespaces)}, not ${show(namespaces)}`);
    };
    for (const subgraph of SUBGRAPHS) expect(subgraph, 'http', [...SERVICES], ['monitoring']);
    expect('gateway', 'http', [], ['ingress-nginx']);
    expect('gateway', 'metrics', [], ['monitoring']);
    return problems;
  },

  'every object is unique by kind and name, and the Secret is not among them (it is created by hand)': (r) => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const object of r.objects) {
      const key = `${object.kind}/${object.metadata.name}`;
      if (seen.has(key)) problems.push(`${key} is defined twice`);
      seen.add(key);
    }
    if (ofKind(r, 'Secret').length > 0) problems.push('a Secret is rendered: apply -k would overwrite the real passwords with the template');
    return problems;
  },

  'each service has a Deployment running its own command of the image, and a Service selecting its pods alone': (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) {
      const deployment = named(r, 'Deployment', name);
      if (!deployment) {
        problems.push(`Deployment ${name} is missing`);
        continue;
      }
      const args = mainContainer(deployment)?.args ?? [];
      if (args[0] !== name || !entrypointCommands(r).has(name)) problems.push(`${name} runs ${JSON.stringify(args)}, not the image command "${name}"`);
      if (!selects(spec<{ selector?: { matchLabels?: Record<string, string> } }>(deployment).selector?.matchLabels, podLabels(deployment))) {
        problems.push(`Deployment ${name}'s selector does not match its own pods`);
      }
      const service = named(r, 'Service', name);
      if (!service) problems.push(`Service ${name} is missing`);
      const selected = ofKind(r, 'Deployment').filter((d) => selects(spec<{ selector?: Record<string, string> }>(service).selector, podLabels(d)));
      if (service && (selected.length !== 1 || selected[0] !== deployment)) {
        problems.push(`Service ${name} selects ${selected.map((d) => d.metadata.name).join(', ') || 'no pods'}, not Deployment ${name}'s alone`);
      }
    }
    return problems;
  },

  "every pod's environment is one the app accepts, and names only variables config.ts reads": (r) => {
    const problems: string[] = [];
    for (const object of r.objects.filter((o) => podTemplate(o))) {
      const where = `${object.kind} ${object.metadata.name}`;
      const { config, problems: configProblems } = configOf(r, object, where);
      problems.push(...configProblems);
      for (const name of Object.keys(environmentOf(r, mainContainer(object), [], where))) {
        if (!isConfigVariable(name)) problems.push(`${where}: ${name} is not a variable platform/config.ts reads`);
      }
      if (config && config.env !== 'production') problems.push(`${where}: NODE_ENV is ${config.env}, not production`);
      if (config && object.kind === 'Deployment' && config.migrateOnStart) problems.push(`${where}: MIGRATE_ON_START is not false (the migrate Job migrates)`);
      if (config && object.kind === 'Deployment' && config.seedDemoData) problems.push(`${where}: SEED_DEMO_DATA is not false`);
    }
    for (const map of ofKind(r, 'ConfigMap')) {
      for (const key of Object.keys((map.data ?? {}) as object)) if (!isConfigVariable(key)) problems.push(`ConfigMap ${map.metadata.name}: ${key} is not a variable platform/config.ts reads`);
    }
    for (const key of Object.keys(r.secretTemplate)) if (!isConfigVariable(key)) problems.push(`secret.template.yaml: ${key} is not a variable platform/config.ts reads`);
    return problems;
  },

  'the recommendations pods are told what sizes them: photo readers, list cache, shopper histories': (r) => {
    const env = environmentOf(r, mainContainer(named(r, 'Deployment', 'recommendations')), [], 'recommendations');
    return RECOMMENDER_SIZING.filter((name) => !(name in env)).map((name) => `recommendations: ${name} is not stated (the ConfigMap lists what sizes a replica)`);
  },

  'the subgraphs get DATABASE_URL and REDIS_URL; the gateway Redis but no database': (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) {
      const { config } = configOf(r, named(r, 'Deployment', name), name);
      if (!config) continue;
      if (!config.redis) problems.push(`${name} has no REDIS_URL: it would run an in-process bus of its own`);
      if (name === 'gateway' && config.database.kind === 'postgres') problems.push('gateway is given DATABASE_URL, which it never uses');
      if (name !== 'gateway' && config.database.kind !== 'postgres') problems.push(`${name} has no DATABASE_URL: it would run an embedded database inside its pod`);
    }
    return problems;
  },

  'container ports are the ports the services listen on, and each Service targets one of them': (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) {
      const deployment = named(r, 'Deployment', name);
      const container = mainContainer(deployment);
      const { config } = configOf(r, deployment, name);
      if (!config) continue;
      const listens = config.ports[name];
      if (resolvePort(container, 'http') !== listens) problems.push(`${name}: container port "http" is ${resolvePort(container, 'http')}, but ${name} listens on ${listens}`);
      const metricsPort = config.observability.metrics.ports[name];
      if (metricsPort !== undefined && resolvePort(container, metricsPort) === undefined) problems.push(`${name} serves /metrics on ${metricsPort}, which is no container port`);
      const annotated = podTemplate(deployment!)?.metadata?.annotations?.['prometheus.io/port'];
      if (annotated !== undefined && Number(annotated) !== (metricsPort ?? listens)) problems.push(`${name}: prometheus.io/port is ${annotated}, but /metrics is on ${metricsPort ?? listens}`);
      const ports = spec<{ ports?: Array<{ name?: string; port: number; targetPort?: number | string }> }>(named(r, 'Service', name)).ports ?? [];
      if (ports.length === 0) problems.push(`Service ${name} has no ports`);
      for (const port of ports) {
        const target = resolvePort(container, port.targetPort ?? port.port);
        if (target === undefined) problems.push(`Service ${name} port ${port.port} targets ${port.targetPort ?? port.port}, which is no container port of ${name}`);
        else if (target !== listens && target !== metricsPort) problems.push(`Service ${name} port ${port.port} reaches ${target}, where ${name} does not listen`);
      }
    }
    return problems;
  },

  'liveness asks /healthz, readiness /readyz, on the port each service listens on': (r) => {
    const problems: string[] = [];
    const served = r.file('platform/http/graphqlService.ts');
    for (const route of ['/healthz', '/readyz']) if (!served.includes(`app.get('${route}'`)) problems.push(`platform/http/graphqlService.ts no longer serves ${route}`);
    const expected = { livenessProbe: '/healthz', readinessProbe: '/readyz', startupProbe: '/healthz' } as const;
    for (const name of SERVICES) {
      const deployment = named(r, 'Deployment', name);
      const container = mainContainer(deployment);
      const { config } = configOf(r, deployment, name);
      for (const [kind, route] of Object.entries(expected) as Array<[keyof typeof expected, string]>) {
        const probe = container?.[kind];
        if (!probe) {
          if (kind !== 'startupProbe') problems.push(`${name} has no ${kind}`);
          continue;
        }
        if (probe.httpGet?.path !== route) problems.push(`${name} ${kind} asks ${probe.httpGet?.path ?? 'no HTTP path'}, not ${route}`);
        const port = resolvePort(container, probe.httpGet?.port);
        if (config && port !== config.ports[name]) problems.push(`${name} ${kind} asks port ${probe.httpGet?.port} (${port ?? 'no container port'}), but ${name} listens on ${config.ports[name]}`);
      }
      // /readyz gives up on its own checks after 3 s; a shorter probe timeout fails a slow but ready service.
      if ((container?.readinessProbe?.timeoutSeconds ?? 1) <= 3) problems.push(`${name} readinessProbe times out in ${container?.readinessProbe?.timeoutSeconds ?? 1} s, before /readyz's own 3 s`);
    }
    return problems;
  },

  "the gateway's SUBGRAPH_*_URL are the subgraph Services, on ports that reach where each subgraph listens": (r) => {
    const problems: string[] = [];
    const { config: gateway, problems: gatewayProblems } = configOf(r, named(r, 'Deployment', 'gateway'), 'gateway');
    if (!gateway) return gatewayProblems;
    const urls = gateway.gateway.subgraphUrls;
    for (const subgraph of SUBGRAPHS) {
      const variable = `SUBGRAPH_${subgraph.toUpperCase()}_URL`;
      let url: URL;
      try {
        url = new URL(urls[subgraph] ?? '');
      } catch {
        problems.push(`gateway: ${variable} is not set`);
        continue;
      }
      const service = named(r, 'Service', url.hostname.split('.')[0]!);
      if (!service) {
        problems.push(`gateway: ${variable} host "${url.hostname}" is not a Service`);
        continue;
      }
      if (service.metadata.name !== subgraph) problems.push(`gateway: ${variable} host is Service ${service.metadata.name}, not ${subgraph}`);
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      const servicePort = spec<{ ports?: Array<{ port: number; targetPort?: number | string }> }>(service).ports?.find((p) => p.port === port);
      const deployment = named(r, 'Deployment', subgraph);
      const { config: target } = configOf(r, deployment, subgraph);
      const reached = servicePort ? resolvePort(mainContainer(deployment), servicePort.targetPort ?? servicePort.port) : undefined;
      if (!servicePort) problems.push(`gateway: ${variable} uses port ${port}, which Service ${service.metadata.name} does not expose`);
      else if (target && reached !== target.ports[subgraph]) problems.push(`gateway: ${variable} reaches port ${reached}, but ${subgraph} listens on ${target.ports[subgraph]}`);
      if (url.pathname !== '/graphql') problems.push(`gateway: ${variable} path is ${url.pathname}, not /graphql`);
    }
    return problems;
  },

  'every HorizontalPodAutoscaler scales an existing Deployment on CPU, and Deployments leave the count to it': (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) if (!ofKind(r, 'HorizontalPodAutoscaler').some((h) => spec<{ scaleTargetRef?: { name?: string } }>(h).scaleTargetRef?.name === name)) problems.push(`no HorizontalPodAutoscaler scales ${name}`);
    for (const hpa of ofKind(r, 'HorizontalPodAutoscaler')) {
      const s = spec<{ scaleTargetRef?: { apiVersion?: string; kind?: string; name?: string }; minReplicas?: number; maxReplicas?: number; metrics?: Array<{ resource?: { name?: string; target?: { type?: string } } }> }>(hpa);
      const ref = s.scaleTargetRef;
      const target = ref?.kind ? named(r, ref.kind, ref.name ?? '') : undefined;
      if (!target || ref?.apiVersion !== target.apiVersion) problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name} scales ${ref?.apiVersion} ${ref?.kind}/${ref?.name}, which is not defined`);
      if (!s.metrics?.some((m) => m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization')) problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name} has no CPU utilization target`);
      if (!(s.minReplicas !== undefined && s.minReplicas >= 2 && s.maxReplicas !== undefined && s.maxReplicas >= s.minReplicas)) {
        problems.push(`HorizontalPodAutoscaler ${hpa.metadata.name}: minReplicas ${s.minReplicas}, maxReplicas ${s.maxReplicas} (at least 2, at most max)`);
      }
      if (target && !mainContainer(target)?.resources?.requests?.cpu) problems.push(`Deployment ${target.metadata.name} requests no CPU: utilization has nothing to be a percentage of`);
    }
    for (const deployment of ofKind(r, 'Deployment')) if ('replicas' in spec<object>(deployment)) problems.push(`Deployment ${deployment.metadata.name} sets replicas, which every apply would reset the autoscaler to`);
    return problems;
  },

  "every PodDisruptionBudget selects one Deployment's pods and lets a drain proceed without taking all of them": (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) {
      const budgets = ofKind(r, 'PodDisruptionBudget').filter((p) => selects(spec<{ selector?: { matchLabels?: Record<string, string> } }>(p).selector?.matchLabels, podLabels(named(r, 'Deployment', name) ?? ({} as Manifest))));
      if (budgets.length !== 1) problems.push(`${budgets.length} PodDisruptionBudgets select ${name}'s pods, not 1`);
    }
    for (const pdb of ofKind(r, 'PodDisruptionBudget')) {
      const s = spec<{ selector?: { matchLabels?: Record<string, string> }; maxUnavailable?: number | string; minAvailable?: number | string }>(pdb);
      const selected = ofKind(r, 'Deployment').filter((d) => selects(s.selector?.matchLabels, podLabels(d)));
      if (selected.length !== 1) problems.push(`PodDisruptionBudget ${pdb.metadata.name} selects ${selected.length} Deployments' pods, not 1`);
      const hpa = ofKind(r, 'HorizontalPodAutoscaler').find((h) => spec<{ scaleTargetRef?: { name?: string } }>(h).scaleTargetRef?.name === selected[0]?.metadata.name);
      const min = spec<{ minReplicas?: number }>(hpa).minReplicas ?? 1;
      if (s.maxUnavailable === undefined && typeof s.minAvailable === 'number' && s.minAvailable >= min) problems.push(`PodDisruptionBudget ${pdb.metadata.name}: minAvailable ${s.minAvailable} blocks every drain at ${min} replicas`);
      if (s.maxUnavailable === 0 || s.maxUnavailable === '0%') problems.push(`PodDisruptionBudget ${pdb.metadata.name}: maxUnavailable 0 blocks every drain`);
      if (s.maxUnavailable === undefined && s.minAvailable === undefined) problems.push(`PodDisruptionBudget ${pdb.metadata.name} sets neither maxUnavailable nor minAvailable`);
    }
    return problems;
  },

  'the migrate Job runs the entry point\'s "migrate" with only the Secret, once, and never seeds': (r) => {
    const problems: string[] = [];
    const jobs = ofKind(r, 'Job');
    if (jobs.length !== 1) return [`${jobs.length} Jobs, not the one migrate Job`];
    const job = jobs[0]!;
    const container = mainContainer(job);
    const command = container?.command ? undefined : container?.args?.[0];
    if (container?.command) problems.push(`Job ${job.metadata.name} overrides the image's entry point with ${JSON.stringify(container.command)}`);
    if (!acceptedByEntrypoint(r, command)) problems.push(`Job ${job.metadata.name} runs "${command}", which deploy/docker/entrypoint.sh does not accept`);
    else if (command !== 'migrate') problems.push(`Job ${job.metadata.name} runs "${command}", not "migrate"`);
    if (!['Never', 'OnFailure'].includes(podSpec(job)?.restartPolicy ?? '')) problems.push(`Job ${job.metadata.name} has restartPolicy ${podSpec(job)?.restartPolicy}`);
    if ((container?.envFrom ?? []).length > 0) problems.push(`Job ${job.metadata.name} reads envFrom: on a first install it is applied alone, before the ConfigMap`);
    const { config } = configOf(r, job, `Job ${job.metadata.name}`);
    if (config && config.database.kind !== 'postgres') problems.push(`Job ${job.metadata.name} has no DATABASE_URL: it would migrate an embedded database in its pod`);
    if (config?.seedDemoData) problems.push(`Job ${job.metadata.name} would seed demo data`);
    return problems;
  },

  'every pod runs as a non-root user on a read-only root file system, without privileges or capabilities': (r) => {
    const problems: string[] = [];
    for (const object of r.objects.filter((o) => podTemplate(o))) {
      const where = `${object.kind} ${object.metadata.name}`;
      const pod = podSpec(object);
      if (pod?.securityContext?.runAsNonRoot !== true) problems.push(`${where}: the pod does not set runAsNonRoot: true`);
      if (pod?.securityContext?.runAsUser === 0) problems.push(`${where}: the pod runs as uid 0`);
      if (pod?.automountServiceAccountToken !== false) problems.push(`${where}: mounts a service account token it never uses`);
      // A Service named products makes Kubernetes set PRODUCTS_PORT=tcp://…, which config.ts reads as a port.
      if (pod?.enableServiceLinks !== false) problems.push(`${where}: enableServiceLinks is not false (PRODUCTS_PORT=tcp://… would reach config.ts)`);
      for (const container of pod?.containers ?? []) {
        const sc = container.securityContext;
        if (sc?.allowPrivilegeEscalation !== false) problems.push(`${where}/${container.name}: allowPrivilegeEscalation is not false`);
        if (sc?.readOnlyRootFilesystem !== true) problems.push(`${where}/${container.name}: readOnlyRootFilesystem is not true`);
        if (sc?.privileged) problems.push(`${where}/${container.name}: privileged`);
        if (sc?.runAsUser === 0) problems.push(`${where}/${container.name}: runs as uid 0`);
        if (!sc?.capabilities?.drop?.includes('ALL')) problems.push(`${where}/${container.name}: does not drop ALL capabilities`);
        if ((sc?.capabilities?.add ?? []).length > 0) problems.push(`${where}/${container.name}: adds capabilities ${sc?.capabilities?.add?.join(', ')}`);
        const tmp = container.volumeMounts?.find((m) => m.mountPath === '/tmp');
        if (!tmp || !pod?.volumes?.some((v) => v.name === tmp.name && v.emptyDir !== undefined)) problems.push(`${where}/${container.name}: no emptyDir at /tmp on its read-only file system`);
        if (!container.resources?.requests?.memory || !container.resources.limits?.memory) problems.push(`${where}/${container.name}: no memory request and limit`);
      }
    }
    return problems;
  },

  'rollouts never drop capacity, and a pod is given time to leave the endpoints and drain before it is killed': (r) => {
    const problems: string[] = [];
    for (const name of SERVICES) {
      const deployment = named(r, 'Deployment', name);
      const strategy = spec<{ strategy?: { type?: string; rollingUpdate?: { maxUnavailable?: number | string } } }>(deployment).strategy;
      if (strategy?.type !== 'RollingUpdate' || (strategy.rollingUpdate?.maxUnavailable !== 0 && strategy.rollingUpdate?.maxUnavailable !== '0%')) {
        problems.push(`${name}: the rollout is not RollingUpdate with maxUnavailable 0`);
      }
      const container = mainContainer(deployment);
      const sleep = seconds(container?.lifecycle?.preStop);
      if (sleep === undefined || sleep < 5) problems.push(`${name}: no preStop sleep of at least 5 s before SIGTERM stops the listener`);
      const { config } = configOf(r, deployment, name);
      const grace = podSpec(deployment)?.terminationGracePeriodSeconds ?? 30;
      if (config && sleep !== undefined && grace * 1000 <= sleep * 1000 + config.shutdownGraceMs) {
        problems.push(`${name}: terminationGracePeriodSeconds ${grace} does not cover the preStop sleep (${sleep} s) and SHUTDOWN_GRACE_MS (${config.shutdownGraceMs} ms)`);
      }
    }
    return problems;
  },

  'only the gateway is reachable from outside: one Ingress, with TLS, to the gateway Service\'s port': (r) => {
    const problems: string[] = [];
    const ingresses = ofKind(r, 'Ingress');
    if (ingresses.length !== 1) problems.push(`${ingresses.length} Ingresses, not 1`);
    for (const service of ofKind(r, 'Service')) {
      const type = spec<{ type?: string }>(service).type ?? 'ClusterIP';
      if (type !== 'ClusterIP') problems.push(`Service ${service.metadata.name} is ${type}: only the Ingress is public`);
    }
    for (const ingress of ingresses) {
      const s = spec<{ tls?: Array<{ hosts?: string[]; secretName?: string }>; rules?: Array<{ host?: string; http?: { paths?: Array<{ path?: string; backend?: { service?: { name?: string; port?: { name?: string; number?: number } } } }> } }> }>(ingress);
      if (!s.tls?.length || s.tls.some((t) => !t.secretName)) problems.push(`Ingress ${ingress.metadata.name} has no TLS certificate`);
      const tlsHosts = new Set((s.tls ?? []).flatMap((t) => t.hosts ?? []));
      for (const rule of s.rules ?? []) {
        if (rule.host && !tlsHosts.has(rule.host)) problems.push(`Ingress ${ingress.metadata.name}: ${rule.host} is served without TLS`);
        for (const entry of rule.http?.paths ?? []) {
          const backend = entry.backend?.service;
          if (backend?.name !== 'gateway') problems.push(`Ingress ${ingress.metadata.name} routes ${entry.path} to ${backend?.name}, not the gateway`);
          const ports = spec<{ ports?: Array<{ name?: string; port: number; targetPort?: number | string }> }>(named(r, 'Service', backend?.name ?? '')).ports ?? [];
          const port = ports.find((p) => (backend?.port?.name ? p.name === backend.port.name : p.port === backend?.port?.number));
          const gateway = named(r, 'Deployment', 'gateway');
          const { config } = configOf(r, gateway, 'gateway');
          if (!port) problems.push(`Ingress ${ingress.metadata.name}: the gateway Service has no port ${backend?.port?.name ?? backend?.port?.number}`);
          else if (config && resolvePort(mainContainer(gateway), port.targetPort ?? port.port) !== config.ports.gateway) problems.push(`Ingress ${ingress.metadata.name} reaches a gateway port other than ${config.ports.gateway}`);
        }
      }
    }
    return problems;
  },

  'the Secret template holds placeholders the app refuses, for every key the pods read': (r) => {
    const problems: string[] = [];
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'INTERNAL_AUTH_SECRET']) {
      const value = r.secretTemplate[key];
      if (value === undefined) {
        problems.push(`secret.template.yaml has no ${key}`);
        continue;
      }
      let refused = false;
      try {
        loadConfig({ ...SECRET_STAND_INS, NODE_ENV: 'production', [key]: value });
      } catch (error) {
        refused = error instanceof ConfigError;
      }
      if (!refused) problems.push(`secret.template.yaml: ${key} is a value the app would run with, not a placeholder`);
    }
    for (const [key, value] of Object.entries(r.secretTemplate)) {
      if (!['DATABASE_URL', 'REDIS_URL', 'INTERNAL_AUTH_SECRET'].includes(key) && value !== '') problems.push(`secret.template.yaml: ${key} has a value; optional keys stay empty`);
    }
    return problems;
  },
};

/** Only the production overlay: sized from the measurement, pinned, namespaced. */
const productionChecks: Record<string, Check> = {
  "maxReplicas are 10,000 requests/s times each service's CPU per request, over what one pod may use at the CPU target": (r) => {
    const problems: string[] = [];
    const operations = r.file('docs/operations.md');
    for (const name of SERVICES) {
      const hpa = ofKind(r, 'HorizontalPodAutoscaler').find((h) => spec<{ scaleTargetRef?: { name?: string } }>(h).scaleTargetRef?.name === name);
      const s = spec<{ maxReplicas?: number; metrics?: Array<{ resource?: { name?: string; target?: { averageUtilization?: number } } }> }>(hpa);
      const utilization = (s.metrics?.find((m) => m.resource?.name === 'cpu')?.resource?.target?.averageUtilization ?? NaN) / 100;
      const cores = cpuCores(mainContainer(named(r, 'Deployment', name))?.resources?.requests?.cpu);
      const needed = Math.ceil(Number(((TARGET_RATE * CPU_MS_PER_REQUEST[name]) / 1000 / (cores * utilization)).toFixed(6)));
      if (s.maxReplicas !== needed) problems.push(`${name}: maxReplicas is ${s.maxReplicas}, but ${TARGET_RATE} × ${CPU_MS_PER_REQUEST[name]} ms / (${cores} core × ${utilization}) needs ${needed}`);
      if (!new RegExp(`\\|\\s*${name}\\s*\\|[^\\n]*\\|\\s*\\**${needed}\\**\\s*\\|`).test(operations)) problems.push(`docs/operations.md has no scaling row for ${name} ending in ${needed}`);
    }
    return problems;
  },

  'every container runs one pinned image, in the smartcart namespace': (r) => {
    const problems: string[] = [];
    const images = new Set(r.objects.flatMap((o) => podSpec(o)?.containers ?? []).map((c) => c.image));
    if (images.size !== 1) problems.push(`the containers run ${images.size} images: ${[...images].join(', ')}`);
    for (const image of images) if (!image || !/[:@]/.test(image.split('/').pop() ?? '') || /:latest$/.test(image)) problems.push(`image ${image} is not pinned to a tag or digest`);
    for (const object of r.objects) if (object.metadata.namespace !== 'smartcart') problems.push(`${object.kind} ${object.metadata.name} is in namespace ${object.metadata.namespace}`);
    return problems;
  },

  'the Ingress lets through the largest body an operation may send (recommend\'s photo), and nothing above the gateway\'s hard cap': (r) => {
    const ingress = ofKind(r, 'Ingress')[0];
    const annotation = (ingress?.metadata as { annotations?: Record<string, string> } | undefined)?.annotations?.['nginx.ingress.kubernetes.io/proxy-body-size'];
    // ingress-nginx sizes: a number of bytes, or k / m / g (binary multiples).
    const match = /^(\d+)([kmg]?)$/i.exec(annotation ?? '');
    if (!match) return [`the Ingress's proxy-body-size is ${annotation}, not a size`];
    const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] || ' ').toLowerCase());
    const { config, problems } = configOf(r, named(r, 'Deployment', 'gateway'), 'gateway');
    if (!config) return problems;
    const supergraph = fs.readFileSync(path.join(ROOT, 'gateway', 'supergraph.graphql'), 'utf8');
    const declared = Object.values(supergraphBodyLimits(supergraph)).flatMap((fields) => [...fields.values()]);
    const largest = Math.min(Math.max(config.http.maxBodyBytes, ...declared), config.http.maxOperationBodyBytes);
    if (bytes < largest) problems.push(`the Ingress's proxy-body-size ${annotation} (${bytes} bytes) refuses bodies the gateway accepts, up to ${largest}`);
    if (bytes > config.http.maxOperationBodyBytes) problems.push(`the Ingress's proxy-body-size ${annotation} (${bytes} bytes) is above HTTP_MAX_OPERATION_BODY_BYTES (${config.http.maxOperationBodyBytes})`);
    return problems;
  },

  'the Ingress serves one named host, with its certificate': (r) => {
    const ingress = ofKind(r, 'Ingress')[0];
    const rules = spec<{ rules?: Array<{ host?: string }> }>(ingress).rules ?? [];
    return rules.length > 0 && rules.every((rule) => rule.host) ? [] : ['the production Ingress has a rule without a host'];
  },
};

function allProblems(r: Rendered, production = false): string[] {
  return Object.values({ ...checks, ...(production ? productionChecks : {}) }).flatMap((check) => check(r));
}

// ---------------------------------------------------------------- tests

describe.each(['base', 'production'])('deploy/k8s/%s', (overlay) => {
  const rendered = load(overlay);

  it('renders every service\'s Deployment, Service, HorizontalPodAutoscaler and PodDisruptionBudget, the ConfigMap, the migrate Job and the Ingress', () => {
    const names = rendered.objects.map((o) => `${o.kind}/${o.metadata.name}`).sort();
    expect(names).toEqual(
      [
        'ConfigMap/smartcart-config',
        'Ingress/gateway',
        'Job/migrate',
        'NetworkPolicy/gateway',
        'NetworkPolicy/subgraphs',
        ...SERVICES.flatMap((s) => [`Deployment/${s}`, `HorizontalPodAutoscaler/${s}`, `PodDisruptionBudget/${s}`, `Service/${s}`]),
      ].sort(),
    );
  });

  it.each(Object.keys(checks))('%s', (name) => {
    expect(checks[name]!(rendered)).toEqual([]);
  });
});

describe('deploy/k8s/production only', () => {
  const rendered = load('production');
  it.each(Object.keys(productionChecks))('%s', (name) => {
    expect(productionChecks[name]!(rendered)).toEqual([]);
  });
});

describe('the Kubernetes checks catch broken manifests', () => {
  function mutated(change: (r: Rendered) => void): Rendered {
    const r = load('production');
    change(r);
    return r;
  }
  const deployment = (r: Rendered, name: string): Manifest => named(r, 'Deployment', name)!;
  const container = (r: Rendered, name: string): PodContainer => mainContainer(deployment(r, name))!;
  const envEntry = (r: Rendered, name: string, variable: string) => container(r, name).env!.find((e) => e.name === variable)!;
  const data = (r: Rendered): Record<string, string> => named(r, 'ConfigMap', 'smartcart-config')!.data as Record<string, string>;

  const cases: Array<[string, () => Rendered, RegExp]> = [
    ['a readiness probe on another port', () => mutated((r) => void (container(r, 'users').readinessProbe!.httpGet!.port = 4001)), /users readinessProbe asks port 4001 \(no container port\), but users listens on 4002/],
    ['a liveness probe asking /health', () => mutated((r) => void (container(r, 'products').livenessProbe!.httpGet!.path = '/health')), /products livenessProbe asks \/health, not \/healthz/],
    ['readiness asked of /healthz', () => mutated((r) => void (container(r, 'gateway').readinessProbe!.httpGet!.path = '/healthz')), /gateway readinessProbe asks \/healthz, not \/readyz/],
    ['a subgraph moved to another port in the ConfigMap only', () => mutated((r) => void (data(r).USERS_PORT = '5002')), /container port "http" is 4002, but users listens on 5002/],
    ['a Service targeting a port name no container has', () => mutated((r) => void (spec<{ ports: Array<{ targetPort: string }> }>(named(r, 'Service', 'recommendations')).ports[0]!.targetPort = 'web')), /Service recommendations port 4003 targets web, which is no container port/],
    ['a SUBGRAPH_*_URL on the wrong port', () => mutated((r) => void (data(r).SUBGRAPH_PRODUCTS_URL = 'http://products:4002/graphql')), /SUBGRAPH_PRODUCTS_URL uses port 4002, which Service products does not expose/],
    ['a SUBGRAPH_*_URL naming no Service', () => mutated((r) => void (data(r).SUBGRAPH_USERS_URL = 'http://user:4002/graphql')), /SUBGRAPH_USERS_URL host "user" is not a Service/],
    ['an HPA scaling a misspelt Deployment', () => mutated((r) => void (spec<{ scaleTargetRef: { name: string } }>(named(r, 'HorizontalPodAutoscaler', 'products')).scaleTargetRef.name = 'product')), /scales apps\/v1 Deployment\/product, which is not defined/],
    ['a Deployment that sets replicas', () => mutated((r) => void (spec<{ replicas?: number }>(deployment(r, 'gateway')).replicas = 2)), /Deployment gateway sets replicas/],
    ['a PDB selecting no pods', () => mutated((r) => void (spec<{ selector: { matchLabels: Record<string, string> } }>(named(r, 'PodDisruptionBudget', 'users')).selector.matchLabels['app.kubernetes.io/component'] = 'user')), /PodDisruptionBudget users selects 0 Deployments' pods/],
    ['a misspelt variable', () => mutated((r) => void (data(r).DATABASE_POOLSIZE = '4')), /DATABASE_POOLSIZE is not a variable platform\/config.ts reads/],
    ['a value the app refuses', () => mutated((r) => void (data(r).MIGRATE_ON_START = 'nope')), /MIGRATE_ON_START: must be true or false/],
    ['a sizing variable left out', () => mutated((r) => void delete data(r).RECS_OCR_WORKERS), /recommendations: RECS_OCR_WORKERS is not stated/],
    ['a secret key the template lacks', () => mutated((r) => void (envEntry(r, 'products', 'DATABASE_URL').valueFrom!.secretKeyRef!.key = 'DB_URL')), /DATABASE_URL comes from key DB_URL, which secret.template.yaml lacks/],
    ['the gateway without INTERNAL_AUTH_SECRET', () => mutated((r) => void (container(r, 'gateway').env = container(r, 'gateway').env!.filter((e) => e.name !== 'INTERNAL_AUTH_SECRET'))), /INTERNAL_AUTH_SECRET: required when NODE_ENV=production/],
    ['a migrate Job running the npm script name', () => mutated((r) => void (mainContainer(ofKind(r, 'Job')[0])!.args = ['db:migrate'])), /runs "db:migrate", which deploy\/docker\/entrypoint.sh does not accept/],
    ['a migrate Job that seeds', () => mutated((r) => void (mainContainer(ofKind(r, 'Job')[0])!.args = ['seed'])), /runs "seed", not "migrate"/],
    ['a writable root file system', () => mutated((r) => void (container(r, 'recommendations').securityContext!.readOnlyRootFilesystem = false)), /recommendations\/recommendations: readOnlyRootFilesystem is not true/],
    ['a pod without runAsNonRoot', () => mutated((r) => void delete podSpec(deployment(r, 'users'))!.securityContext!.runAsNonRoot), /Deployment users: the pod does not set runAsNonRoot/],
    ['capabilities kept', () => mutated((r) => void (container(r, 'gateway').securityContext!.capabilities = { add: ['NET_ADMIN'] })), /does not drop ALL capabilities[\s\S]*adds capabilities NET_ADMIN/],
    ['service links left on', () => mutated((r) => void delete podSpec(deployment(r, 'products'))!.enableServiceLinks), /Deployment products: enableServiceLinks is not false/],
    ['a grace period shorter than preStop plus the drain', () => mutated((r) => void (podSpec(deployment(r, 'gateway'))!.terminationGracePeriodSeconds = 15)), /terminationGracePeriodSeconds 15 does not cover/],
    ['a rollout allowed to take a pod away first', () => mutated((r) => void (spec<{ strategy: { rollingUpdate: { maxUnavailable: number } } }>(deployment(r, 'users')).strategy.rollingUpdate.maxUnavailable = 1)), /users: the rollout is not RollingUpdate with maxUnavailable 0/],
    ['an Ingress route to a subgraph', () => mutated((r) => void ((spec<{ rules: Array<{ http: { paths: Array<{ backend: { service: { name: string } } }> } }> }>(ofKind(r, 'Ingress')[0]).rules[0]!.http.paths[0]!.backend.service.name) = 'products')), /routes \/graphql to products, not the gateway/],
    ['an Ingress without TLS', () => mutated((r) => void delete spec<{ tls?: unknown }>(ofKind(r, 'Ingress')[0]).tls), /has no TLS certificate/],
    ['a subgraph published as a LoadBalancer', () => mutated((r) => void (spec<{ type: string }>(named(r, 'Service', 'products')).type = 'LoadBalancer')), /Service products is LoadBalancer/],
    ['a real-looking password in the Secret template', () => mutated((r) => void (r.secretTemplate.DATABASE_URL = 'postgresql://smartcart:hunter2@db:5432/smartcart')), /DATABASE_URL is a value the app would run with/],
    ['a field of the wrong type', () => mutated((r) => void (spec<{ maxReplicas: unknown }>(named(r, 'HorizontalPodAutoscaler', 'users')).maxReplicas = 'six')), /HorizontalPodAutoscaler users \(autoscaling\/v2\): .*must be integer/],
    ['a required field missing', () => mutated((r) => void delete spec<{ selector?: unknown }>(deployment(r, 'products')).selector), /Deployment products \(apps\/v1\): .*selector/],
    ['a kind the API does not have', () => mutated((r) => void (named(r, 'Ingress', 'gateway')!.apiVersion = 'extensions/v1')), /Ingress gateway \(extensions\/v1\): no such kind and API version/],
    ['a subgraph reachable from any pod of the namespace', () => mutated((r) => void (spec<NetworkPolicySpec>(named(r, 'NetworkPolicy', 'subgraphs')).ingress![0]!.from = [{ podSelector: {} }])), /products port http: a rule admits any source/],
    ['the products pods left out of the subgraph policy', () => mutated((r) => void (spec<NetworkPolicySpec>(named(r, 'NetworkPolicy', 'subgraphs')).podSelector!.matchExpressions![0]!.values = ['users', 'recommendations'])), /no NetworkPolicy selects the products pods/],
    ['the gateway open to another namespace', () => mutated((r) => void (spec<NetworkPolicySpec>(named(r, 'NetworkPolicy', 'gateway')).ingress![0]!.from![0]!.namespaceSelector!.matchLabels!['kubernetes.io/metadata.name'] = 'default')), /gateway port http: reachable from the namespaces default, not ingress-nginx/],
    ['maxReplicas off the arithmetic', () => mutated((r) => void (spec<{ maxReplicas: number }>(named(r, 'HorizontalPodAutoscaler', 'gateway')).maxReplicas = 40)), /gateway: maxReplicas is 40, but 10000 × 2.99 ms \/ \(1 core × 0.7\) needs 43/],
    ['a container on another image', () => mutated((r) => void (container(r, 'users').image = 'smartcart:latest')), /the containers run 2 images[\s\S]*smartcart:latest is not pinned/],
  ];

  it.each(cases)('%s', (_label, broken, expected) => {
    expect(allProblems(broken(), true).join('\n')).toMatch(expected);
  });

  it('refuses a kustomization feature the renderer does not implement', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kustomize-'));
    try {
      fs.writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: []\nnamePrefix: shop-\n');
      expect(() => renderKustomization(dir)).toThrow(/"namePrefix" is not supported/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('applies strategic-merge patches as Kubernetes does: maps merge, keyed lists merge by key, other lists are replaced', () => {
    const target = { spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }] }], args: ['one', 'two'] } };
    strategicMerge(target, { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '2' }] }], args: ['three'] } });
    expect(target).toEqual({ spec: { containers: [{ name: 'a', env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] }], args: ['three'] } });
  });
});
