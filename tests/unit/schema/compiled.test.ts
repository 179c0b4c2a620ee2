// kam's schemas run through zod's compiler (src/schema/zod.ts imports 'zod/compile'): each schema
// becomes one generated function on its first parse. These tests hold that the compiler takes
// all of kam's schemas (a schema it refused would silently run at half speed) and that the
// generated parsers decide exactly as zod's own runtime parser does, value and issues alike, on
// the example repo's files and on thousands of near-valid variants of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { compile, z } from 'zod';
import { accountSchema } from '../../../src/schema/account.js';
import { configSchema, type Config } from '../../../src/schema/config.js';
import { planSchema } from '../../../src/schema/plan.js';
import { loadConfig } from '../../../src/load/loadRepo.js';
import { EXAMPLE } from '../../helpers/kam.js';

const loaded = await loadConfig(EXAMPLE);
if (!loaded.ok) throw new Error('the example kam.yaml does not load');
const config = loaded.config.value as Config;
const kinds = {
  account: () => accountSchema(config),
  plan: () => planSchema(config),
  config: () => configSchema,
};
type Kind = keyof typeof kinds;

const docs = (folder: string) => readdirSync(join(EXAMPLE, folder)).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(join(EXAMPLE, folder, f), 'utf8')) as unknown);
const examples: Record<Kind, unknown[]> = { account: docs('accounts'), plan: docs('plans'), config: [parse(readFileSync(join(EXAMPLE, 'kam.yaml'), 'utf8'))] };

/**
 * zod's runtime parser for a schema made by `make`: schemas built and first parsed while
 * `jitless` is on keep the runtime for good (the compiler's shim checks it on the first parse).
 */
function runtimeParser(make: () => z.ZodType, warmUp: unknown): z.ZodType {
  z.config({ jitless: true });
  try {
    const schema = make();
    // configSchema is one shared instance: the runtime copy is a clone made here.
    const own = make === kinds.config ? schema.clone() : schema;
    own.safeParse(warmUp);
    return own;
  } finally {
    z.config({ jitless: false });
  }
}

/** A copy of `doc` with one change at a random place: a value replaced, a key dropped or added. */
const mutated = (doc: unknown) =>
  fc.tuple(fc.nat(), fc.constantFrom('replace', 'drop', 'add'), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('name', 'id', 'status', 'due', 'extra', '__proto__', '0')).map(([at, how, value, key]) => {
    const copy = structuredClone(doc);
    const places: [Record<string, unknown>, string][] = [];
    const walk = (v: unknown) => {
      if (!v || typeof v !== 'object') return;
      for (const k of Object.keys(v)) {
        places.push([v as Record<string, unknown>, k]);
        walk((v as Record<string, unknown>)[k]);
      }
    };
    walk(copy);
    if (places.length === 0) return copy;
    const [parent, k] = places[at % places.length]!;
    if (how === 'replace') parent[k] = value;
    else if (how === 'drop') delete parent[k];
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });

const internals = (s: z.ZodType) => (s as unknown as { _zod: { run: { __originalRun?: unknown }; bag: { fallbackRun?: unknown } } })._zod;

describe('zod compiles kam schemas', () => {
  it('the schemas kam builds are compiled on their first parse (zod/compile is installed before any is made)', () => {
    const schema = accountSchema(config);
    expect(internals(schema).bag.fallbackRun).toBeUndefined();
    schema.safeParse(examples.account[0]);
    expect(internals(schema).bag.fallbackRun).toBeTypeOf('function');
  });

  it.each(Object.keys(kinds) as Kind[])('the %s schema compiles whole (no part left to the runtime)', (kind) => {
    expect(() => compile(kinds[kind](), { strict: true })).not.toThrow();
  });

  it.each(Object.keys(kinds) as Kind[])('the compiled %s parser decides as zod’s runtime does: the value, its key order and every issue', (kind) => {
    const compiled = compile(kinds[kind](), { strict: true });
    const runtime = runtimeParser(kinds[kind], examples[kind][0]);
    // Two parsers indeed: generated code with zod's runtime behind it, and the runtime alone.
    expect(internals(compiled).bag.fallbackRun).toBeTypeOf('function');
    expect(internals(runtime).run.__originalRun).toBeUndefined();
    expect(internals(runtime).bag.fallbackRun).toBeUndefined();
    const same = (doc: unknown) => {
      const a = compiled.safeParse(doc);
      const b = runtime.safeParse(doc);
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(JSON.stringify(a.data)).toBe(JSON.stringify(b.data));
      else expect(a.error!.issues).toEqual(b.error!.issues);
      return a.success;
    };
    // Every example file is valid: the compiled fast path, not its fallback, gives the value.
    for (const doc of examples[kind]) expect(same(doc)).toBe(true);
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(fc.constantFrom(...examples[kind]).chain(mutated), (doc) => {
        if (same(doc)) valid++;
        else invalid++;
      }),
      { numRuns: 300 },
    );
    // Both ways of deciding were exercised.
    expect(valid).toBeGreaterThan(0);
    expect(invalid).toBeGreaterThan(0);
  });
});
