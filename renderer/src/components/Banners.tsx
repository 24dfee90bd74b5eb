import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store.ts';
import { DemoBanner } from './DemoBanner.tsx';

/** What the CSM must know before trusting what they see: practice data, store and keychain problems. */
export function Banners() {
  const { t } = useTranslation();
  const storeIssue = useAppStore((s) => s.info?.storeIssue ?? null);
  const dismissStoreIssue = useAppStore((s) => s.dismissStoreIssue);
  const keychain = useAppStore((s) => s.keychain);
  return (
    <>
      <DemoBanner />
      {storeIssue ? (
        <div className="banner banner-warning" data-banner="store">
          <strong>{t('app:banners.storeTitle')}</strong>{' '}
          {t(
            storeIssue.kind === 'corrupt' ? 'app:banners.storeCorrupt' : 'app:banners.storeNewer',
            { path: storeIssue.movedTo },
          )}{' '}
          <button
            type="button"
            className="button button-small"
            onClick={() => void dismissStoreIssue()}
          >
            {t('app:toasts.dismiss')}
          </button>
        </div>
      ) : null}
      {keychain && !keychain.available ? (
        <div className="banner banner-error" data-banner="keychain">
          <strong>{t('app:banners.keychainTitle')}</strong>{' '}
          {keychain.message ?? t('app:banners.keychainFallback')}
        </div>
      ) : null}
    </>
  );
}
