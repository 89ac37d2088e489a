/** Writes the column table of docs/import-export.md from main/imports/columns.ts. */
import fs from 'node:fs';
import { columnsMarkdown } from '../main/imports/columns';
import { appPath } from '../main/paths/appRoot';

const file = appPath('docs', 'import-export.md');
const text = fs.readFileSync(file, 'utf8');
const marker = '<!-- generated from main/imports/columns.ts: npx tsx scripts/import-columns-doc.ts -->\n';
const at = text.indexOf(marker);
if (at < 0) throw new Error('docs/import-export.md: the generated-table marker is missing');
fs.writeFileSync(file, `${text.slice(0, at + marker.length)}\n${columnsMarkdown()}`);
process.stderr.write('docs/import-export.md written\n');
