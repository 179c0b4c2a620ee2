// What the rest of kam uses of YAML: one parser (the fast path and `yaml` behind it), the
// index of where every node starts, and surgical edits of a file's text (edit.ts: import,
// signoff and init change a few values and keep every other byte). fastYaml.ts, the builder
// and the paths' encoding are internal to this folder (tests/unit/yaml compares the two
// parsers directly).
export { parseYaml, type ParsedYaml } from './parseYaml.js';
export { PositionIndex, type CompactIndex, type PathSegment } from './positions.js';
export { afterLastItem, editYaml, formatScalar, indentOf, lineEnd, type EditResult, type EditValue, type FieldEdit } from './edit.js';
