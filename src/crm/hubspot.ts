import type { CrmPreset } from './types.js';

// HubSpot company export: the labels of the default company properties ("Record ID" is
// hs_object_id, "Company name" name, "Company owner" hubspot_owner_id, "Annual Revenue"
// annualrevenue, "Industry" industry, "Country/Region" country).
export const hubspot: CrmPreset = {
  id: 'hubspot',
  label: 'HubSpot company export',
  source: 'HubSpot default company properties',
  columns: {
    crm_id: ['Record ID'],
    name: ['Company name'],
    manager: ['Company owner'],
    'revenue.current': ['Annual Revenue'],
    industry: ['Industry'],
    region: ['Country/Region'],
  },
  exportIdColumn: 'Record ID',
  exportNameColumn: 'Company name',
};
