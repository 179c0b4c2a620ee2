import type { CrmPreset } from './types.js';

// Dynamics 365 (Dataverse) account: the display names of the account table's columns as
// "Export to Excel" writes them (accountid is the hidden "(Do Not Modify) Account" column, name
// "Account Name", ownerid "Owner", revenue "Annual Revenue", industrycode "Industry",
// address1_country "Address 1: Country/Region").
export const dynamics: CrmPreset = {
  id: 'dynamics',
  label: 'Dynamics 365 account export (Export to Excel, saved as CSV)',
  source: 'Dataverse account table reference',
  columns: {
    crm_id: ['(Do Not Modify) Account', 'accountid'],
    name: ['Account Name'],
    manager: ['Owner'],
    'revenue.current': ['Annual Revenue'],
    industry: ['Industry'],
    region: ['Address 1: Country/Region'],
  },
  exportIdColumn: '(Do Not Modify) Account',
  exportNameColumn: 'Account Name',
};
