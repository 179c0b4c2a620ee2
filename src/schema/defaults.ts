// Built-in defaults for kam.yaml sections a repo leaves out (docs/format.md, "kam.yaml").

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

/** The built-in health components (spec 1.1, section 4); a measure may not take one of these ids. */
export const HEALTH_COMPONENTS = ['completeness', 'freshness', 'team', 'stakeholders', 'execution'] as const;
export type HealthComponentId = (typeof HEALTH_COMPONENTS)[number];

/** spec 1.1, section 4: component weights and band thresholds of plan health. */
export const DEFAULT_HEALTH_WEIGHTS = { completeness: 3, freshness: 2, team: 1, stakeholders: 2, execution: 2 } as const;
export const DEFAULT_HEALTH_BANDS = { green: 70, amber: 40 } as const;

/** spec 1.2, sections 2 and 4: pipeline.min_coverage and renewals.assess_days. */
export const DEFAULT_MIN_COVERAGE = 1;
export const DEFAULT_ASSESS_DAYS = 180;
