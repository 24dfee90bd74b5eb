import { useTranslation } from 'react-i18next';
import { useRouteStore } from '../stores/route-store.ts';
import { useUiStore } from '../stores/ui-store.ts';
import { OnlineStatus } from './OnlineStatus.tsx';

export function AppHeader() {
  const { t } = useTranslation();
  const onHome = useRouteStore((s) => s.route.name === 'home');
  const go = useRouteStore((s) => s.go);
  const openSettings = useUiStore((s) => s.openSettings);
  return (
    <header className="app-header">
      <span className="brand">{t('app:appName')}</span>
      <div className="header-actions">
        <OnlineStatus />
        {onHome ? null : (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => go({ name: 'home' })}
          >
            {t('app:nav.allClients')}
          </button>
        )}
        <button type="button" className="button button-quiet" onClick={() => openSettings()}>
          {t('app:nav.settings')}
        </button>
      </div>
    </header>
  );
}
