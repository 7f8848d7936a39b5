import { Kind, type OperationDefinitionNode, parse } from 'graphql';
import { DEFAULT_PAGE, queryCost } from './query-cost';

const costOf = (query: string, variables: Record<string, unknown> = {}) => {
  const document = parse(query);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  )!;
  return queryCost(document, operation, variables);
};

describe('queryCost', () => {
  it('counts each field once, times the page sizes above it', () => {
    // associations 1 + edges 100 + node 100 + name 100 + fi 100
    expect(costOf('{ associations(first: 100) { edges { node { name { fi } } } } }')).toBe(401);
    expect(
      costOf('query($n: Int) { associations(first: $n) { edges { node { id } } } }', { n: 10 }),
    ).toBe(31);
  });

  it('multiplies nested pages and counts a paged list without a size as a default page', () => {
    const nested =
      '{ associations(first: 100) { edges { node { events(first: 100) { edges { node { id } } } } } } }';
    expect(costOf(nested)).toBe(1 + 100 + 100 + 100 + 10_000 + 10_000 + 10_000);
    expect(costOf('{ events(after: "x") { edges { node { id } } } }')).toBe(1 + 3 * DEFAULT_PAGE);
  });

  it('prices an aggregate over whole tables as a thousand rows, however few fields it asks', () => {
    expect(costOf('{ reservationStatistics(groupBy: [MONTH]) { groups { month hours } } }')).toBe(
      1003,
    );
    expect(
      costOf(
        '{ a: eventStatistics(groupBy: []) { total { count } } b: grantStatistics { total { count } } }',
      ),
    ).toBe(1002 + 1002);
    // A field that merely shares a name with an object's own property costs 1.
    expect(costOf('{ constructor toString }')).toBe(2);
  });

  it('follows fragments and skips introspection', () => {
    expect(
      costOf(
        '{ associations(first: 2) { ...E } __typename } fragment E on AssociationConnection { edges { node { id } } }',
      ),
    ).toBe(7);
  });
});

describe('queryCost on hostile documents', () => {
  /** F0 spreads F1 twice, F1 spreads F2 twice, …: 2^depth fields once expanded. */
  const fragmentChain = (depth: number) =>
    [
      'query { ...F0 }',
      ...Array.from(
        { length: depth },
        (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`,
      ),
      `fragment F${depth} on Query { serviceAreas { id } }`,
    ].join('\n');

  it('walks each fragment once, so a chain of doubling spreads is priced without expanding it', () => {
    // Expanded, 60 levels are 2^60 copies of serviceAreas { id }: a walk that re-walked
    // fragments per spread would never finish; the price is still the expanded one.
    expect(costOf(fragmentChain(60))).toBe(2 ** 60 * 2);
    expect(costOf(fragmentChain(3))).toBe(16);
  });

  it('prices a fragment cycle without looping (validation refuses it anyway)', () => {
    expect(
      costOf(
        '{ ...A } fragment A on Query { serviceAreas { id } ...B } fragment B on Query { ...A }',
      ),
    ).toBe(2);
  });
});
