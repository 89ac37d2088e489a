import { contextBridge, ipcRenderer } from 'electron';

/**
 * The only thing the page gets from Electron: call(method, input, locale,
 * callId?), which reaches the API table over one IPC channel (see ipc.ts).
 * Events (progress, menu commands) come back through the same channel
 * (app.events, a long poll).
 */
contextBridge.exposeInMainWorld('stallkeeper', {
  call: (method: string, input: unknown, locale: string, callId?: string): Promise<unknown> =>
    ipcRenderer.invoke('stallkeeper:call', method, input, locale, callId),
});
