// Bounds on what a template may do. Templates come from the plan repo, so a hostile or careless
// one must not run forever, fill the disk or memory, or write to kam's output: every block
// (#each, #if, #with, #unless, sections) is counted and its output measured, and a render that
// passes the budget ends with a clear error (exit 2) instead of running on.
import Handlebars from 'handlebars';
import { groupDigits } from '../util/digits.js';

/** Block bodies a render may run: a portfolio of 20,000 accounts needs about 300,000. */
export const MAX_BLOCK_CALLS = 2_000_000;
/** Characters a render may produce: documents are kilobytes; a portfolio of 20,000 a few MiB. */
export const MAX_OUTPUT_CHARS = 64 * 1024 * 1024;

/** Thrown when a render passes a budget; render() turns it into a KamError. */
export class RenderLimitError extends Error {}

type Fn = (...args: unknown[]) => unknown;
type Env = typeof Handlebars;

/** The helpers that run block bodies; each is wrapped so its bodies count against the budget. */
const BLOCK_HELPERS = ['each', 'if', 'unless', 'with', 'blockHelperMissing'] as const;

export interface Budget {
  /** Starts a new render: counters back to zero. */
  reset(): void;
  /** Checks the finished document (text outside any block counts too). */
  finish(out: string): void;
}

/**
 * Wraps the block helpers of `env` so that their bodies count against the budget, and makes
 * `{{log}}` do nothing (handlebars' own writes to the console: kam's standard output).
 */
export function installBudget(env: Env, limits = { calls: MAX_BLOCK_CALLS, chars: MAX_OUTPUT_CHARS }): Budget {
  let calls = 0;
  let chars = 0;
  // For each body running now, the length of what its inner bodies returned: a body's own
  // output is its length minus that, so nested output is counted once.
  const inner: number[] = [];

  const count = (fn: unknown): unknown => {
    if (typeof fn !== 'function') return fn;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      if (++calls > limits.calls)
        throw new RenderLimitError(`the template ran more than ${groupDigits(limits.calls)} block bodies (loops nested too deep, such as #each over @root inside #each?)`);
      inner.push(0);
      let out: unknown;
      let nested = 0;
      try {
        out = (fn as Fn).apply(this, args);
      } finally {
        nested = inner.pop()!;
      }
      const length = typeof out === 'string' ? out.length : 0;
      chars += Math.max(0, length - nested);
      if (inner.length > 0) inner[inner.length - 1]! += length;
      if (chars > limits.chars) throw tooLong(limits.chars);
      return out;
    };
    return Object.assign(wrapped, fn);
  };

  for (const name of BLOCK_HELPERS) {
    const original = env.helpers[name] as Fn;
    env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      const options = args[args.length - 1] as { fn?: unknown; inverse?: unknown } | undefined;
      if (options && typeof options === 'object' && ('fn' in options || 'inverse' in options)) {
        args[args.length - 1] = { ...options, fn: count(options.fn), inverse: count(options.inverse) };
      }
      return original.apply(this, args);
    });
  }
  env.registerHelper('log', () => '');

  return {
    reset() {
      calls = 0;
      chars = 0;
      inner.length = 0;
    },
    finish(out) {
      if (out.length > limits.chars) throw tooLong(limits.chars);
    },
  };
}

function tooLong(max: number): RenderLimitError {
  return new RenderLimitError(`the document would be larger than ${Math.round(max / 1048576)} MiB`);
}

/** Helpers that handlebars calls itself; a template calling them directly only gets "undefined". */
const INTERNAL_HELPERS = new Set(['helperMissing', 'blockHelperMissing']);
/**
 * Mistakes handlebars reports only as "Cannot read properties of undefined" when the template
 * runs: internal helpers called by name, built-in helpers called with the wrong number of
 * arguments. Found when the template is compiled, with their line.
 */
export function templateMistake(text: string): { line: number; message: string } | undefined {
  let found: { line: number; message: string } | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    const n = node as { type?: string; path?: { original?: unknown; type?: string }; params?: unknown[]; loc?: { start: { line: number } } };
    if ((n.type === 'MustacheStatement' || n.type === 'BlockStatement' || n.type === 'SubExpression') && n.path?.type === 'PathExpression') {
      const name = String(n.path.original);
      const line = n.loc?.start.line ?? 1;
      if (INTERNAL_HELPERS.has(name)) found = { line, message: `"${name}" is handlebars' own machinery, not a helper templates can call` };
      else if (name === 'lookup' && (n.params?.length ?? 0) !== 2)
        found = { line, message: `{{lookup}} takes two arguments, {{lookup object key}}, not ${n.params?.length ?? 0}` };
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object' && (value as { type?: unknown }).type !== undefined) visit(value);
    }
  };
  try {
    visit(Handlebars.parse(text));
  } catch {
    return undefined; // syntax errors are reported by the compiler, with its own message
  }
  return found;
}
