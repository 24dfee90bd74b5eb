import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { StepPanelProps } from '../types.ts';
import { ActivationPlanner } from './ActivationPlanner.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { OdpSummary } from './OdpSummary.tsx';
import { useOdpPlan } from './plan-store.ts';
import { SchedulePanel } from './SchedulePanel.tsx';
import { SegmentPicker } from './SegmentPicker.tsx';
import { UnreadablePlanGate } from './UnreadablePlanGate.tsx';
import './odp.css';

/** Loads the client's ODP plan once per client; every plan panel shares it. */
function usePlan(clientId: string, updatedAt: string) {
  const load = useOdpPlan((s) => s.load);
  // Reloaded when a check run changed the client (new ODP fields, new Braze segments).
  useEffect(() => void load(clientId), [clientId, updatedAt, load]);
}

function Panel({ labelKey, children }: { labelKey: string; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <section className="step-section odp-plan-panel" aria-label={t(labelKey)}>
      <h3>{t(labelKey)}</h3>
      {children}
    </section>
  );
}

export function SegmentsStepPanel({ client }: StepPanelProps) {
  usePlan(client.id, client.updatedAt);
  return (
    <UnreadablePlanGate>
      <Panel labelKey="odp:ui.segments.title">
        <SegmentPicker client={client} />
      </Panel>
      <OdpSummary section="segments" />
    </UnreadablePlanGate>
  );
}

export function MappingsStepPanel({ client }: StepPanelProps) {
  usePlan(client.id, client.updatedAt);
  return (
    <UnreadablePlanGate>
      <Panel labelKey="odp:ui.mappings.title">
        <MappingEditor />
      </Panel>
      <OdpSummary section="mappings" />
    </UnreadablePlanGate>
  );
}

export function ActivationStepPanel({ client }: StepPanelProps) {
  usePlan(client.id, client.updatedAt);
  return (
    <UnreadablePlanGate>
      <Panel labelKey="odp:ui.activation.title">
        <ActivationPlanner />
      </Panel>
      <OdpSummary section="activation" />
    </UnreadablePlanGate>
  );
}

export function ScheduleStepPanel({ client }: StepPanelProps) {
  usePlan(client.id, client.updatedAt);
  return (
    <UnreadablePlanGate>
      <Panel labelKey="odp:ui.schedule.title">
        <SchedulePanel />
      </Panel>
      <OdpSummary section="activation" />
    </UnreadablePlanGate>
  );
}

const lookFor = ['inspector', 'prefix', 'noPrefix', 'activityLog', 'zeroMatches'] as const;

/** Beside the troubleshooting confirmations: what each ODP screen should show, and what not. */
export function TroubleshootingStepPanel() {
  const { t } = useTranslation();
  return (
    <Panel labelKey="odp:ui.troubleshooting.title">
      <ul className="odp-look-for">
        {lookFor.map((key) => (
          <li key={key}>{t(`odp:ui.troubleshooting.${key}`)}</li>
        ))}
      </ul>
    </Panel>
  );
}
