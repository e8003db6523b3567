import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../platform/config';
import { projectRoot } from '../platform/paths';
import { composeSupergraph } from '../gateway/composeSupergraph';
import { subgraphs } from '../subgraphs';

/**
 * Writes gateway/supergraph.graphql from the subgraph schema files. The URLs
 * are the defaults for one machine; deployments override them per subgraph
 * with SUBGRAPH_<NAME>_URL, so the file never needs re-composing for a move.
 */
export function composeDefaultSupergraph(): string {
  const { ports } = loadConfig({});
  return composeSupergraph(
    subgraphs.map((s) => ({ name: s.name, schemaPath: s.schemaPath, url: `http://localhost:${ports[s.name]}/graphql` })),
  );
}

export const supergraphFile = path.join(projectRoot, 'gateway', 'supergraph.graphql');

if (require.main === module) {
  fs.writeFileSync(supergraphFile, composeDefaultSupergraph());
  process.stdout.write(`Wrote ${path.relative(process.cwd(), supergraphFile)}\n`);
}
