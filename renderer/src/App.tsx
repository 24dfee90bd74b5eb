import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from './api/index.ts';
import { AppHeader } from './components/AppHeader.tsx';
import { Toasts } from './components/Toasts.tsx';
import { ClientScreen } from './screens/client/ClientScreen.tsx';
import { ClientListScreen } from './screens/home/ClientListScreen.tsx';
import { SettingsDialog } from './screens/settings/SettingsDialog.tsx';
import { useAppStore } from './stores/app-store.ts';
import { useCatalogStore } from './stores/catalog-store.ts';
import { useClientStore } from './stores/client-store.ts';
import { useClientsStore } from './stores/clients-store.ts';
import { useRouteStore } from './stores/route-store.ts';
import { useSecretsStore } from './stores/secrets-store.ts';
import { attempt } from './stores/toast-store.ts';
import { useUiStore } from './stores/ui-store.ts';

const loadEverything = () =>
  attempt(() =>
    Promise.all([
      useAppStore.getState().load(),
      useCatalogStore.getState().load(),
      useClientsStore.getState().refresh(),
    ]),
  );

/** A client changed outside this window's own calls (a check run, the CLI, another window). */
const followChanges = () =>
  api.on('client:changed', ({ clientId }) => {
    void attempt(() => useClientsStore.getState().refresh());
    if (useClientStore.getState().client?.id !== clientId) return;
    void attempt(() => useClientStore.getState().reload());
    void attempt(() => useSecretsStore.getState().load(clientId));
  });

export function App() {
  const { t } = useTranslation();
  const loaded = useAppStore((s) => s.loaded);
  const route = useRouteStore((s) => s.route);
  const settingsOpen = useUiStore((s) => s.settingsOpen);

  useEffect(() => {
    void loadEverything();
    return followChanges();
  }, []);

  return (
    <>
      <AppHeader />
      {!loaded ? (
        <main id="main" className="page page-loading">
          <h1 className="visually-hidden">{t('app:appName')}</h1>
          <p role="status">{t('app:common.loading')}</p>
        </main>
      ) : route.name === 'client' ? (
        <ClientScreen clientId={route.clientId} stepId={route.stepId} />
      ) : (
        <ClientListScreen />
      )}
      {settingsOpen ? <SettingsDialog /> : null}
      <Toasts />
    </>
  );
}
