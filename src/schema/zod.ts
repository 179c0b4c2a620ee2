// The one door to zod for schemas: every module that builds a schema imports `z` from here, so
// zod's compiler ('zod/compile', zod 4.6) is installed before the first schema is made. It turns
// each schema, on its first parse, into one generated function (the way ajv does), and falls back
// to zod's own parser for what it cannot model: the same results, about twice as fast.
//
// The threat: generated code is run with `new Function`, and it embeds what the schemas are made
// of, kam.yaml's ids among them (criteria, measures, questions, roles, stages) as keys and enum
// values. Those ids are restricted by kam.yaml's own schema to lowercase letters, digits, `_`,
// `-` and `.`, and zod writes every literal through JSON.stringify besides; no value of a
// document ever becomes code. tests/unit/schema/compiled.test.ts holds that the compiled parsers
// decide as zod's runtime does.
import 'zod/compile';

export { z } from 'zod';
