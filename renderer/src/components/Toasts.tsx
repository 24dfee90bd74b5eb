import { useTranslation } from 'react-i18next';
import { useToastStore } from '../stores/toast-store.ts';

/** Async outcomes and failures, announced politely; each stays until dismissed. */
export function Toasts() {
  const { t } = useTranslation();
  const toasts = useToastStore((s) => s.toasts);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <section className="toasts" aria-label={t('app:toasts.region')}>
      <ul aria-live="polite" className="toast-list">
        {toasts.map((toast) => (
          <li key={toast.id} className={`toast toast-${toast.kind}`}>
            <span className="toast-text">
              {toast.kind === 'error' ? (
                <strong className="toast-kind">{t('app:toasts.error')} </strong>
              ) : null}
              {toast.text}
            </span>
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => dismiss(toast.id)}
            >
              {t('app:toasts.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
