// What the rest of kam uses of YAML: one parser (the fast path and `yaml` behind it) and the
// index of where every node starts. fastYaml.ts, the builder and the paths' encoding are
// internal to this folder (tests/unit/yaml compares the two parsers directly).
export { parseYaml, type ParsedYaml } from './parseYaml.js';
export { PositionIndex, type CompactIndex, type PathSegment } from './positions.js';
