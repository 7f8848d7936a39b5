import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, validate } from 'graphql';
import { loadExamples } from '../gateway/examples/examples';
import { projectRoot, supergraphPath } from '../subgraphs/core/paths';
import { supergraphApiSchema } from './setup/supergraph-api';

/** The README's GraphQL examples must stay valid against the graph we ship. */
describe('README examples', () => {
  const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
  const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const api = supergraphApiSchema(readFileSync(supergraphPath(), 'utf8'));

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((example, i) => [i + 1, example]))(
    'example %i validates against the supergraph',
    (_i, example) => {
      // Placeholder ids ("…") are fine: validation checks shape, not values.
      expect(validate(api, parse(example)).map((e) => e.message)).toEqual([]);
    },
  );
});

describe('README example library', () => {
  it('shows every example operation exactly as in gateway/examples', () => {
    const readme = readFileSync(join(projectRoot(), 'README.md'), 'utf8');
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const example of loadExamples()) {
      expect({
        file: example.file,
        inReadme: squash(readme).includes(squash(example.query)),
      }).toEqual({
        file: example.file,
        inReadme: true,
      });
    }
  });
});
