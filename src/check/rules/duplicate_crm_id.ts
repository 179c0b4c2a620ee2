import { makeFinding, whereIn } from '../../findings/makeFinding.js';
import type { Rule } from '../rule.js';
import { pushTo } from '../../util/group.js';

export const duplicateCrmId: Rule = {
  id: 'duplicate_crm_id',
  severity: 'error',
  example: '# accounts/acme.yaml and accounts/acme-eu.yaml\ncrm_id: 0015g00000ABC',
  description: 'two or more account files with the same `crm_id` (one CRM record linked to several accounts); reported at each of them',
  fix: 'keep `crm_id` in the account that is that CRM record and remove or correct it in the others (or merge the accounts)',
  check({ accounts }) {
    const byCrmId = new Map<string, typeof accounts>();
    for (const account of accounts) {
      const crmId = account.value.crm_id;
      if (crmId === undefined) continue;
      pushTo(byCrmId, crmId, account);
    }
    return [...byCrmId].flatMap(([crmId, linked]) =>
      linked.length < 2
        ? []
        : linked.map((account) => {
            const others = linked.filter((a) => a !== account).map((a) => a.file);
            const message = `crm_id "${crmId}" is also the crm_id of ${others.join(', ')}; one CRM record must be one account: keep it in the right file and remove it from the others`;
            return makeFinding(duplicateCrmId, whereIn(account, account.id, ['crm_id']), message);
          }),
    );
  },
};
