import { useTranslation } from 'react-i18next';

/** Marks a result (or the chart it drew) that something it was computed from has changed since. */
export function OutdatedTag() {
  const { t } = useTranslation();
  return (
    <span className="tag tag-outdated" title={t('checks:verdict.outdatedHelp')}>
      {t('checks:verdict.outdated')}
      <span className="visually-hidden"> ({t('checks:verdict.outdatedHelp')})</span>
    </span>
  );
}
