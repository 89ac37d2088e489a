/**
 * The app's entry: a tiny module that starts, at once and side by side, the
 * page the window opens on, that page's first reads (boot.ts) and the app
 * itself (start.tsx: React, antd and the shell), instead of one after the other.
 */
import './boot';

void import('./start');
