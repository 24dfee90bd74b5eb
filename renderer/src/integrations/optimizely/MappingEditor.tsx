import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  brazeFieldTypes,
  type BrazeFieldType,
  type FieldMapping,
} from '../../../../shared/integrations/optimizely/plan.ts';
import { IssueList } from './IssueList.tsx';
import { useOdpPlan } from './plan-store.ts';

/** Braze's standard user profile fields with their types; custom attributes are typed by the CSM. */
const brazeStandardFields: ReadonlyArray<[string, BrazeFieldType]> = [
  ['email', 'string'],
  ['external_id', 'string'],
  ['first_name', 'string'],
  ['last_name', 'string'],
  ['phone', 'string'],
  ['country', 'string'],
  ['home_city', 'string'],
  ['language', 'string'],
  ['gender', 'string'],
  ['time_zone', 'string'],
  ['dob', 'time'],
];

/** Braze user data field → ODP customer field rows: the default Email row, add, delete. */
export function MappingEditor() {
  const { t } = useTranslation();
  const listId = useId();
  const plan = useOdpPlan((s) => s.plan);
  const view = useOdpPlan((s) => s.view);
  const edit = useOdpPlan((s) => s.edit);
  if (!plan || !view) return null;
  const fields = view.fields?.fields ?? [];
  const editRow = (i: number, change: (row: FieldMapping) => void) =>
    edit((d) => {
      const row = d.mappings[i];
      if (row) change(row);
    });

  return (
    <div className="odp-mapping-editor">
      {view.fields ? null : <p className="field-help">{t('odp:ui.mappings.noFields')}</p>}
      <datalist id={listId}>
        {brazeStandardFields.map(([name]) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <table className="odp-table">
        <thead>
          <tr>
            <th scope="col">{t('odp:ui.mappings.brazeField')}</th>
            <th scope="col">{t('odp:ui.mappings.brazeType')}</th>
            <th scope="col">{t('odp:ui.mappings.odpField')}</th>
            <th scope="col">
              <span className="offscreen">{t('odp:ui.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.mappings.map((m, i) => (
            <tr key={i}>
              <td>
                <input
                  className="input"
                  aria-label={t('odp:ui.mappings.brazeFieldRow', { row: i + 1 })}
                  list={listId}
                  value={m.brazeField}
                  onChange={(e) => {
                    const value = e.target.value;
                    const standard = brazeStandardFields.find(([n]) => n === value);
                    editRow(i, (row) => {
                      row.brazeField = value;
                      if (standard) row.brazeType = standard[1];
                    });
                  }}
                />
              </td>
              <td>
                <select
                  className="input"
                  aria-label={t('odp:ui.mappings.brazeTypeRow', { row: i + 1 })}
                  value={m.brazeType}
                  onChange={(e) => {
                    const value = e.target.value as BrazeFieldType;
                    editRow(i, (row) => void (row.brazeType = value));
                  }}
                >
                  {brazeFieldTypes.map((type) => (
                    <option key={type} value={type}>
                      {t(`odp:ui.types.${type}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  className="input"
                  aria-label={t('odp:ui.mappings.odpFieldRow', { row: i + 1 })}
                  value={m.odpField}
                  onChange={(e) => {
                    const value = e.target.value;
                    editRow(i, (row) => void (row.odpField = value));
                  }}
                >
                  <option value="">{t('odp:ui.choose')}</option>
                  {m.odpField && !fields.some((f) => f.name === m.odpField) ? (
                    <option value={m.odpField}>{m.odpField}</option>
                  ) : null}
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.displayName ? `${f.displayName} (${f.name})` : f.name} · {f.type}
                    </option>
                  ))}
                </select>
                <IssueList issues={view.issues} path={`mappings.${i}`} />
              </td>
              <td>
                <button
                  type="button"
                  className="button button-danger-quiet button-small"
                  onClick={() => edit((d) => void d.mappings.splice(i, 1))}
                >
                  {t('odp:ui.mappings.delete', { row: i + 1 })}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <IssueList issues={view.issues.filter((x) => x.path === 'mappings')} path="mappings" />
      <button
        type="button"
        className="button"
        onClick={() =>
          edit((d) => void d.mappings.push({ brazeField: '', brazeType: 'string', odpField: '' }))
        }
      >
        {t('odp:ui.mappings.add')}
      </button>
    </div>
  );
}
