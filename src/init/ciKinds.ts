// The CI pipelines `kam init --ci` can write. A module of its own, with no imports: the init
// command's options need the list at start-up, and init.ts would bring zod and every schema along.
export const CI_KINDS = ['github', 'gitlab', 'none'] as const;
export type CiKind = (typeof CI_KINDS)[number];
