import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';

// `kubectl kustomize` for the subset deploy/k8s uses, so the manifests can be
// checked where no kubectl is installed: resources (files and directories),
// strategic-merge patches, namespace, labels (metadata and templates) and images.
// Anything else in a kustomization.yaml is refused, so using a feature this
// renderer lacks fails the tests instead of being silently left out.

export type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; [key: string]: unknown }; [key: string]: unknown };

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  patches?: Array<{ path?: string; [key: string]: unknown }>;
  namespace?: string;
  labels?: Array<{ pairs: Record<string, string>; includeSelectors?: boolean; includeTemplates?: boolean }>;
  images?: Array<{ name: string; newName?: string; newTag?: string; digest?: string }>;
}

const SUPPORTED = new Set(['apiVersion', 'kind', 'resources', 'patches', 'namespace', 'labels', 'images']);

/** Every YAML document of a file, refusing duplicate keys and empty documents. */
export function readManifests(file: string): Manifest[] {
  const documents = parseAllDocuments(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  return documents.map((document, index) => {
    if (document.errors.length > 0) throw new Error(`${file} (document ${index + 1}): ${document.errors[0]!.message}`);
    const value = document.toJS() as Manifest | null;
    if (!value || typeof value !== 'object' || !value.kind || !value.apiVersion || !value.metadata?.name) {
      throw new Error(`${file} (document ${index + 1}) is not a Kubernetes object with apiVersion, kind and metadata.name`);
    }
    return value;
  });
}

/** The objects `kubectl kustomize <dir>` prints (in file order rather than kustomize's kind order). */
export function renderKustomization(dir: string): Manifest[] {
  const file = path.join(dir, 'kustomization.yaml');
  const kustomization = readKustomization(file);
  for (const key of Object.keys(kustomization)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: "${key}" is not supported by test/support/renderKustomization.ts`);
  }
  const objects: Manifest[] = [];
  for (const resource of kustomization.resources ?? []) {
    const full = path.resolve(dir, resource);
    if (!fs.existsSync(full)) throw new Error(`${file}: resource ${resource} does not exist`);
    objects.push(...(fs.statSync(full).isDirectory() ? renderKustomization(full) : readManifests(full)));
  }
  for (const patch of kustomization.patches ?? []) {
    if (!patch.path || Object.keys(patch).length !== 1) throw new Error(`${file}: only patches given by path alone are supported`);
    for (const change of readManifests(path.resolve(dir, patch.path))) {
      const target = objects.find((o) => o.kind === change.kind && o.metadata.name === change.metadata.name && group(o.apiVersion) === group(change.apiVersion));
      if (!target) throw new Error(`${file}: patch ${patch.path} targets ${change.kind}/${change.metadata.name}, which no resource defines`);
      strategicMerge(target, change);
    }
  }
  for (const label of kustomization.labels ?? []) {
    if (label.includeSelectors) throw new Error(`${file}: labels with includeSelectors are not supported`);
    for (const object of objects) {
      object.metadata.labels = { ...object.metadata.labels, ...label.pairs };
      const template = podTemplate(object);
      if (label.includeTemplates && template) template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, ...label.pairs } };
    }
  }
  if (kustomization.namespace) for (const object of objects) object.metadata.namespace = kustomization.namespace;
  for (const image of kustomization.images ?? []) {
    for (const container of objects.flatMap((object) => containersOf(object))) {
      const [name, tag] = splitImage(container.image);
      if (name !== image.name) continue;
      const newName = image.newName ?? name;
      container.image = image.digest ? `${newName}@${image.digest}` : `${newName}${image.newTag ? `:${image.newTag}` : tag ? `:${tag}` : ''}`;
    }
  }
  return objects;
}

function readKustomization(file: string): Kustomization {
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  const [document] = parseAllDocuments(fs.readFileSync(file, 'utf8'), { uniqueKeys: true });
  if (!document || document.errors.length > 0) throw new Error(`${file}: ${document?.errors[0]?.message ?? 'empty'}`);
  return document.toJS() as Kustomization;
}

function group(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0]! : '';
}

function splitImage(image: string | undefined): [string, string | undefined] {
  const value = image ?? '';
  const at = value.indexOf('@');
  const withoutDigest = at >= 0 ? value.slice(0, at) : value;
  const colon = withoutDigest.lastIndexOf(':');
  return colon > withoutDigest.lastIndexOf('/') ? [withoutDigest.slice(0, colon), withoutDigest.slice(colon + 1)] : [withoutDigest, undefined];
}

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: Record<string, unknown> & { containers?: Container[]; initContainers?: Container[] };
}
export interface Container {
  name: string;
  image?: string;
  [key: string]: unknown;
}

/** The pod template of a workload (Deployment, StatefulSet, DaemonSet, Job), if it has one. */
export function podTemplate(object: Manifest): PodTemplate | undefined {
  const spec = object.spec as { template?: PodTemplate } | undefined;
  return ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job'].includes(object.kind) ? spec?.template : undefined;
}

function containersOf(object: Manifest): Container[] {
  const spec = podTemplate(object)?.spec;
  return [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
}

// The lists Kubernetes' strategic merge merges item by item, by this key; any
// other list is replaced whole, as kustomize does.
const MERGE_KEYS: Record<string, string | ((item: Record<string, unknown>) => string)> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  // Container ports by containerPort, Service ports by port.
  ports: (item) => ('containerPort' in item ? 'containerPort' : 'port'),
};

function mergeKey(field: string, item: Record<string, unknown>): string | undefined {
  const key = MERGE_KEYS[field];
  return typeof key === 'function' ? key(item) : key;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Applies a strategic-merge patch in place: maps merge, `null` deletes, keyed lists merge by key. */
export function strategicMerge(target: Record<string, unknown>, patch: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(patch)) {
    const current = target[field];
    if (value === null) delete target[field];
    else if (isObject(value) && isObject(current)) strategicMerge(current, value);
    else if (Array.isArray(value) && Array.isArray(current) && value.every(isObject) && current.every(isObject) && value.length > 0) {
      const key = mergeKey(field, value[0] as Record<string, unknown>);
      if (!key) target[field] = structuredClone(value);
      else {
        for (const item of value as Record<string, unknown>[]) {
          const existing = (current as Record<string, unknown>[]).find((c) => c[key] === item[key]);
          if (existing) strategicMerge(existing, item);
          else current.push(structuredClone(item));
        }
      }
    } else target[field] = structuredClone(value);
  }
}
