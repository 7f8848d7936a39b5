import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse, validate } from 'graphql';
import { loadExamples } from '../gateway/examples/examples';
import { projectRoot, supergraphPath } from '../subgraphs/core/paths';
import { supergraphApiSchema } from './setup/supergraph-api';
import { accessRules } from './setup/access-rules';

/** README.md and every page under docs/, by path from the project root. */
const pages = (): Array<[string, string]> => [
  ['README.md', readFileSync(join(projectRoot(), 'README.md'), 'utf8')],
  ...readdirSync(join(projectRoot(), 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f): [string, string] => [
      `docs/${f}`,
      readFileSync(join(projectRoot(), 'docs', f), 'utf8'),
    ]),
];

/** The GraphQL examples in the documentation must stay valid against the graph we ship. */
describe('documentation examples', () => {
  const examples = pages().flatMap(([page, text]) =>
    [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => [`${page} #${i + 1}`, m[1]]),
  );
  const api = supergraphApiSchema(readFileSync(supergraphPath(), 'utf8'));

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples)('%s validates against the supergraph', (_where, example) => {
    // Placeholder ids ("…") are fine: validation checks shape, not values.
    expect(validate(api, parse(example)).map((e) => e.message)).toEqual([]);
  });

  it('shows every example operation of the library exactly as in gateway/examples', () => {
    const library = readFileSync(join(projectRoot(), 'docs', 'examples.md'), 'utf8');
    const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
    for (const example of loadExamples()) {
      expect({
        file: example.file,
        shown: squash(library).includes(squash(example.query)),
      }).toEqual({ file: example.file, shown: true });
    }
  });
});

describe('documentation pages', () => {
  it('link only to files that exist', () => {
    const broken: string[] = [];
    for (const [page, text] of pages()) {
      for (const [, target] of text.matchAll(/\]\(((?!https?:|#|mailto:)[^)#\s]+)(#[^)]*)?\)/g)) {
        if (!existsSync(join(projectRoot(), dirname(page), target)))
          broken.push(`${page} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('show the access table exactly as docs/access-rules.json says, which the access test walks', () => {
    const page = readFileSync(join(projectRoot(), 'docs', 'access.md'), 'utf8');
    const shown = page
      .split('\n')
      .map((line) => line.split('|').map((c) => c.trim()))
      .filter((cells) => cells.length === 7 && cells[1] !== 'what' && !cells[1].startsWith('---'))
      .map(([, what, anonymous, representative, staff, admin]) => ({
        what,
        anonymous,
        representative,
        staff,
        admin,
      }));
    expect(shown).toEqual(accessRules());
  });
});
