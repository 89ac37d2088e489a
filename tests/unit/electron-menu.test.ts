import { describe, expect, it } from 'vitest';
import { APP_COMMANDS, MENU_TEXT, menuEntries, menuLanguageOf, menuTemplate, type AppCommand } from '../../main/electron/menu';

const build = (language: 'en' | 'zh-CN', packaged: boolean, platform: NodeJS.Platform, commands: AppCommand[] = []) =>
  menuTemplate({ language, packaged, platform, onCommand: (c) => commands.push(c) });

type Item = { id?: string; label?: string; click?: () => void; submenu?: Item[] };
function find(items: Item[], id: string): Item | undefined {
  for (const item of items) {
    if (item.id === id) return item;
    const inner = item.submenu ? find(item.submenu, id) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

describe('the application menu', () => {
  it('offers the app\'s own commands in Chinese, with their shortcuts', () => {
    const entries = menuEntries(build('zh-CN', true, 'win32'));
    const byId = new Map(entries.filter((e) => e.id).map((e) => [e.id, e]));
    expect(byId.get('new-quotation')).toMatchObject({ label: '新建报价单', accelerator: 'CmdOrCtrl+N' });
    expect(byId.get('search')).toMatchObject({ label: '搜索商品', accelerator: 'CmdOrCtrl+F' });
    expect(byId.get('print')).toMatchObject({ label: '打印…', accelerator: 'CmdOrCtrl+P' });
    expect(byId.get('backup-now')).toMatchObject({ label: '立即备份' });
    expect(byId.get('settings')).toMatchObject({ label: '设置', accelerator: 'Ctrl+,' });
    expect(byId.get('help')).toMatchObject({ label: 'Stallkeeper 帮助', accelerator: 'F1' });
    expect(byId.get('about')).toMatchObject({ label: '关于 Stallkeeper' });
    expect(build('zh-CN', true, 'win32').map((m) => m.label)).toEqual(['文件', '编辑', '视图', '窗口', '帮助']);
  });

  it('offers the same commands in English, and every command of the app is in it', () => {
    const entries = menuEntries(build('en', true, 'linux'));
    expect(entries.find((e) => e.id === 'new-quotation')?.label).toBe('New quotation');
    expect(new Set(entries.map((e) => e.id).filter(Boolean))).toEqual(new Set(APP_COMMANDS));
  });

  it('has no reload and no developer tools in a packaged build; development builds have both', () => {
    const roles = (packaged: boolean) => menuEntries(build('en', packaged, 'win32')).map((e) => e.role).filter(Boolean);
    for (const role of ['reload', 'forceReload', 'toggleDevTools']) expect(roles(true)).not.toContain(role);
    expect(roles(false)).toEqual(expect.arrayContaining(['reload', 'toggleDevTools']));
  });

  it('on macOS puts About, Settings and Quit under the app menu, elsewhere under File and Help', () => {
    const mac = build('en', true, 'darwin') as Item[];
    expect(mac[0]?.label).toBe('Stallkeeper');
    expect(find([mac[0] as Item], 'about')).toBeDefined();
    expect(find([mac[0] as Item], 'settings')).toMatchObject({ label: 'Settings' });
    const win = build('en', true, 'win32') as Item[];
    expect(win[0]?.label).toBe('File');
    expect(find([win[0] as Item], 'settings')).toBeDefined();
    expect(find([win.at(-1) as Item], 'about')).toBeDefined();
  });

  it('hands each click to the door as its command', () => {
    const clicked: AppCommand[] = [];
    const template = build('en', true, 'linux', clicked) as Item[];
    for (const id of ['new-quotation', 'backup-now', 'save-diagnostics'] as const) find(template, id)?.click?.();
    expect(clicked).toEqual(['new-quotation', 'backup-now', 'save-diagnostics']);
  });

  it('follows the UI language, and has every label in both languages', () => {
    expect(menuLanguageOf('zh-CN')).toBe('zh-CN');
    expect(menuLanguageOf('zh')).toBe('zh-CN');
    expect(menuLanguageOf('en-US')).toBe('en');
    expect(menuLanguageOf(undefined)).toBe('en');
    expect(Object.keys(MENU_TEXT['zh-CN']).sort()).toEqual(Object.keys(MENU_TEXT.en).sort());
    for (const text of Object.values(MENU_TEXT['zh-CN'])) expect(text).not.toBe('');
  });
});
