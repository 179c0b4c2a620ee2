/** What one CRM's standard account export looks like: data only (docs/crm.md lists them). */
export interface CrmPreset {
  id: string;
  /** The CRM and the export it reads, for messages and docs. */
  label: string;
  /** Where the column names come from (the CRM's own documentation). */
  source: string;
  /**
   * kam field -> the column names that fill it, first the one the CRM's usual export writes.
   * A header is matched case-insensitively; the first name present wins.
   */
  columns: Partial<Record<'crm_id' | 'name' | 'manager' | 'revenue.current' | 'industry' | 'region', readonly string[]>>;
  /** The record-id column `kam export --to <id>` writes, so the CRM's import updates by it. */
  exportIdColumn: string;
  /** The name column `kam export --to <id>` writes. */
  exportNameColumn: string;
}
