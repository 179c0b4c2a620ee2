import { pushTo } from '../../util/group.js';
import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import { personKey } from '../../people/people.js';
import type { Rule } from '../rule.js';

/**
 * Two account files for one customer: their `name`s are the same name as people's names are
 * (spec 1.1, section 9: case and runs of spaces aside, personKey), so "Acme  corp" and "ACME Corp"
 * are one customer. It happens after a CRM rename, when a second file is made under the new id.
 * Reported at the `name` of each file, naming the others, as duplicate_crm_id is. A warning: two
 * customers may truly share a name (two "City Council"s); the fix then is a clearer name.
 */
/** The other files, the first few by name: a thousand files of one name must not make a million-name message. */
function others(files: readonly { file: string; value: { name: string } }[]): string {
  const named = files.slice(0, MAX_NAMED).map((a) => `${a.file} ("${a.value.name}")`);
  return files.length > MAX_NAMED ? `${named.join(', ')} and ${files.length - MAX_NAMED} more` : named.join(', ');
}
const MAX_NAMED = 3;

export const duplicateAccount: Rule = {
  id: 'duplicate_account',
  severity: 'warning',
  example: '# accounts/acme.yaml and accounts/acme-2.yaml\nname: Acme  Corp',
  description: 'two or more account files whose `name` is the same (case and runs of spaces aside, as names of people are matched); reported at the name of each',
  fix: 'keep one file per customer: merge the accounts (move the plan, then delete the other file), or make the names tell the customers apart',
  check({ accounts }) {
    const byName = new Map<string, typeof accounts>();
    for (const account of accounts) {
      const key = personKey(account.value.name);
      pushTo(byName, key, account);
    }
    return [...byName.values()].flatMap((same) =>
      same.length < 2
        ? []
        : same.map((account) => {
            const message = `account name "${account.value.name}" is also the name of ${others(same.filter((a) => a !== account))}; one customer must be one account: merge them, or make the names tell them apart`;
            return makeFinding(duplicateAccount, whereIn(account, account.id, ['name']), message);
          }),
    );
  },
};
