import { useTranslation } from 'react-i18next';
import { useAppStore } from '../stores/app-store.ts';

/**
 * `npm run demo`: says plainly that these clients, keys and results are practice data on local
 * services, so nobody mistakes them for a real client's setup.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const demo = useAppStore((s) => s.info?.demo ?? false);
  if (!demo) return null;
  return (
    <div className="banner banner-demo" role="note" data-banner="demo">
      <strong>{t('app:banners.demoTitle')}</strong> {t('app:banners.demoText')}
    </div>
  );
}
