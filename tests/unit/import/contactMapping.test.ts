import { describe, expect, it } from 'vitest';
import { detectContactPreset, resolveContactMapping } from '../../../src/import/contacts/mapping.js';

// Headers as each CRM's contact export writes them (docs/crm.md, "Contacts").
const SALESFORCE_REPORT = ['Contact ID', 'Account ID', 'First Name', 'Last Name', 'Title', 'Email', 'Reports To ID'];
const SALESFORCE_LOADER = ['Id', 'AccountId', 'FirstName', 'LastName', 'Title', 'Email', 'ReportsToId'];
const HUBSPOT = ['Record ID', 'First Name', 'Last Name', 'Job Title', 'Email', 'Associated Company IDs'];
const DYNAMICS = ['contactid', 'parentcustomerid', 'firstname', 'lastname', 'jobtitle', 'emailaddress1', 'parentcontactid'];

describe('contact presets', () => {
  it.each([
    ['salesforce', SALESFORCE_REPORT, { crm_id: 0, account: 1, first_name: 2, last_name: 3, title: 4, email: 5, manager: 6 }],
    ['salesforce', SALESFORCE_LOADER, { crm_id: 0, account: 1, first_name: 2, last_name: 3, title: 4, email: 5, manager: 6 }],
    ['hubspot', HUBSPOT, { crm_id: 0, first_name: 1, last_name: 2, title: 3, email: 4, account: 5 }],
    ['dynamics', DYNAMICS, { crm_id: 0, account: 1, first_name: 2, last_name: 3, title: 4, email: 5, manager: 6 }],
  ])('%s export %#: recognised from the header, every column mapped', (id, header, fields) => {
    expect(detectContactPreset(header)).toBe(id);
    const m = resolveContactMapping(header, {}, 'x.csv');
    expect(Object.fromEntries(Object.entries(m.fields).map(([f, c]) => [f, c!.index]))).toEqual(fields);
    expect(m.unmapped).toEqual([]);
  });

  it('--map overrides a preset column and adds others; unknown fields and columns are usage errors', () => {
    const m = resolveContactMapping([...HUBSPOT, 'Manager Record ID'], { map: ['Manager Record ID=manager', 'Email=ignore'] }, 'x.csv');
    expect(m.fields.manager).toEqual({ index: 6, column: 'Manager Record ID' });
    expect(m.fields.email).toBeUndefined();
    expect(() => resolveContactMapping(HUBSPOT, { map: ['Email=mail'] }, 'x.csv')).toThrow(/"mail" is not a contact field/);
    expect(() => resolveContactMapping(HUBSPOT, { map: ['Boss=manager'] }, 'x.csv')).toThrow(/has no column "Boss"/);
    expect(() => resolveContactMapping(['Name', 'Company'], {}, 'x.csv')).toThrow(/no column gives the contact's CRM id/);
  });
});
