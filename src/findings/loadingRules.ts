import type { RuleInfo } from './ruleInfo.js';

export type LoadingRuleId = 'yaml_syntax' | 'duplicate_key' | 'schema' | 'id_mismatch' | 'duplicate_id' | 'unknown_account';

/** Rules that loading reports (src/load/), described here for the docs and SARIF metadata. */
export const LOADING_RULES: (RuleInfo & { id: LoadingRuleId })[] = [
  {
    id: 'yaml_syntax',
    severity: 'error',
    example: 'owner: [pat  # a flow sequence never closed',
    description: 'a file that is not valid YAML, not UTF-8 text, too large, or uses tags or too many aliases',
    fix: 'fix the YAML at the reported line (indentation, quoting, a stray character)',
  },
  {
    id: 'duplicate_key',
    severity: 'error',
    example: 'status: open\nstatus: done  # the same key twice in one action',
    description: 'the same key twice in one mapping',
    fix: 'remove one of the two entries or merge them',
  },
  {
    id: 'schema',
    severity: 'error',
    example: 'status: finished  # not one of open, blocked, done',
    description: 'a value the format does not allow: unknown key, wrong type, rating off the scale, bad date, `{ na }` without a reason',
    fix: 'follow the message (it names the allowed keys or values); `kam schema` gives editors autocompletion',
  },
  {
    id: 'id_mismatch',
    severity: 'error',
    example: '# accounts/acme.yaml\nid: acme-corp',
    description: 'an `id:` or plan `account:` that differs from the file name, or a file name that is not a valid id',
    fix: 'make the id equal to the file name (`accounts/<id>.yaml`, `plans/<id>.yaml`), or rename the file',
  },
  {
    id: 'duplicate_id',
    severity: 'error',
    example: 'accounts/acme.yaml and accounts/acme.yml',
    description: 'two files for one id (e.g. `acme.yaml` and `acme.yml`)',
    fix: 'remove or rename one of them',
  },
  {
    id: 'unknown_account',
    severity: 'error',
    example: '# plans/acme.yaml, with no accounts/acme.yaml\naccount: acme',
    description: 'a plan for an account that has no `accounts/<id>.yaml`',
    fix: 'create the account file, or fix the plan\'s `account:`',
  },
];
