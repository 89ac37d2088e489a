import { useEffect, useRef } from 'react';

/**
 * Alt+<letter> shortcuts of a screen (Alt+A accept, Alt+P make the PI, Alt+D the PDF…), shown
 * beside their buttons. Matched by the physical key (KeyA), so they work with any keyboard layout
 * and input method; ignored while a dialog covers the screen unless `inDialogs`.
 */
export function useShortcut(letter: string, handler: () => void, options: { enabled?: boolean; inDialogs?: boolean } = {}): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const enabled = options.enabled ?? true;
  const inDialogs = options.inDialogs ?? false;
  useEffect(() => {
    if (!enabled) return;
    const code = `Key${letter.toUpperCase()}`;
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || e.code !== code || e.defaultPrevented) return;
      if (!inDialogs && document.querySelector('.ant-modal-wrap:not([style*="display: none"]) .ant-modal')) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [letter, enabled, inDialogs]);
}

/** The label of a shortcut as shown in the UI. */
export function shortcutLabel(letter: string): string {
  return `Alt+${letter.toUpperCase()}`;
}
