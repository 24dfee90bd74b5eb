import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StandingOptions } from '../../../../shared/verdict/standing.ts';
import type { Say } from '../../../../shared/verdict/verdict-text.ts';
import { useAppStore } from '../../stores/app-store.ts';

/**
 * What the verdict rules need on this screen: the CSM's stale threshold and one "now" per mount,
 * so a row does not flip while it is being read.
 */
export function useStandingOptions(): StandingOptions {
  const staleAfterHours = useAppStore((s) => s.settings.staleAfterHours);
  const [now] = useState(() => Date.now());
  return { staleAfterHours, now };
}

/** The UI's `t` as the shared verdict texts call it. */
export function useSay(): Say {
  const { t } = useTranslation();
  return (key, params) => t(key, params ?? {});
}
