// Types of example-history.mjs for the TypeScript tests that import it.
export const EXAMPLE_DIR: string;
export const QUARTER_TAG: string;
export function buildExampleHistory(dir?: string): string;
