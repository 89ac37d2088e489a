import { build } from 'vite';
import { appPath } from '../main/paths/appRoot';

/**
 * Builds the renderer once for the HTTP and end-to-end tests, as production
 * builds it: vitest sets NODE_ENV=test, which would otherwise give Vite's
 * bundle React's slower development build.
 */
export default async function setup(): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: appPath('vite.config.ts'), mode: 'production', logLevel: 'error' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
