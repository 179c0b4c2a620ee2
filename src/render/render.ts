// Renders view models through handlebars templates: kam's built-in ones (the package's
// templates/ folder) overridden file by file by a plan repo's own templates/ folder.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { KamError } from '../errors.js';
import { readRepoFileSync } from '../repoFs/readText.js';
import { didYouMean } from '../util/didYouMean.js';
import { GENERATED_MARKER } from '../util/safeWrite.js';
import { registerHelpers } from './helpers.js';
import { installBudget, RenderLimitError, templateMistake } from './limits.js';
import { precompiledTemplate } from './precompiled.js';

export type DocFormat = 'md' | 'html';

interface TemplateFile {
  name: string;
  /** Absolute path. */
  path: string;
  /** From the plan repo (errors in it are the user's to fix) rather than kam's own. */
  user: boolean;
}

/**
 * kam's package root: the nearest folder above this module whose package.json is kam's. The
 * bundle puts this code in dist/cli.cjs, tests run it from src/render/: walking up finds both.
 */
export function packageRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if (JSON.parse(readFileSync(pkg, 'utf8')).name === 'kam') return dir;
      } catch {
        // not a readable package.json: keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the kam package folder (with templates/) above the running code');
    dir = parent;
  }
}

export const builtinTemplatesDir = (): string => join(packageRoot(), 'templates');

/** `<name>.<format>.hbs` files directly in `dir`, by name. */
function listTemplates(dir: string, format: DocFormat, user: boolean): TemplateFile[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const suffix = `.${format}.hbs`;
  return names
    .filter((n) => n.endsWith(suffix) && !n.startsWith('.'))
    .sort()
    .map((n) => ({ name: n.slice(0, -suffix.length), path: join(dir, n), user }));
}

/** Built-in templates, each replaced by the user's file of the same name when there is one. */
function resolveTemplates(builtinDir: string, userDir: string | undefined, format: DocFormat, sub: string): Map<string, TemplateFile> {
  const found = new Map<string, TemplateFile>();
  for (const t of listTemplates(join(builtinDir, sub), format, false)) found.set(t.name, t);
  if (userDir) for (const t of listTemplates(join(userDir, sub), format, true)) found.set(t.name, t);
  return found;
}

/** The line a handlebars error points at: Exceptions carry lineNumber, parse errors say "on line N". */
function errorLine(err: unknown): number | undefined {
  const e = err as { lineNumber?: number; message?: string };
  if (typeof e.lineNumber === 'number') return e.lineNumber;
  const m = /on line (\d+)/.exec(e.message ?? '');
  return m ? Number(m[1]) : undefined;
}

/** A one-line summary of a handlebars error ("Expecting 'ID', got 'EOF'", "if doesn't match each"). */
function errorSummary(err: unknown): string {
  const message = (err as Error).message ?? String(err);
  const lines = message.split('\n').map((l) => l.trim()).filter(Boolean);
  const expecting = lines.find((l) => l.startsWith('Expecting'));
  return (expecting ?? lines[0] ?? 'invalid template').replace(/\s+-\s+\d+:\d+$/, '');
}

export interface RendererOptions {
  format: DocFormat;
  currency: string;
  /** The plan repo's templates/ folder; absent or missing: built-in templates only. */
  userDir?: string;
  builtinDir?: string;
  /** For paths in error messages. */
  cwd?: string;
  /**
   * The folder (under the built-in and the user's templates/) whose templates are the main ones:
   * '' (the default) for kam render's, 'site' for kam site's pages. Partials are shared.
   */
  mains?: string;
}

export interface Renderer {
  /** Main templates available in this format (plan, portfolio, and any the user added). */
  names: string[];
  render(template: string, model: object): string;
}

/**
 * Compiles every user template and partial up front, so a broken one is reported (with its file
 * and line) before anything is written; kam's own are precompiled or compile on first use. Each
 * renderer has its own isolated handlebars environment; prototype access stays disabled (the
 * runtime default).
 */
export function createRenderer(opts: RendererOptions): Renderer {
  const env = Handlebars.create();
  registerHelpers(env, opts.currency);
  const budget = installBudget(env);
  const compileOptions = opts.format === 'md' ? { noEscape: true } : {};
  const builtinDir = opts.builtinDir ?? builtinTemplatesDir();
  const shown = (t: TemplateFile) => relative(opts.cwd ?? process.cwd(), t.path) || t.path;

  const compile = (t: TemplateFile): Handlebars.TemplateDelegate => {
    // kam's own templates: precompiled by the build, or else compiled when first used (most runs
    // use a few of them); tests/unit/render/builtinTemplates.test.ts holds that each compiles clean.
    if (!t.user) {
      const text = readFileSync(t.path, 'utf8');
      const spec = precompiledTemplate(opts.format, relative(builtinDir, t.path).split(sep).join('/'), text);
      return spec ? env.template(spec) : env.compile(text, compileOptions);
    }
    const text = readUserTemplate(t.path, opts.userDir!, shown(t));
    const fix = 'fix the template, or delete it to use the built-in one';
    try {
      // precompile parses and compiles eagerly (compile() alone defers errors to the first render).
      env.precompile(text, compileOptions);
      const mistake = templateMistake(text);
      if (mistake) throw new KamError(`${shown(t)}:${mistake.line}: template error: ${mistake.message}; ${fix}`);
      return env.compile(text, compileOptions);
    } catch (err) {
      if (err instanceof KamError) throw err;
      const line = errorLine(err);
      const where = line ? `${shown(t)}:${line}` : shown(t);
      throw new KamError(`${where}: template error: ${errorSummary(err)}; ${fix}`);
    }
  };

  for (const t of resolveTemplates(builtinDir, opts.userDir, opts.format, 'partials').values()) env.registerPartial(t.name, compile(t));
  const mains = resolveTemplates(builtinDir, opts.userDir, opts.format, opts.mains ?? '');
  const compiled = new Map([...mains].map(([name, t]) => [name, { file: t, fn: compile(t) }]));

  return {
    names: [...compiled.keys()],
    render(template, model) {
      const hit = compiled.get(template);
      if (!hit) throw new KamError(`no template "${template}" for --format ${opts.format}${didYouMean(template, [...compiled.keys()])} (templates: ${[...compiled.keys()].join(', ')})`);
      let out: string;
      budget.reset();
      try {
        out = withoutProtoAccess(() => hit.fn(model), (property) => {
          throw new KamError(`${shown(hit.file)}: the template reads "${property}", which is not data of the plan: templates cannot reach JavaScript prototypes or methods; remove it`);
        });
        budget.finish(out);
      } catch (err) {
        if (err instanceof KamError) throw err;
        if (err instanceof RenderLimitError) throw new KamError(`${shown(hit.file)}: rendering stopped: ${err.message}; kam bounds the work a template may do: simplify the template`);
        if (err instanceof RangeError && /call stack/i.test(err.message))
          throw new KamError(`${shown(hit.file)}: rendering stopped: the template nests too deep (a partial that includes itself?); simplify the template`);
        const line = errorLine(err);
        throw new KamError(`${shown(hit.file)}${line ? `:${line}` : ''}: rendering failed: ${errorSummary(err)}${opts.userDir ? ` (templates in ${shown({ ...hit.file, path: opts.userDir })} override kam's)` : ''}`);
      }
      return withMarker(out, opts.format);
    },
  };
}

/**
 * A user template is read like a plan file: through a link only when it stays inside the repo,
 * never a FIFO or a huge file, UTF-8 only. Its content ends up in documents people share.
 */
function readUserTemplate(path: string, userDir: string, shown: string): string {
  const read = readRepoFileSync(dirname(userDir), path, { file: shown, account: null, line: 1, column: 1 });
  if ('outside' in read)
    throw new KamError(`${shown}: the template is a symbolic link that points outside the repo (to ${read.outside}); kam does not follow links out of the repo: copy it into templates/`);
  if ('finding' in read) throw new KamError(`${shown}: ${read.finding.message}`);
  return read.text;
}

/**
 * Runs a template with handlebars' prototype checks reporting to kam instead of the console:
 * a template that reaches for a prototype property or method (`{{name.split}}`, the classic
 * sandbox escapes) gets `denied(property)` rather than a multi-line console warning. Some such
 * reads (`constructor`, `__proto__`) handlebars refuses silently: they render as nothing.
 */
function withoutProtoAccess<T>(run: () => T, denied: (property: string) => never): T {
  const logger = Handlebars.logger as { log: (level: unknown, ...message: unknown[]) => void };
  const original = logger.log;
  let property: string | undefined;
  (Handlebars as unknown as { resetLoggedPropertyAccesses(): void }).resetLoggedPropertyAccesses();
  logger.log = (level, ...message) => {
    const match = /Access has been denied to resolve the property "([^"]*)"/.exec(String(message[0]));
    if (match) property ??= match[1];
    else original.call(logger, level, ...message);
  };
  let out: T;
  try {
    out = run();
  } finally {
    logger.log = original;
  }
  if (property !== undefined) denied(property);
  return out;
}

/**
 * Every document carries the generated-by-kam marker, so a later render may replace it (and
 * never a user's file). Built-in templates include it; a user template that left it out gets
 * it added (after the doctype in HTML, so browsers stay in standards mode).
 */
export function withMarker(text: string, format: DocFormat): string {
  if (text.includes(GENERATED_MARKER)) return text;
  const comment = `<!-- ${GENERATED_MARKER}: re-run kam render to update -->`;
  if (format === 'html') {
    const doctype = /^\s*<!doctype[^>]*>\s*/i.exec(text);
    if (doctype) return `${doctype[0].trimEnd()}\n${comment}\n${text.slice(doctype[0].length)}`;
  }
  return `${comment}\n${text}`;
}
