import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api, EventName } from '../shared/contract/index.ts';
import { ipcChannels } from './ipc-channels.ts';

type Envelope = { event: EventName; payload: unknown };

// Only these two functions cross the bridge: never ipcRenderer itself, never the IPC event object.
const api: Api = {
  invoke: (channel, request) => ipcRenderer.invoke(ipcChannels.invoke, channel, request),
  on: (event, listener) => {
    const relay = (_e: IpcRendererEvent, envelope: Envelope): void => {
      if (envelope.event === event) listener(envelope.payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(ipcChannels.event, relay);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, relay);
    };
  },
};

contextBridge.exposeInMainWorld('api', api);
