import { Grid } from 'antd';
import { useSyncExternalStore } from 'react';

/**
 * Which layout the screen gets, from antd's grid breakpoints (md 768 px, xl 1200 px):
 * - phone (under md): the staff view — bottom navigation, one column, lines and lists as cards;
 * - folded (md to xl, a tablet): the desktop layout folded so that no column of information is lost;
 * - desktop (xl and over, the shop PC at 1366×768): as it always was.
 * `touch` is a coarse pointer (a finger): bigger targets, no information behind hover.
 */
export interface Screen {
  phone: boolean;
  folded: boolean;
  desktop: boolean;
  touch: boolean;
}

const MD = '(min-width: 768px)';
const XL = '(min-width: 1200px)';
const COARSE = '(pointer: coarse)';

function matches(query: string): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function subscribeCoarse(onChange: () => void): () => void {
  const list = window.matchMedia(COARSE);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

/** Whether the pointer is a finger (`pointer: coarse`). */
export function useTouch(): boolean {
  return useSyncExternalStore(subscribeCoarse, () => matches(COARSE));
}

export function useScreen(): Screen {
  // antd's hook starts with no breakpoint at all; until it answers, the media queries do (else the
  // phone layout would flash on the PC for one frame).
  const screens = Grid.useBreakpoint();
  const touch = useTouch();
  const md = screens.md ?? matches(MD);
  const xl = screens.xl ?? matches(XL);
  return { phone: !md, folded: md && !xl, desktop: xl, touch };
}
