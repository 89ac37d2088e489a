import fs from 'node:fs';
import { appPath } from '../paths/appRoot';

export function rendererDir(): string {
  return appPath('dist', 'renderer');
}

/** Builds the renderer with Vite when dist/renderer is missing (a fresh checkout). */
export async function ensureRendererBuilt(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<string> {
  const dir = rendererDir();
  if (fs.existsSync(`${dir}/index.html`)) return dir;
  log('Building the user interface (first run)…');
  const vite = await import('vite');
  await vite.build({ configFile: appPath('vite.config.ts'), logLevel: 'warn' });
  return dir;
}
