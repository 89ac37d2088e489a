import type { CSSProperties } from 'react';
import type { Screen } from './screen';

/**
 * antd's control sizes on a touch screen: every button, input, select, segmented control and
 * pagination item at least 44 px high (size="small" ones too), as fingers need.
 */
export const TOUCH_TOKENS = { controlHeight: 44, controlHeightSM: 44, controlHeightLG: 52, fontSize: 15 } as const;

/** Classes on the app's outer layout, for the CSS of src/layout/mobile.css. */
export function shellClass(screen: Screen): string {
  return ['sk-shell', screen.phone ? 'sk-shell-phone' : screen.folded ? 'sk-shell-folded' : 'sk-shell-desktop', screen.touch ? 'sk-touch' : ''].filter(Boolean).join(' ');
}

/** The header: as it always was on the PC; on a phone the brand on the left and less padding. */
export function headerStyle(screen: Screen): CSSProperties {
  const base: CSSProperties = { background: '#fff', padding: '0 20px', display: 'flex', alignItems: 'center', justifyContent: 'flex-end', height: 56 };
  if (!screen.phone) return base;
  return { ...base, padding: '0 12px', justifyContent: 'space-between', gap: 8 };
}

/**
 * The page's box: as it always was on the PC (1200 px and over); tighter on a tablet; edge to edge on a
 * phone, with room at the bottom for the navigation bar. Below the PC nothing scrolls sideways inside it:
 * what does not fit must wrap, and the page itself shows it.
 */
export function contentStyle(screen: Screen): CSSProperties {
  if (screen.desktop) return { margin: 16, padding: 20, background: '#fff', borderRadius: 8, overflow: 'auto' };
  if (screen.folded) return { margin: 8, padding: 12, background: '#fff', borderRadius: 8, minWidth: 0 };
  return { margin: 0, padding: '12px 12px calc(76px + env(safe-area-inset-bottom))', background: '#fff', minWidth: 0 };
}
