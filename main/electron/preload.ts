import { contextBridge, ipcRenderer } from 'electron';

/**
 * The only thing the page gets from Electron: call(method, input, locale),
 * which reaches the API table over one IPC channel (see ipc.ts).
 */
contextBridge.exposeInMainWorld('stallkeeper', {
  call: (method: string, input: unknown, locale: string): Promise<unknown> => ipcRenderer.invoke('stallkeeper:call', method, input, locale),
});
