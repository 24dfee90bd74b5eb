import { useTranslation } from 'react-i18next';
import { liveKey, useRunsStore } from './runs-store.ts';

/** Queued / running (with progress) / done for one check while a run is going. */
export function LiveCheckState({ clientId, checkId }: { clientId: string; checkId: string }) {
  const { t } = useTranslation();
  const live = useRunsStore((s) => s.live[liveKey(clientId, checkId)]);
  if (!live) return null;
  const wait = live.rateLimitWait;
  const progress = wait
    ? t('checks:progress.rateLimitWait', {
        host: wait.host,
        seconds: Math.max(1, Math.ceil(wait.waitMs / 1000)),
      })
    : live.progress
      ? live.progress.total === null
        ? t('checks:progress.count', { done: live.progress.done })
        : t('checks:progress.ofTotal', { done: live.progress.done, total: live.progress.total })
      : null;
  return (
    <p className={`check-live check-live-${live.state}`} role="status">
      {live.state === 'done' && live.status
        ? t(`checks:status.${live.status}`)
        : t(`checks:state.${live.state}`)}
      {progress ? ` · ${progress}` : null}
    </p>
  );
}
