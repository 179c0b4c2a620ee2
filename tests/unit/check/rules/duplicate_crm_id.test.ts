import { expect } from 'vitest';
import { ruleTester } from '../../../helpers/ruleTester.js';
import { duplicateCrmId } from '../../../../src/check/rules/duplicate_crm_id.js';

// Low ratings keep the extra accounts untiered, so no other rule speaks up.
const other = (name: string, crmId: string) => `name: ${name}\n# linked to the CRM\ncrm_id: ${crmId}\nratings: { revenue: 1, growth: 1 }\n`;

/** Each finding is at the crm_id of its file and names every other file of the record. */
const at = (files: string[]) =>
  files.map((file) => ({
    file,
    line: 3,
    severity: 'error',
    column: 9,
    path: ['crm_id'],
    message: expect.stringMatching(new RegExp(files.filter((f) => f !== file).map((f) => `(?=.*${f.replace('.', '\\.')})`).join(''))),
  }));

ruleTester(duplicateCrmId, {
  valid: [
    { name: 'nothing when the ids differ', files: { 'accounts/beta.yaml': other('Beta', '001A'), 'accounts/gamma.yaml': other('Gamma', '001B') } },
    { name: 'nothing for accounts without crm_id', files: { 'accounts/beta.yaml': 'name: Beta\nratings: { revenue: 1, growth: 1 }\n' } },
  ],
  invalid: [
    {
      name: 'one CRM record on two accounts, at the crm_id of each',
      files: { 'accounts/beta.yaml': other('Beta', '"001A"'), 'accounts/gamma.yaml': other('Gamma', '"001A"') },
      errors: at(['accounts/beta.yaml', 'accounts/gamma.yaml']),
    },
    {
      name: 'a numeric record id equals its text',
      files: { 'accounts/beta.yaml': other('Beta', '4711'), 'accounts/gamma.yaml': other('Gamma', '"4711"') },
      errors: at(['accounts/beta.yaml', 'accounts/gamma.yaml']),
    },
    {
      name: 'three files, each naming the two others',
      files: { 'accounts/beta.yaml': other('Beta', 'X'), 'accounts/gamma.yaml': other('Gamma', 'X'), 'accounts/delta.yaml': other('Delta', 'X') },
      errors: at(['accounts/beta.yaml', 'accounts/delta.yaml', 'accounts/gamma.yaml']),
    },
  ],
});
