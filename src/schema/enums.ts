// The fixed vocabularies of plans (docs/format.md): kam.yaml's profiles name some of them too.

export const STAGES = ['strategy', 'research', 'action_plan', 'execution', 'review'] as const;
export const STAKEHOLDER_ROLES = ['decision_maker', 'economic_buyer', 'influencer', 'champion', 'user', 'blocker'] as const;
export const LEVELS = ['high', 'medium', 'low'] as const;
export const STANCES = ['supporter', 'neutral', 'detractor'] as const;
export const ACTION_STATUSES = ['open', 'done', 'blocked'] as const;
export const ACTION_SIDES = ['us', 'customer', 'joint'] as const;
export const WHITESPACE_STATUSES = ['won', 'open', 'potential', 'competitor', 'not_a_fit'] as const;

/** How documents and messages name each stakeholder role. */
export const STAKEHOLDER_ROLE_LABELS: Record<string, string> = {
  decision_maker: 'Decision maker',
  economic_buyer: 'Economic buyer',
  influencer: 'Influencer',
  champion: 'Champion',
  user: 'User',
  blocker: 'Blocker',
};

/** spec 1.2, section 4: where a contract's renewal stands; `renewed` and `lost` settle it. */
export const RENEWAL_STATUSES = ['unknown', 'likely', 'at_risk', 'renewed', 'lost'] as const;
