import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, defaultConfig } from '../../../src/schema/config.js';
import { jsonSchemaFor, SCHEMA_FILES, SCHEMA_KINDS } from '../../../src/schema/jsonSchema.js';
import { staleSchemaFiles } from '../../../src/schema/schemaDrift.js';
import { tmpDir } from '../../helpers/tmpRepo.js';

describe('staleSchemaFiles: editors stay right', () => {
  const written = (config = defaultConfig()) => {
    const root = tmpDir();
    mkdirSync(join(root, 'schema'));
    for (const kind of SCHEMA_KINDS) writeFileSync(join(root, 'schema', SCHEMA_FILES[kind]), `${JSON.stringify(jsonSchemaFor(kind, config), null, 2)}\n`);
    return root;
  };

  it('finds nothing when the files match kam.yaml, or when there are none', () => {
    expect(staleSchemaFiles(written(), defaultConfig())).toEqual([]);
    expect(staleSchemaFiles(tmpDir(), defaultConfig())).toEqual([]);
  });

  it('names the account schema once kam.yaml has a new criterion', () => {
    const base = defaultConfig();
    const grown = configSchema.parse({ version: 1, scoring: { criteria: [...base.scoring.criteria, { id: 'brand', label: 'Brand', weight: 1, axis: 'potential' }] } });
    expect(staleSchemaFiles(written(), grown)).toEqual(['schema/account.schema.json']);
  });

  it('counts a file that is not JSON as stale', () => {
    const root = written();
    writeFileSync(join(root, 'schema/plan.schema.json'), '{ broken');
    expect(staleSchemaFiles(root, defaultConfig())).toEqual(['schema/plan.schema.json']);
  });
});
