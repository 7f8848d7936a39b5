import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { ALL_SUBGRAPHS } from '../subgraphs/all';
import { FEDERATION_LINK } from '../subgraphs/core/build-subgraph';
import { buildSubgraphSchemaOf } from '../subgraphs/core/subgraph';

/**
 * The calendar is one entity that several subgraphs fill: facilities adds booking seasons
 * today, and the events subgraph will own `calendar(year:, serviceAreaId:)` (issue 6). This
 * keeps the key facilities chose one the events side can compose with.
 */
describe('the Calendar entity key', () => {
  it('composes with an events subgraph that owns calendar(year, serviceAreaId) under the same key', async () => {
    const services = [];
    for (const definition of ALL_SUBGRAPHS) {
      services.push({
        name: definition.name,
        typeDefs: parse(printSubgraphSchema(await buildSubgraphSchemaOf(definition))),
        url: 'http://x',
      });
    }
    services.push({
      name: 'events-calendar',
      url: 'http://x',
      typeDefs: parse(`
        ${FEDERATION_LINK}
        type Query { calendar(year: Int!, serviceAreaId: ID): Calendar! }
        type Calendar @key(fields: "year serviceAreaId") { year: Int! serviceAreaId: ID milestones: [String!]! }
      `),
    });
    const result = composeServices(services);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
  });
});
