// Validates a rendered manifest against the Kubernetes API's OpenAPI schema,
// as the API server would on apply, without a cluster: `kubernetes-models`
// ships one model per kind and version, generated from that schema (types,
// required fields, enums, formats). It does not reject unknown fields.

type Model = new (data: unknown) => { validate(): void };

/** undefined when valid; otherwise what the schema says is wrong, or that the kind is unknown. */
export function kubernetesSchemaProblem(object: { apiVersion: string; kind: string; metadata?: { name?: string } }): string | undefined {
  const where = `${object.kind} ${object.metadata?.name ?? '?'} (${object.apiVersion})`;
  let model: Model | undefined;
  try {
    // apps/v1 → kubernetes-models/apps/v1/Deployment; the core group's v1 → kubernetes-models/v1/Service.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    model = (require(`kubernetes-models/${object.apiVersion}/${object.kind}`) as Record<string, Model>)[object.kind];
  } catch {
    model = undefined;
  }
  if (!model) return `${where}: no such kind and API version in the Kubernetes schema`;
  try {
    new model(object).validate();
    return undefined;
  } catch (error) {
    return `${where}: ${(error as Error).message.split('\n')[0]}`;
  }
}
