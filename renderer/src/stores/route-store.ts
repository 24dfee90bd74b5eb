import { create } from 'zustand';

export type Route = { name: 'home' } | { name: 'client'; clientId: string; stepId: string | null };

/** `#/client/<id>/<stepId>` keeps the place across reloads; there is nothing else to route. */
export function parseHash(hash: string): Route {
  const [, kind, clientId, stepId] = hash.replace(/^#/, '').split('/');
  if (kind === 'client' && clientId) {
    return {
      name: 'client',
      clientId: decodeURIComponent(clientId),
      stepId: stepId ? decodeURIComponent(stepId) : null,
    };
  }
  return { name: 'home' };
}

export function routeHash(route: Route): string {
  if (route.name === 'home') return '#/';
  const step = route.stepId ? `/${encodeURIComponent(route.stepId)}` : '';
  return `#/client/${encodeURIComponent(route.clientId)}${step}`;
}

interface RouteState {
  route: Route;
  go: (route: Route) => void;
}

export const useRouteStore = create<RouteState>()((set) => ({
  route: parseHash(window.location.hash),
  go(route) {
    const hash = routeHash(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
}));

window.addEventListener('popstate', () => {
  useRouteStore.setState({ route: parseHash(window.location.hash) });
});
