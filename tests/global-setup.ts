import { build } from 'vite';
import { appPath } from '../main/paths/appRoot';

/** Builds the renderer once for the HTTP and end-to-end tests. */
export default async function setup(): Promise<void> {
  await build({ configFile: appPath('vite.config.ts'), logLevel: 'error' });
}
