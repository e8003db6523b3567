import fs from 'node:fs';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

export interface SubgraphSource {
  name: string;
  url: string;
  schemaPath: string;
}

/** Composes subgraph SDL files into a supergraph SDL, or throws with every composition error. */
export function composeSupergraph(sources: SubgraphSource[]): string {
  const result = composeServices(
    sources.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(fs.readFileSync(s.schemaPath, 'utf8')) })),
  );
  if (result.errors && result.errors.length > 0) {
    throw new Error(`Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl!;
}
