import { pathToFileURL } from 'node:url';
import { RULE_DOCS } from '../../../check/registry.js';
import { VERSION } from '../../../version.js';
import type { FindingsFormatter } from './types.js';

const SRCROOT = '%SRCROOT%';
/** Where the tool is documented (SARIF2005 wants the tool to have one). */
export const INFORMATION_URI = 'https://github.com/kam-tools/kam#readme';

/** `missing_role` -> `MissingRole`. */
export const ruleName = (id: string) => id.replace(/(^|_)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const sentence = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;

/**
 * SARIF 2.1.0 (GitHub code scanning and other viewers): rule metadata from the rule registry,
 * one result per finding, located by a URI relative to the plan repo root.
 */
export const sarif: FindingsFormatter = ({ findings, root }) => {
  const ruleIndex = new Map(RULE_DOCS.map((r, i) => [r.id, i]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'kam',
            version: VERSION,
            informationUri: INFORMATION_URI,
            rules: RULE_DOCS.map((r) => ({
              id: r.id,
              // SARIF1001: a rule's name must differ from its id (PascalCase, as SARIF suggests).
              name: ruleName(r.id),
              shortDescription: { text: r.description },
              // GitHub code scanning (GH2012) wants a full description: what it catches and how to fix it.
              fullDescription: { text: `${sentence(r.description)} How to fix: ${r.fix}` },
              help: { text: `How to fix: ${r.fix}` },
              defaultConfiguration: { level: r.severity },
            })),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/?$/, '/')}` } },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule),
          level: f.severity,
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
          ...(f.account ? { properties: { account: f.account } } : {}),
        })),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
