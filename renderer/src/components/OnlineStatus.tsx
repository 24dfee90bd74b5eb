import { useTranslation } from 'react-i18next';
import { useOnlineStore } from '../stores/online-store.ts';

/** Online/offline as the browser reports it, with what still works when offline. */
export function OnlineStatus() {
  const { t } = useTranslation();
  const online = useOnlineStore((s) => s.online);
  return (
    <span
      className={`online-status ${online ? 'is-online' : 'is-offline'}`}
      role="status"
      data-online={online ? 'true' : 'false'}
      title={online ? undefined : t('dashboard:online.offlineHelp')}
    >
      <span aria-hidden="true" className="online-dot" />
      {online ? t('dashboard:online.online') : t('dashboard:online.offline')}
      {online ? null : (
        <span className="visually-hidden"> {t('dashboard:online.offlineHelp')}</span>
      )}
    </span>
  );
}
