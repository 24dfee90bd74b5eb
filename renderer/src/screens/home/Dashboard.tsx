import { useDeferredValue, useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  selectRows,
  type ClientOverview,
  type IntegrationSummary,
  type OverviewFilter,
  type OverviewSort,
} from '../../../../shared/dashboard/overview.ts';
import { integrationIds } from '../../../../shared/integrations/lists.ts';
import { verdictName } from '../../../../shared/verdict/verdict-text.ts';
import { api } from '../../api/index.ts';
import { useFormatDate } from '../../components/format.ts';
import { useSay } from '../../features/verdict/use-verdict.ts';
import { VerdictBadge } from '../../features/verdict/VerdictBadge.tsx';
import { useOverviewStore } from '../../stores/overview-store.ts';
import { routeHash } from '../../stores/route-store.ts';
import { attempt } from '../../stores/toast-store.ts';
import '../../styles/dashboard.css';

const filters: OverviewFilter[] = [
  'all',
  'verified',
  'failing',
  'notVerified',
  'incomplete',
  'stale',
];
const sorts: OverviewSort[] = ['name', 'progress', 'failing', 'lastValidated', 'updated'];

export type RowAction = 'rename' | 'duplicate' | 'delete';

/** Every client at a glance, from one summary row each (`clients:overview`), searched and sorted here. */
export function Dashboard({
  onAction,
}: {
  onAction: (kind: RowAction, row: ClientOverview) => void;
}) {
  const { t } = useTranslation();
  const searchId = useId();
  const { rows, search, filter, sort, setView } = useOverviewStore();
  const deferredSearch = useDeferredValue(search);
  const shown = useMemo(
    () => selectRows(rows, { search: deferredSearch, filter, sort }),
    [rows, deferredSearch, filter, sort],
  );

  useEffect(() => {
    void attempt(() => useOverviewStore.getState().load());
    return api.on('client:changed', () => void attempt(() => useOverviewStore.getState().load()));
  }, []);

  return (
    <div className="dashboard">
      <div className="dashboard-tools" role="search">
        <label htmlFor={searchId}>{t('dashboard:dashboard.search')}</label>
        <input
          id={searchId}
          type="search"
          value={search}
          data-dashboard-search=""
          onChange={(e) => setView({ search: e.target.value })}
        />
        <label>
          {t('dashboard:dashboard.filter')}{' '}
          <select
            value={filter}
            data-dashboard-filter=""
            onChange={(e) => setView({ filter: e.target.value as OverviewFilter })}
          >
            {filters.map((f) => (
              <option key={f} value={f}>
                {t(`dashboard:dashboard.filters.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('dashboard:dashboard.sort')}{' '}
          <select
            value={sort}
            data-dashboard-sort=""
            onChange={(e) => setView({ sort: e.target.value as OverviewSort })}
          >
            {sorts.map((s) => (
              <option key={s} value={s}>
                {t(`dashboard:dashboard.sorts.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <p className="muted dashboard-count" aria-live="polite" data-dashboard-count={shown.length}>
          {t('dashboard:dashboard.count', { shown: shown.length, total: rows.length })}
        </p>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t('dashboard:dashboard.noMatch')}</p>
      ) : (
        <table className="client-table dashboard-table">
          <caption className="visually-hidden">{t('dashboard:dashboard.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard:dashboard.columns.name')}</th>
              {integrationIds.map((id) => (
                <th key={id} scope="col">
                  {t(`app:integrations.${id}`)}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{t('dashboard:dashboard.columns.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <DashboardRow key={row.id} row={row} onAction={onAction} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function DashboardRow({
  row,
  onAction,
}: {
  row: ClientOverview;
  onAction: (kind: RowAction, row: ClientOverview) => void;
}) {
  const { t } = useTranslation();
  const say = useSay();
  return (
    <tr
      data-client-name={row.name}
      data-failing={row.failing}
      data-stale={row.stale}
      data-last-validated={row.lastValidatedAt ?? ''}
      data-verdict={row.verdict.verdict}
    >
      <th scope="row">
        <a
          className="client-link"
          href={routeHash({ name: 'client', clientId: row.id, stepId: null })}
        >
          {row.name}
        </a>{' '}
        <span className={`badge verdict-badge verdict-${row.verdict.verdict}`}>
          {verdictName(row.verdict, say)}
        </span>
      </th>
      {integrationIds.map((id) => {
        const cell = row.byIntegration.find((c) => c.integration === id);
        return cell ? (
          <IntegrationCell key={id} cell={cell} />
        ) : (
          <td key={id} className="muted">
            {t('dashboard:dashboard.notUsed')}
          </td>
        );
      })}
      <td className="row-actions">
        {(['rename', 'duplicate', 'delete'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className={`button button-small ${kind === 'delete' ? 'button-danger-quiet' : 'button-quiet'}`}
            aria-label={t(`app:home.actionLabels.${kind}`, { name: row.name })}
            onClick={() => onAction(kind, row)}
          >
            {t(`app:home.actions.${kind}`)}
          </button>
        ))}
      </td>
    </tr>
  );
}

/**
 * One integration's verdict (with the confirmations beside it), steps done and last validation,
 * in its own column.
 */
function IntegrationCell({ cell }: { cell: IntegrationSummary }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  return (
    <td
      className="integration-cell"
      data-integration={cell.integration}
      data-failing={cell.failing}
      data-last-validated={cell.lastValidatedAt ?? ''}
      data-verdict={cell.verdict.verdict}
    >
      <VerdictBadge verdict={cell.verdict} />
      <span className="steps-done">
        <progress value={cell.stepsDone} max={Math.max(1, cell.stepsTotal)} aria-hidden="true" />{' '}
        {t('dashboard:dashboard.stepsOf', { done: cell.stepsDone, total: cell.stepsTotal })}
      </span>
      <span className="validated">
        {cell.lastValidatedAt
          ? t('dashboard:dashboard.validated', { date: formatDate(cell.lastValidatedAt) })
          : t('dashboard:dashboard.neverValidated')}
        {cell.stale > 0 ? (
          <span className="tag tag-stale">{t('dashboard:dashboard.stale')}</span>
        ) : null}
      </span>
    </td>
  );
}
