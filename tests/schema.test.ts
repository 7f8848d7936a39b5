import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { composeSchemas, SCHEMA_DIR } from '../scripts/supergraph';
import { supergraphApiSchema } from './setup/supergraph-api';
import { ENTITY_DESCRIPTIONS } from '../subgraphs/core/entity-descriptions';

describe('schema/', () => {
  it('holds exactly what the code composes (run `npm run compose` and commit when this fails)', async () => {
    const { files } = await composeSchemas();
    expect(Object.keys(files).sort()).toEqual([
      'apollo-cache-policies.json',
      'associations.graphql',
      'communications.graphql',
      'cooperation.graphql',
      'events.graphql',
      'facilities.graphql',
      'grants.graphql',
      'supergraph.graphql',
    ]);
    for (const [name, contents] of Object.entries(files)) {
      expect({ name, contents: readFileSync(join(SCHEMA_DIR, name), 'utf8') }).toEqual({
        name,
        contents,
      });
    }
  });

  it('describes every type and field for analysts reading GraphiQL', async () => {
    const { files } = await composeSchemas();
    const schema = supergraphApiSchema(files['supergraph.graphql']);
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('shows the owner’s description of an entity other subgraphs only reference', async () => {
    const { files } = await composeSchemas();
    const schema = supergraphApiSchema(files['supergraph.graphql']);
    const stubs = Object.values(schema.getTypeMap())
      .filter((t) => /owned by the \w+ subgraph/.test(t.description ?? ''))
      .map((t) => t.name);
    expect(stubs).toEqual([]);
    for (const [name, description] of Object.entries(ENTITY_DESCRIPTIONS)) {
      expect({ name, description: schema.getType(name)?.description }).toEqual({
        name,
        description,
      });
    }
  });
});
