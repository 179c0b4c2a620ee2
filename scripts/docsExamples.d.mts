// Types of docsExamples.mjs for the TypeScript tests that import it.
export interface DocsCommand {
  /** 1-based line of the `$ kam` line in its page. */
  line: number;
  command: string;
  /** The arguments after `kam`. */
  args: string[];
  /** The output as quoted, or null for a command shown without output. */
  quoted: string[] | null;
  from: number;
  to: number;
  redirected: boolean;
  skip: string | undefined;
}
export const DOCS_TODAY: string;
export const TAKES_TODAY: Set<string>;
export const EXAMPLE_PAGES_DIRS: string[];
export const HISTORY_MARKER: string;
export function runsInHistory(text: string): boolean;
export function docsCommands(text: string): DocsCommand[];
export function shellWords(line: string): { args: string[]; redirected: boolean };
export function runArgs(cmd: DocsCommand): string[];
export function shownLines(stdout: string, stderr: string): string[];
export function quotedMatches(quoted: string[], actual: string[]): boolean;
export function refreshedLines(quoted: string[], actual: string[]): string[];
