import type { Finding } from './finding.js';
import type { Config } from '../schema/config.js';
import type { RuleId, SeveritySetting } from '../schema/rules.js';

export type RuleSettings = Partial<Record<RuleId, SeveritySetting>>;

/** The repo's `rules:` severities (and command-line overrides on top): `off` drops a finding. */
export function applySeverities(findings: Finding[], ...settings: (RuleSettings | undefined)[]): Finding[] {
  const merged: RuleSettings = Object.assign({}, ...settings.filter(Boolean));
  return findings.flatMap((f) => {
    const setting = merged[f.rule];
    if (setting === 'off') return [];
    return setting && setting !== f.severity ? [{ ...f, severity: setting }] : [f];
  });
}

export function configRuleSettings(config: Config | undefined): RuleSettings {
  return (config?.rules ?? {}) as RuleSettings;
}

export interface FindingSummary {
  errors: number;
  warnings: number;
  accounts: number;
  plans: number;
}

export function summarize(findings: Finding[], accounts: number, plans: number): FindingSummary {
  const errors = findings.filter((f) => f.severity === 'error').length;
  return { errors, warnings: findings.length - errors, accounts, plans };
}
