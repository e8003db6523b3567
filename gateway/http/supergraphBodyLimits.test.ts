import fs from 'node:fs';
import path from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { loadConfig } from '../../platform/config';
import { describeBodyLimits, supergraphBodyLimits } from './supergraphBodyLimits';

// The gateway reads body limits from whatever supergraph it serves: the
// committed one, or one composed from other subgraphs, with or without the directive.

const committed = fs.readFileSync(path.join(__dirname, '..', 'supergraph.graphql'), 'utf8');

function compose(subgraphs: Record<string, string>): string {
  const result = composeServices(Object.entries(subgraphs).map(([name, sdl]) => ({ name, url: `http://localhost:1/${name}`, typeDefs: parse(sdl) })));
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return result.supergraphSdl!;
}

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@composeDirective"])';

describe('body limits read from a supergraph', () => {
  it('the committed supergraph: recommend, and nothing else, allows more than the default', () => {
    expect(describeBodyLimits(supergraphBodyLimits(committed))).toEqual({ 'query.recommend': 5_600_000 });
  });

  it('fits a base64 photo of RECS_IMAGE_MAX_BYTES with room for the query, under the default hard cap', () => {
    const config = loadConfig({});
    const recommend = supergraphBodyLimits(committed).query.get('recommend')!;
    const base64Characters = 4 * Math.ceil(config.recommendations.images.maxBytes / 3);
    // A query, the other variables and a data: prefix take a few kilobytes: 64 KiB is plenty.
    expect(recommend).toBeGreaterThanOrEqual(base64Characters + 64 * 1024);
    expect(recommend).toBeLessThanOrEqual(config.http.maxOperationBodyBytes);
  });

  it('a supergraph composed without the directive declares nothing', () => {
    const sdl = compose({
      shop: `${FEDERATION}
        type Query { item(id: ID!): Item  recommend(text: String): [Item!]! }
        type Mutation { importItems(data: String!): Int! }
        type Item @key(fields: "id") { id: ID! }`,
    });
    const limits = supergraphBodyLimits(sdl);
    expect(describeBodyLimits(limits)).toEqual({});
  });

  it('reads the directive under the name a subgraph imported it as, on queries and mutations of any subgraph', () => {
    const sdl = compose({
      photos: `${FEDERATION}
          @link(url: "smartcart:/requestBodyLimit/v1.0", import: [{ name: "@requestBodyLimit", as: "@bodyCap" }])
          @composeDirective(name: "@bodyCap")
        directive @bodyCap(bytes: Int!) on FIELD_DEFINITION
        schema { query: PhotoQuery mutation: PhotoMutation }
        type PhotoQuery { identify(base64: String!): String @bodyCap(bytes: 3000000)  ping: String }
        type PhotoMutation { upload(base64: String!): Boolean @bodyCap(bytes: 7000000) }`,
      shop: `${FEDERATION}
        type Query { item(id: ID!): Item }
        type Item @key(fields: "id") { id: ID! }`,
    });
    expect(describeBodyLimits(supergraphBodyLimits(sdl))).toEqual({ 'query.identify': 3_000_000, 'mutation.upload': 7_000_000 });
  });

  it('ignores a directive of the same name that is not the SmartCart one', () => {
    const sdl = compose({
      other: `${FEDERATION}
          @link(url: "other:/requestBodyLimit/v1.0", import: ["@requestBodyLimit"])
          @composeDirective(name: "@requestBodyLimit")
        directive @requestBodyLimit(bytes: Int!) on FIELD_DEFINITION
        type Query { search(text: String!): [String!]! @requestBodyLimit(bytes: 9000000) }`,
    });
    expect(describeBodyLimits(supergraphBodyLimits(sdl))).toEqual({});
  });
});
