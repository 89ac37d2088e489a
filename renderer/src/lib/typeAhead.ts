/**
 * Type-ahead: keys typed while the screen is still busy with the last one (a
 * line being added, a quantity's new tier price on its way, a country being
 * looked up) are held and then replayed, in order, where the person meant them:
 * into the field that has the focus once the work is done. Nothing typed is
 * lost and nothing lands in the field that happened to have the focus meanwhile.
 *
 * Usage: `const hold = holdKeys();` before starting the work (synchronously,
 * in the handler of the key that started it), `hold.release()` once the screen
 * shows its result (the new field focused, the new price in its box).
 */

interface HeldKey {
  key: string;
  code: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
  /** The legacy key code, which some widgets (rc-select) still read. */
  keyCode: number;
  /** When it was pressed (performance.now()), so the search box still tells a scanner from a person. */
  at: number;
}

export interface KeyHold {
  /** Ends this hold; when no other hold is open, the held keys are replayed into the focused element. */
  release: () => void;
  /** Puts a key back in front of the held ones (a key that came too early for its own handler). */
  unshift: (key: string) => void;
}

const KEY_CODES: Record<string, number> = { Enter: 13, Tab: 9, Backspace: 8, Escape: 27, Delete: 46, ArrowLeft: 37, ArrowUp: 38, ArrowRight: 39, ArrowDown: 40 };
const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph', 'NumLock', 'Fn']);
const held: HeldKey[] = [];
let open = 0;
let replaying = false;
let installed = false;

function onKeyDown(e: KeyboardEvent): void {
  if (open === 0 || replaying || e.isComposing || MODIFIERS.has(e.key)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
  held.push({ key: e.key, code: e.code, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, altKey: e.altKey, metaKey: e.metaKey, keyCode: e.keyCode, at: performance.now() });
}

/** Swallows the keyup and keypress of a held key too, so no handler sees half of it. */
function onOther(e: KeyboardEvent): void {
  if (open === 0 || replaying || MODIFIERS.has(e.key)) return;
  e.preventDefault();
  e.stopImmediatePropagation();
}

function install(): void {
  if (installed) return;
  installed = true;
  window.addEventListener('keydown', onKeyDown, true);
  window.addEventListener('keypress', onOther, true);
}

/** Whether any keys are being held right now. */
export function holdingKeys(): boolean {
  return open > 0;
}

/** The press time of a key event: the original one for a replayed key. */
export function keyTime(e: { nativeEvent?: Event } | Event): number {
  const native = 'nativeEvent' in e && e.nativeEvent ? e.nativeEvent : (e as Event);
  const at = (native as Event & { heldAt?: number }).heldAt;
  return typeof at === 'number' ? at : performance.now();
}

export function holdKeys(): KeyHold {
  install();
  open += 1;
  let done = false;
  return {
    release: () => {
      if (done) return;
      done = true;
      open -= 1;
      if (open === 0) replay();
    },
    unshift: (key: string) => {
      held.unshift({ key, code: key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, keyCode: KEY_CODES[key] ?? key.toUpperCase().charCodeAt(0), at: performance.now() });
    },
  };
}

const TABBABLE = 'input, select, textarea, button, a[href], [tabindex]';

function isTabbable(el: Element): el is HTMLElement {
  if (!(el instanceof HTMLElement)) return false;
  if (el.tabIndex < 0 || (el as HTMLInputElement).disabled) return false;
  if (el instanceof HTMLInputElement && el.type === 'hidden') return false;
  if (el.closest('[inert], [aria-hidden="true"]')) return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Moves the focus as Tab (or Shift+Tab) would, within the open dialog when there is one. */
export function focusNext(from: Element | null, backwards = false): void {
  const dialogs = document.querySelectorAll('.ant-modal-wrap:not([style*="display: none"]) .ant-modal');
  const scope: ParentNode = from?.closest('.ant-modal') ?? dialogs[dialogs.length - 1] ?? document;
  // antd's focus-trap sentinels are tabbable divs that only send the focus back: skip them.
  const list = [...scope.querySelectorAll(TABBABLE)].filter(isTabbable).filter((el) => !el.hasAttribute('data-sentinel') && !el.className.toString().includes('sentinel'));
  if (list.length === 0) return;
  const index = from ? list.findIndex((el) => el === from || el.contains(from)) : -1;
  const next = index < 0 ? list[0] : list[(index + (backwards ? list.length - 1 : 1)) % list.length];
  next?.focus();
}

function editable(el: Element | null): el is HTMLInputElement | HTMLTextAreaElement {
  if (el instanceof HTMLTextAreaElement) return !el.readOnly && !el.disabled;
  return el instanceof HTMLInputElement && !el.readOnly && !el.disabled && !['checkbox', 'radio', 'button', 'submit', 'file'].includes(el.type);
}

/** One held key, as the browser would have handled it: keydown to the handlers, then its default action. */
function press(k: HeldKey): void {
  const target = (document.activeElement as HTMLElement | null) ?? document.body;
  const init = { key: k.key, code: k.code, keyCode: k.keyCode, which: k.keyCode, shiftKey: k.shiftKey, ctrlKey: k.ctrlKey, altKey: k.altKey, metaKey: k.metaKey, bubbles: true, cancelable: true, composed: true } as KeyboardEventInit;
  const down = new KeyboardEvent('keydown', init);
  Object.defineProperty(down, 'heldAt', { value: k.at });
  const proceed = target.dispatchEvent(down);
  if (proceed) {
    const plain = !k.ctrlKey && !k.metaKey && !k.altKey;
    if (k.key.length === 1 && plain && editable(target)) {
      document.execCommand('insertText', false, k.key);
    } else if (k.key === 'Backspace' && editable(target)) {
      document.execCommand('delete');
    } else if (k.key === 'Delete' && editable(target)) {
      document.execCommand('forwardDelete');
    } else if (k.key === 'Tab') {
      focusNext(target, k.shiftKey);
    } else if (k.key === 'Enter' && target instanceof HTMLInputElement && target.form) {
      // A real Enter in a form field submits the form (implicit submission); a dispatched one does not.
      const submit = target.form.querySelector<HTMLButtonElement>('button[type="submit"]');
      if (submit) target.form.requestSubmit(submit);
    }
  }
  const up = new KeyboardEvent('keyup', init);
  Object.defineProperty(up, 'heldAt', { value: k.at });
  ((document.activeElement as HTMLElement | null) ?? document.body).dispatchEvent(up);
}

function replay(): void {
  if (replaying) return;
  replaying = true;
  try {
    // A replayed key may start new work that holds again (Enter on the next item no): the rest waits for it.
    while (held.length > 0 && open === 0) press(held.shift() as HeldKey);
  } finally {
    replaying = false;
  }
}
