import type { CrmPreset } from './types.js';

// Salesforce Account: field labels (report export, list view export) and API names (Data Loader),
// from the Salesforce field reference for Account (Id "Account ID", Name "Account Name",
// AnnualRevenue "Annual Revenue", Industry, BillingCountry "Billing Country"; the owner's name is
// "Account Owner" in reports and Owner.Name in a Data Loader query; OwnerId is an id, not a name).
export const salesforce: CrmPreset = {
  id: 'salesforce',
  label: 'Salesforce account export (report or Data Loader)',
  source: 'Salesforce Field Reference, Account',
  columns: {
    crm_id: ['Account ID', 'Id'],
    name: ['Account Name', 'Name'],
    manager: ['Account Owner', 'Owner.Name'],
    'revenue.current': ['Annual Revenue', 'AnnualRevenue'],
    industry: ['Industry'],
    region: ['Billing Country', 'BillingCountry'],
  },
  exportIdColumn: 'Account ID',
  exportNameColumn: 'Account Name',
};
