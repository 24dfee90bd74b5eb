import { create } from 'zustand';

interface OnlineState {
  online: boolean;
}

/** The browser's own view of the network (`navigator.onLine` and its events); nothing is probed. */
export const useOnlineStore = create<OnlineState>()(() => ({ online: navigator.onLine }));

window.addEventListener('online', () => useOnlineStore.setState({ online: true }));
window.addEventListener('offline', () => useOnlineStore.setState({ online: false }));
