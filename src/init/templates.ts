import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The text of a file in kam's own `templates/` folder. Found by walking up from this module, so it
 * works both from the bundle (dist/cli.cjs) and from the sources under test (src/init/...).
 */
export function packageTemplate(relativePath: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'templates', relativePath);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    if (dirname(dir) === dir) throw new Error(`kam's template ${relativePath} is missing from its installation`);
  }
}

/** Replaces `{{name}}` placeholders; these templates hold no user input, so no escaping. */
export function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole);
}
