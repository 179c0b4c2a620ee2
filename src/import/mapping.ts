import { KamError } from '../errors.js';
import type { Config } from '../schema/config.js';
import { bandsProblem, fieldProblem, IMPORT_FIELDS, importFields } from '../schema/importConfig.js';
import { didYouMean } from '../util/didYouMean.js';
import { detectPreset, presetColumn, PRESETS, type PresetId } from '../crm/index.js';

/** Which CSV column fills which account fields, and how numbers become ratings. */
export interface ColumnMapping {
  /** Index of the column in each record. */
  index: number;
  /** The column name as the header writes it. */
  column: string;
  /** Account fields (`name`, `revenue.current`, `ratings.fit`...); never `ignore`. */
  fields: string[];
}

export interface ImportMapping {
  columns: ColumnMapping[];
  /** criterion -> ascending thresholds (importConfig.ts, bandRating). */
  bands: Record<string, number[]>;
  /** Header columns neither mapped nor ignored on purpose: reported so nothing is lost silently. */
  unmapped: string[];
  /** Columns kam.yaml maps that this file lacks: fine (exports differ), but worth a note. */
  absent: string[];
  /** The CRM preset whose columns mapped themselves: named (--from, import.from) or detected. */
  preset?: { id: PresetId; detected: boolean };
}

export interface MappingOptions {
  /** `column=field[,field...]` entries from --map. */
  map?: string[];
  /** `criterion=v1,v2,...` entries from --bands. */
  bands?: string[];
  /** --from: the CRM whose export this is (presets/). */
  from?: PresetId;
}

/**
 * Resolves kam.yaml's `import` section and the command-line options against the CSV header.
 * Command-line entries override kam.yaml per column (map) and per criterion (bands); a column
 * named exactly like a field (`name`, `Industry`...) maps itself unless mapped otherwise.
 * Throws KamError (exit 2) for anything that would make every row fail.
 */
export function resolveMapping(header: string[], config: Config, opts: MappingOptions, source: string): ImportMapping {
  const explicit = new Map<string, { fields: string[]; from: string }>();
  const section = config.import;
  for (const [column, fields] of Object.entries(section?.map ?? {})) explicit.set(column, { fields: [fields].flat(), from: 'kam.yaml import.map' });
  if (section?.id_column !== undefined && !explicit.has(section.id_column)) explicit.set(section.id_column, { fields: ['id'], from: 'kam.yaml import.id_column' });
  for (const entry of opts.map ?? []) {
    const { column, fields } = parseMapEntry(entry, config);
    // --map "Revenue=revenue.current" --map "Revenue=ratings.current_revenue": one column, both fields.
    const earlier = explicit.get(column);
    const kept = earlier?.from === '--map' ? earlier.fields : [];
    explicit.set(column, { fields: [...new Set([...kept, ...fields])], from: '--map' });
  }

  const names = header.map((h) => h.trim());
  const byField = new Map<string, string>();
  const columns: ColumnMapping[] = [];
  const claimed = new Set<number>();
  const claim = (index: number, fields: string[]) => {
    claimed.add(index);
    const real = fields.filter((f) => f !== 'ignore');
    for (const f of real) {
      const other = byField.get(f);
      if (other !== undefined) throw new KamError(`columns "${other}" and "${names[index]}" both map to ${f}; map one of them to another field or to ignore`);
      byField.set(f, names[index]!);
    }
    if (real.length > 0) columns.push({ index, column: names[index]!, fields: real });
  };

  const absent: string[] = [];
  for (const [column, { fields, from }] of explicit) {
    const index = findColumn(names, column, from, source, from !== '--map');
    if (index === undefined) absent.push(column);
    else claim(index, fields);
  }
  // A CRM preset fills the fields no explicit mapping gave, from columns no explicit mapping took.
  const presetId = opts.from ?? section?.from ?? detectPreset(names);
  if (presetId) {
    for (const [field, aliases] of Object.entries(PRESETS[presetId].columns)) {
      if (byField.has(field)) continue;
      const index = presetColumn(names, aliases);
      if (index !== undefined && !claimed.has(index)) claim(index, [field]);
    }
  }
  const autoFields = importFields(config.scoring).filter((f) => f !== 'ignore');
  names.forEach((name, index) => {
    if (claimed.has(index)) return;
    const field = autoFields.find((f) => f === name.toLowerCase());
    if (field && !byField.has(field)) claim(index, [field]);
  });
  if (!byField.has('name') && !byField.has('id'))
    throw new KamError(`no column of ${source} maps to name or id: add --map "<column>=name" (columns: ${names.map((n) => `"${n}"`).join(', ')})`);

  const bands: Record<string, number[]> = { ...(section?.bands ?? {}) };
  for (const entry of opts.bands ?? []) {
    const { criterion, thresholds } = parseBandsEntry(entry, config);
    if (!byField.has(`ratings.${criterion}`))
      throw new KamError(`--bands ${criterion}: no column maps to ratings.${criterion}; add --map "<column>=ratings.${criterion}" for the column holding the number`);
    bands[criterion] = thresholds;
  }
  columns.sort((a, b) => a.index - b.index);
  const unmapped = names.filter((name, index) => !claimed.has(index) && name !== '');
  const preset = presetId ? { id: presetId, detected: opts.from === undefined && section?.from === undefined } : undefined;
  return { columns, bands, unmapped, absent, ...(preset ? { preset } : {}) };
}

/** `column=field[,field...]`; the column may itself contain "=" (the last one splits). */
export function parseMapEntry(entry: string, config: Config): { column: string; fields: string[] } {
  const at = entry.lastIndexOf('=');
  const column = entry.slice(0, Math.max(at, 0)).trim();
  const fields = entry.slice(at + 1).split(',').map((f) => f.trim());
  if (at <= 0 || column === '' || fields.some((f) => f === ''))
    throw new KamError(`--map "${entry}": write it as <column>=<field>, e.g. --map "Account Name=name" (fields: ${IMPORT_FIELDS.join(', ')}, ratings.<criterion>)`);
  for (const field of fields) {
    const problem = fieldProblem(field, config.scoring);
    if (problem) throw new KamError(`--map "${entry}": ${problem}`);
  }
  return { column, fields };
}

/** `criterion=v1,v2,...` with plain numbers (no thousands separators: "," splits thresholds). */
export function parseBandsEntry(entry: string, config: Config): { criterion: string; thresholds: number[] } {
  const at = entry.indexOf('=');
  const criterion = entry.slice(0, Math.max(at, 0)).trim();
  const parts = entry.slice(at + 1).split(',').map((v) => v.trim());
  const thresholds = parts.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? Number(v) : NaN));
  const { min, max } = config.scoring.scale;
  const example = Array.from({ length: max - min }, (_, i) => (i + 1) * 100000).join(',');
  if (at <= 0 || criterion === '' || thresholds.some((t) => Number.isNaN(t)))
    throw new KamError(`--bands "${entry}": write it as <criterion>=<threshold>,... with plain ascending numbers, e.g. --bands current_revenue=${example}`);
  const problem = bandsProblem(criterion, thresholds, config.scoring);
  if (problem) throw new KamError(`--bands "${entry}": ${problem}`);
  return { criterion, thresholds };
}

function findColumn(names: string[], column: string, from: string, source: string, optional: boolean): number | undefined {
  const wanted = column.trim();
  const exact = names.flatMap((n, i) => (n === wanted ? [i] : []));
  const loose = exact.length > 0 ? exact : names.flatMap((n, i) => (n.toLowerCase() === wanted.toLowerCase() ? [i] : []));
  if (loose.length === 1) return loose[0]!;
  if (loose.length > 1) throw new KamError(`column "${wanted}" (${from}) appears ${loose.length} times in the header of ${source}; rename one of them in the file`);
  if (optional) return undefined;
  throw new KamError(`column "${wanted}" (${from}) is not in the header of ${source}${didYouMean(wanted, names)}; columns: ${names.map((n) => `"${n}"`).join(', ')}`);
}
