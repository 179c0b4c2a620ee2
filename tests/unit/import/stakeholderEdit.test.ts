import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editStakeholders } from '../../../src/import/contacts/stakeholderEdit.js';

const ok = (r: ReturnType<typeof editStakeholders>) => {
  if ('reason' in r) throw new Error(r.reason);
  return r.text;
};

describe('editStakeholders', () => {
  it('changes values in place, keeping quotes and comments; adds keys at the end of the stakeholder', () => {
    const text = 'account: a\nstakeholders:\n  - id: x   # keep\n    name: \'Xi\'\n    title: Old\n';
    const out = ok(editStakeholders(text, { update: [{ index: 0, fields: { name: 'Xu', title: 'New', crm_id: '7' } }], append: [] }));
    expect(out).toBe('account: a\nstakeholders:\n  - id: x   # keep\n    name: \'Xu\'\n    title: New\n    crm_id: "7"\n');
  });

  it('appends to a block list at its indentation, to flow lists and mappings, and to an empty or missing key', () => {
    const add = { update: [], append: [{ id: 'n', name: 'New: One', crm_id: '1' }] };
    expect(ok(editStakeholders('stakeholders:\n- name: A\nnotes: x\n', add))).toBe('stakeholders:\n- name: A\n- id: n\n  name: "New: One"\n  crm_id: "1"\nnotes: x\n');
    expect(parse(ok(editStakeholders('stakeholders: [{ name: A }]\n', add))).stakeholders).toEqual([{ name: 'A' }, { id: 'n', name: 'New: One', crm_id: '1' }]);
    expect(ok(editStakeholders('account: a\nstakeholders:\n# - id: example\nanswers: {}\n', add))).toBe('account: a\nstakeholders:\n  - id: n\n    name: "New: One"\n    crm_id: "1"\n# - id: example\nanswers: {}\n');
    expect(ok(editStakeholders('account: a\n', add))).toBe('account: a\nstakeholders:\n  - id: n\n    name: "New: One"\n    crm_id: "1"\n');
    const flowItem = ok(editStakeholders('stakeholders:\n  - { name: A }\n', { update: [{ index: 0, fields: { id: 'a' } }], append: [] }));
    expect(flowItem).toBe('stakeholders:\n  - { name: A, id: a }\n');
  });

  it('keeps CRLF line ends and refuses what it cannot edit in place', () => {
    const out = ok(editStakeholders('stakeholders:\r\n  - name: A\r\n', { update: [{ index: 0, fields: { title: 'T' } }], append: [] }));
    expect(out).toBe('stakeholders:\r\n  - name: A\r\n    title: T\r\n');
    expect(editStakeholders('stakeholders: 3\n', { update: [], append: [{ name: 'A' }] })).toEqual({ reason: expect.stringContaining('not a list') });
    expect(editStakeholders('stakeholders:\n  - x\n', { update: [{ index: 0, fields: { title: 'T' } }], append: [] })).toEqual({ reason: expect.stringContaining('not a mapping') });
  });
});
