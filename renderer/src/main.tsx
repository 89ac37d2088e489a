/**
 * The app's entry: a tiny module that starts the page the window opens on and its first reads
 * (boot.ts), draws the products list's first view from them (src/firstView/), then the app itself
 * (start.tsx: React, antd and the shell).
 */
// The app's own styles are in index.html's head (a small stylesheet link); antd's are added by boot.ts
// (app/antdStyles.ts), so that they do not hold back the first reads.
import './app/global.css';
import './boot';
import { antdStylesLoaded } from './app/antdStyles';
import { firstViewSettled } from './firstView/firstView';

// After the first view's paint (at once on any other screen): its evaluation is long. Never drawn
// before antd's stylesheet is in.
void Promise.all([firstViewSettled(), antdStylesLoaded()]).then(() => import('./start'));
