// What each CRM's contact export looks like (docs/crm.md, "Contacts"): data only. The column
// names come from the CRMs' own references: Salesforce's Contact field reference (API names for
// Data Loader, field labels for report exports), HubSpot's default contact properties as its
// export labels them, Dataverse's contact table (logical names, and the display names "Export to
// Excel" writes).
import type { PresetId } from './index.js';

/** The contact fields kam reads; `ignore` drops a column on purpose. */
export const CONTACT_FIELDS = ['crm_id', 'account', 'first_name', 'last_name', 'name', 'title', 'email', 'manager', 'ignore'] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];

export interface ContactPreset {
  id: PresetId;
  label: string;
  source: string;
  /** field -> the column names that fill it (case-insensitive), the CRM's usual export first. */
  columns: Partial<Record<Exclude<ContactField, 'ignore'>, readonly string[]>>;
  /** What `kam export contacts --to <id>` writes: the record id, title and (where there is one) buying role columns. */
  export: { id: string; title: string; role?: { column: string; values: Partial<Record<string, string>> } };
}

export const CONTACT_PRESETS: Record<PresetId, ContactPreset> = {
  salesforce: {
    id: 'salesforce',
    label: 'Salesforce contact export (report or Data Loader)',
    source: 'Salesforce Field Reference, Contact',
    columns: {
      crm_id: ['Contact ID', 'Id'],
      account: ['Account ID', 'AccountId'],
      first_name: ['First Name', 'FirstName'],
      last_name: ['Last Name', 'LastName'],
      name: ['Name', 'Full Name'],
      title: ['Title'],
      email: ['Email'],
      manager: ['Reports To ID', 'ReportsToId'],
    },
    // Contact has no buying role (that is OpportunityContactRole's Role): Data Loader updates by Id.
    export: { id: 'Id', title: 'Title' },
  },
  hubspot: {
    id: 'hubspot',
    label: 'HubSpot contact export',
    source: 'HubSpot default contact properties',
    columns: {
      crm_id: ['Record ID'],
      account: ['Associated Company IDs', 'Company ID', 'Associated Company ID'],
      first_name: ['First Name'],
      last_name: ['Last Name'],
      title: ['Job Title'],
      email: ['Email'],
      // HubSpot has no standard "reports to" property: map a custom one with --map "<column>=manager".
    },
    export: {
      id: 'Record ID',
      title: 'Job Title',
      role: {
        column: 'Buying Role',
        values: { decision_maker: 'Decision Maker', economic_buyer: 'Budget Holder', champion: 'Champion', influencer: 'Influencer', user: 'End User', blocker: 'Blocker' },
      },
    },
  },
  dynamics: {
    id: 'dynamics',
    label: 'Dynamics 365 contact export (Export to Excel saved as CSV, or Dataverse logical names)',
    source: 'Dataverse contact table reference',
    columns: {
      crm_id: ['(Do Not Modify) Contact', 'contactid'],
      account: ['parentcustomerid', 'Company Name'],
      first_name: ['First Name', 'firstname'],
      last_name: ['Last Name', 'lastname'],
      name: ['Full Name', 'fullname'],
      title: ['Job Title', 'jobtitle'],
      email: ['Email', 'emailaddress1'],
      manager: ['parentcontactid', 'Parent Contact', 'managerid'],
    },
    export: {
      id: 'contactid',
      title: 'jobtitle',
      // The contact's Role (accountrolecode): Decision Maker, Employee or Influencer.
      role: { column: 'accountrolecode', values: { decision_maker: 'Decision Maker', economic_buyer: 'Decision Maker', influencer: 'Influencer', champion: 'Influencer', user: 'Employee' } },
    },
  },
};
