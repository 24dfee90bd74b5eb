import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bundleRefusalText } from '../../../../shared/bundle/problems.ts';
import { exceedsBundleSize, tooLargeProblem } from '../../../../shared/bundle/size.ts';
import type { ResponseOf } from '../../../../shared/contract/index.ts';
import { call } from '../../api/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useFormatDate } from '../../components/format.ts';
import { useRouteStore } from '../../stores/route-store.ts';
import { errorText } from '../../stores/toast-store.ts';
import { useClientsStore } from '../../stores/clients-store.ts';
import { useOverviewStore } from '../../stores/overview-store.ts';
import { useToastStore } from '../../stores/toast-store.ts';
import { ChecklistView } from './ChecklistView.tsx';

type Inspected = ResponseOf<'bundles:inspect'>;

/**
 * Import from a bundle file: main validates all of it first (a problem shows as one message and
 * nothing changes), then the CSM imports, replaces an existing client, or only reviews it. The
 * imported client then opens, ready to work on.
 */
export function ImportClient() {
  const { t } = useTranslation();
  const inputId = useId();
  const [pending, setPending] = useState<{ text: string; inspected: Inspected } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    // Refused before reading: browser mode would drop so large a request with no word of why.
    if (exceedsBundleSize(file.size)) {
      setError(bundleRefusalText(tooLargeProblem, (key, params) => t(key, params)));
      return;
    }
    try {
      const text = await file.text();
      setPending({ text, inspected: await call('bundles:inspect', { text }) });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <div className="import-client">
      <input
        id={inputId}
        type="file"
        accept="application/json,.json"
        className="visually-hidden"
        aria-label={t('dashboard:import.fileLabel')}
        data-import-input=""
        onChange={(e) => {
          void pick(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      {/* After the input, so the input's keyboard focus can ring it (dashboard.css). */}
      <label htmlFor={inputId} className="button">
        {t('dashboard:import.button')}
      </label>
      {error ? (
        <div className="banner banner-error" role="alert" data-import-error="">
          {error}
        </div>
      ) : null}
      {pending ? (
        <ImportDialog
          text={pending.text}
          inspected={pending.inspected}
          onClose={() => setPending(null)}
        />
      ) : null}
    </div>
  );
}

function ImportDialog({
  text,
  inspected,
  onClose,
}: {
  text: string;
  inspected: Inspected;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const errorId = useId();
  const [reviewing, setReviewing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { client, conflict, exportedAt } = inspected;

  const run = async (onConflict: 'ask' | 'replace' | 'new') => {
    try {
      const outcome = await call('bundles:import', { text, onConflict });
      await Promise.all([useClientsStore.getState().refresh(), useOverviewStore.getState().load()]);
      const key = outcome.replaced ? 'dashboard:import.replaced' : 'dashboard:import.done';
      useToastStore.getState().push('info', t(key, { name: outcome.client.name }));
      onClose();
      useRouteStore.getState().go({ name: 'client', clientId: outcome.client.id, stepId: null });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  return (
    <Dialog
      title={t('dashboard:import.title', { name: client.name })}
      onClose={onClose}
      size="wide"
    >
      {exportedAt ? (
        <p>{t('dashboard:import.exported', { date: formatDate(exportedAt) })}</p>
      ) : null}
      <p data-import-conflict={conflict ? conflict.match : 'none'}>
        {conflict ? conflict.message : t('dashboard:import.noConflict')}
      </p>
      <FormError id={errorId} message={error} />
      {reviewing ? (
        <div className="import-review">
          <p className="callout">{t('dashboard:import.reviewNote')}</p>
          <ChecklistView client={client} />
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('app:common.cancel')}
        </button>
        <button type="button" className="button" onClick={() => setReviewing(!reviewing)}>
          {reviewing ? t('dashboard:import.closeReview') : t('dashboard:import.review')}
        </button>
        {conflict ? (
          <>
            <button type="button" className="button" onClick={() => void run('new')}>
              {t('dashboard:import.asNew')}
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void run('replace')}
            >
              {t('dashboard:import.replace')}
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={() => void run('ask')}>
            {t('dashboard:import.import')}
          </button>
        )}
      </div>
    </Dialog>
  );
}
