import type { MenuItemConstructorOptions } from 'electron';
import en from './locales/menu.en.json';
import zh from './locales/menu.zh.json';

/**
 * The application menu, in the UI's language, with the app's own commands.
 * A plain function of its inputs (tested in Node): main.ts turns it into a
 * Menu and routes each command (main handles the ones that need Electron,
 * the page the others, see commands.ts in the renderer).
 */
export type MenuLanguage = 'en' | 'zh-CN';
export type MenuText = typeof en;

export const MENU_TEXT: Record<MenuLanguage, MenuText> = { en, 'zh-CN': zh };

export const APP_COMMANDS = [
  'new-quotation',
  'search',
  'print',
  'backup-now',
  'settings',
  'help',
  'about',
  'check-updates',
  'update-from-file',
  'save-diagnostics',
] as const;
export type AppCommand = (typeof APP_COMMANDS)[number];

export function isAppCommand(value: unknown): value is AppCommand {
  return typeof value === 'string' && (APP_COMMANDS as readonly string[]).includes(value);
}

export interface MenuOptions {
  language: MenuLanguage;
  /** A packaged build: no reload, no developer tools. */
  packaged: boolean;
  platform: NodeJS.Platform;
  onCommand: (command: AppCommand) => void;
}

/** The UI language the menu follows: the page's choice, else the system's. */
export function menuLanguageOf(locale: string | null | undefined): MenuLanguage {
  return locale && /^zh\b/i.test(locale.trim()) ? 'zh-CN' : 'en';
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = MENU_TEXT[options.language];
  const mac = options.platform === 'darwin';
  const command = (id: AppCommand, label: string, accelerator?: string): MenuItemConstructorOptions => ({
    id,
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.onCommand(id),
  });
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: 'Stallkeeper',
      submenu: [
        command('about', t.about),
        separator,
        command('settings', t.settings, 'Cmd+,'),
        separator,
        { role: 'services', label: t.services },
        separator,
        { role: 'hide', label: t.hide },
        { role: 'hideOthers', label: t.hideOthers },
        { role: 'unhide', label: t.showAll },
        separator,
        { role: 'quit', label: t.quit },
      ],
    });
  }
  template.push({
    label: t.file,
    submenu: [
      command('new-quotation', t.newQuotation, 'CmdOrCtrl+N'),
      command('print', t.print, 'CmdOrCtrl+P'),
      separator,
      command('backup-now', t.backupNow),
      command('update-from-file', t.updateFromFile),
      ...(mac ? [] : [separator, command('settings', t.settings, 'Ctrl+,'), separator, { role: 'quit', label: t.quit } satisfies MenuItemConstructorOptions]),
    ],
  });
  template.push({
    label: t.edit,
    submenu: [
      { role: 'undo', label: t.undo },
      { role: 'redo', label: t.redo },
      separator,
      { role: 'cut', label: t.cut },
      { role: 'copy', label: t.copy },
      { role: 'paste', label: t.paste },
      { role: 'selectAll', label: t.selectAll },
      separator,
      command('search', t.search, 'CmdOrCtrl+F'),
    ],
  });
  const view: MenuItemConstructorOptions[] = [
    { role: 'zoomIn', label: t.zoomIn },
    { role: 'zoomOut', label: t.zoomOut },
    { role: 'resetZoom', label: t.resetZoom },
    separator,
    { role: 'togglefullscreen', label: t.fullScreen },
  ];
  if (!options.packaged) view.push(separator, { role: 'reload', label: t.reload }, { role: 'toggleDevTools', label: t.devTools });
  template.push({ label: t.view, submenu: view });
  if (mac) template.push({ role: 'windowMenu', label: t.window });
  else template.push({ label: t.window, submenu: [{ role: 'minimize', label: t.minimize }, { role: 'close', label: t.close }] });
  template.push({
    role: 'help',
    label: t.help,
    submenu: [
      command('help', t.helpContents, 'F1'),
      command('check-updates', t.checkUpdates),
      command('save-diagnostics', t.saveDiagnostics),
      ...(mac ? [] : [separator, command('about', t.about)]),
    ],
  });
  return template;
}

/** Every role and command in a template, depth first (tests, and the check that a packaged menu has no developer items). */
export function menuEntries(template: MenuItemConstructorOptions[]): Array<{ label?: string; role?: string; id?: string; accelerator?: string }> {
  return template.flatMap((item) => {
    const own = { label: item.label, role: item.role, id: item.id, accelerator: typeof item.accelerator === 'string' ? item.accelerator : undefined };
    const sub = Array.isArray(item.submenu) ? menuEntries(item.submenu as MenuItemConstructorOptions[]) : [];
    return [own, ...sub];
  });
}
