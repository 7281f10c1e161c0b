import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { CONNECTIONS } from '../src/index';

const PAGINATION = new Set(['first', 'after', 'last', 'before']);

describe('the typePolicies', () => {
  it('paginate every connection of the API schema, keyed by its other arguments', () => {
    const schema = buildSchema(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'gateway', 'schema.graphql'), 'utf8'));
    const found: Record<string, Record<string, string[]>> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!getNamedType(field.type).name.endsWith('Connection')) continue;
        (found[type.name] ??= {})[field.name] = field.args.map((a) => a.name).filter((name) => !PAGINATION.has(name));
      }
    }
    expect(found).toEqual(CONNECTIONS);
  });
});
