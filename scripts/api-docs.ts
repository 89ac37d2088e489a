/** Writes docs/api.md from the API table. */
import fs from 'node:fs';
import { apiMarkdown } from '../main/api/docs';
import { appPath } from '../main/paths/appRoot';

fs.writeFileSync(appPath('docs', 'api.md'), apiMarkdown());
process.stderr.write('docs/api.md written\n');
