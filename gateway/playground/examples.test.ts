import fs from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse, validate, type GraphQLSchema } from 'graphql';
import { projectRoot } from '../../platform/paths';
import { EXAMPLE_TABS } from './examples';

// The playground's example operations are what a newcomer runs first: each must
// be valid against the schema the gateway serves (the committed supergraph).

function apiSchema(): GraphQLSchema {
  const sdl = fs.readFileSync(path.join(projectRoot, 'gateway', 'supergraph.graphql'), 'utf8');
  // The supergraph's own directives and join__/link__ types are declared in it: it builds as is.
  return buildASTSchema(parse(sdl), { assumeValidSDL: true });
}

describe('playground examples', () => {
  const schema = apiSchema();

  it('covers the main journeys', () => {
    expect(EXAMPLE_TABS.map((tab) => tab.title)).toEqual(['Search', 'Product page', 'Session and cart', 'Free text']);
    const operations = EXAMPLE_TABS.flatMap((tab) => parse(tab.query).definitions.map((d) => ('operation' in d ? `${d.operation} ${d.name?.value}` : d.kind)));
    expect(operations).toEqual(
      expect.arrayContaining(['query Search', 'query ProductPage', 'mutation StartSession', 'subscription CartSuggestions', 'mutation AddToCart', 'query FreeText']),
    );
  });

  it.each(EXAMPLE_TABS.map((tab) => [tab.title, tab] as const))('%s is valid against the supergraph', (_title, tab) => {
    const errors = validate(schema, parse(tab.query));
    expect(errors.map((error) => error.message)).toEqual([]);
  });

  it.each(EXAMPLE_TABS.map((tab) => [tab.title, tab] as const))('%s names every variable it sends', (_title, tab) => {
    const declared = parse(tab.query).definitions.flatMap((d) => ('variableDefinitions' in d ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
    for (const name of Object.keys(tab.variables ?? {})) expect(declared).toContain(name);
  });
});
