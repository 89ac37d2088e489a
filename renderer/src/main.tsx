/**
 * The app's entry: a tiny module that starts the page the window opens on and its first reads
 * (boot.ts), draws the products list's first view from them (src/firstView/), then the app itself
 * (start.tsx: React, antd and the shell).
 */
// The app's styles are in index.html's head (a stylesheet link), so the first view is drawn styled.
import 'antd/dist/antd.css';
import './app/global.css';
import './boot';
import { firstViewSettled } from './firstView/firstView';

// After the first view's paint (at once on any other screen): its evaluation is long.
void firstViewSettled().then(() => import('./start'));
