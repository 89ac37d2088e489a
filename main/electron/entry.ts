// The Electron main process entry, bundled by scripts/build-main.ts into dist/electron/main.mjs.
import { startElectronApp } from './main';

startElectronApp();
