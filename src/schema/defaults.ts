// Built-in defaults for kam.yaml sections a repo leaves out (plan-format.md, "kam.yaml").

export const DEFAULT_SCALE = { min: 1, max: 5 } as const;

export const DEFAULT_CRITERIA = [
  { id: 'current_revenue', label: 'Current revenue', weight: 3, axis: 'current', inverse: false },
  { id: 'growth_potential', label: 'Potential for growth', weight: 3, axis: 'potential', inverse: false },
  { id: 'renewal_likelihood', label: 'Likelihood of renewal', weight: 2, axis: 'current', inverse: false },
  { id: 'win_now_likelihood', label: 'Likelihood to win now, grow later', weight: 1, axis: 'potential', inverse: false },
  { id: 'effort', label: 'Effort to make headway', weight: 1, axis: 'potential', inverse: true },
  { id: 'relationship_strength', label: 'Relationship strength', weight: 2, axis: 'current', inverse: false },
  { id: 'fit', label: 'Fit of offers, culture, industry', weight: 2, axis: 'potential', inverse: false },
  { id: 'logo', label: 'Attractiveness of logo', weight: 1, axis: 'potential', inverse: false },
] as const;

export const DEFAULT_TIERS = [
  { name: 'Tier 1', min: 75 },
  { name: 'Tier 2', min: 60 },
  { name: 'Tier 3', min: 45 },
] as const;

export const DEFAULT_UNTIERED = 'Not key';
export const DEFAULT_MATRIX_THRESHOLD = 50;
/** scoring.min_rated_weight: the share of the total criteria weight an account must rate to get a tier. */
export const DEFAULT_MIN_RATED_WEIGHT = 0.5;

export const DEFAULT_QUADRANTS = {
  high_current_high_potential: 'Strategic',
  low_current_high_potential: 'Emerging',
  high_current_low_potential: 'Maintain',
  low_current_low_potential: 'Streamline',
} as const;

export const DEFAULT_LIMITS = { max_key_accounts: 25, max_accounts_per_manager: 8 } as const;
export const DEFAULT_REVIEW = { cadence_days: 90 } as const;

export const DEFAULT_ROLES = [
  { id: 'relationship_lead', label: 'Relationship Lead' },
  { id: 'technical_expert', label: 'Technical Expert' },
  { id: 'collaborator', label: 'Collaborator' },
  { id: 'project_manager', label: 'Project Manager' },
  { id: 'innovator', label: 'Innovator' },
  { id: 'results_driver', label: 'Results Driver' },
] as const;

export const DEFAULT_CURRENCY = 'USD';
