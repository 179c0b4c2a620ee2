import type { Config, Role } from '../schema/config.js';

/** One checklist question as a profile requires it, with its category. */
export interface RequiredQuestion {
  id: string;
  text: string;
  category: string;
}

/**
 * What a plan must hold, after its tier's profile (spec 1.1, section 2) is applied. Without a
 * profile (no profile for the tier, an untiered or unscored account), or for any key a profile
 * leaves out, this is the repo-wide behaviour of version 1: every role, no required stakeholder
 * role, `review.cadence_days`, no contact check, the whole checklist.
 */
export interface Requirements {
  /** The tier whose profile applied, or null when none did. */
  profile: string | null;
  roles: Role[];
  stakeholderRoles: string[];
  cadenceDays: number;
  /** Days allowed since the last contact with a high-influence stakeholder; undefined: no check. */
  contactDays: number | undefined;
  /** Fewest people of ours who must hold relationships (spec 1.2, section 6); undefined: no check. */
  minThreads: number | undefined;
  /** The checklist questions the plan must answer, in checklist order. */
  questions: RequiredQuestion[];
  /** Category ids with at least one required question, in checklist order. */
  categories: string[];
}

/**
 * The requirements for an account of `tier` (a tier name, the untiered label, or null when the
 * account has no score). Pure and cheap; callers with many plans may memoise per tier with
 * `requirementsByTier`.
 */
export function requirementsFor(config: Config, tier: string | null | undefined): Requirements {
  const p = tier != null && config.profiles && Object.hasOwn(config.profiles, tier) ? config.profiles[tier] : undefined;
  const all = config.checklist.categories.flatMap((c) => c.questions.map((q) => ({ id: q.id, text: q.text, category: c.id })));
  let questions = all;
  if (p && Array.isArray(p.checklist)) {
    const wanted = new Set(p.checklist);
    questions = all.filter((q) => wanted.has(q.id) || wanted.has(q.category));
  }
  const roles = p?.roles ? config.roles.filter((r) => p.roles!.includes(r.id)) : config.roles;
  return {
    profile: p ? tier! : null,
    roles,
    stakeholderRoles: p?.stakeholder_roles ? [...p.stakeholder_roles] : [],
    cadenceDays: p?.cadence_days ?? config.review.cadence_days,
    contactDays: p?.contact_days,
    minThreads: p?.min_threads,
    questions,
    categories: [...new Set(questions.map((q) => q.category))],
  };
}

/** Requirements memoised per tier, for callers that walk every plan of a repo. */
export function requirementsByTier(config: Config): (tier: string | null | undefined) => Requirements {
  const memo = new Map<string | null, Requirements>();
  return (tier) => {
    const key = tier ?? null;
    let r = memo.get(key);
    if (!r) memo.set(key, (r = requirementsFor(config, key)));
    return r;
  };
}
