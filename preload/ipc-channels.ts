/** The two Electron IPC channels; the contract's channels travel inside them. */
export const ipcChannels = {
  invoke: 'partner-setup:invoke',
  event: 'partner-setup:event',
} as const;
