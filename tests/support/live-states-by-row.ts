import type { Locator } from 'playwright-core';

/** What one check row showed while a run went on. */
export interface RowLiveStates {
  /** Every live text the row showed (queued, running with progress, done), in order. */
  live: string[];
  /** Those shown before the row first showed a stored result; all of them if it never did. */
  beforeResult: string[];
}

interface RowNode {
  getAttribute(name: string): string | null;
  querySelector(selector: string): RowNode | null;
  querySelectorAll(selector: string): ArrayLike<RowNode>;
  textContent: string | null;
  liveByRow?: Record<string, RowLiveStates>;
}
type Observer = new (callback: () => void) => {
  observe(target: RowNode, options: Record<string, boolean>): void;
};

/**
 * From now on, notes per check row (`data-check-id`) the live states it shows and which came
 * before its result, so a test can require that every row, not just some row, was shown live.
 * The function returned reads them.
 */
export async function watchLiveStatesByRow(
  view: Locator,
): Promise<() => Promise<Record<string, RowLiveStates>>> {
  await view.evaluate((element: unknown) => {
    const section = element as RowNode;
    const byRow: Record<string, RowLiveStates> = {};
    const resultShown = new Set<string>();
    // Rows that already show a result (from an earlier run) count only once it is replaced.
    const earlier = new Map<string, string>();
    for (const row of Array.from(section.querySelectorAll('.check-row'))) {
      const id = row.getAttribute('data-check-id') ?? '';
      earlier.set(id, row.querySelector('.check-result')?.textContent ?? '');
    }
    const note = (): void => {
      for (const row of Array.from(section.querySelectorAll('.check-row'))) {
        const id = row.getAttribute('data-check-id') ?? '';
        const states = (byRow[id] ??= { live: [], beforeResult: [] });
        const live = row.querySelector('.check-live')?.textContent;
        if (live && states.live.at(-1) !== live) {
          states.live.push(live);
          if (!resultShown.has(id)) states.beforeResult.push(live);
        }
        const result = row.querySelector('.check-result')?.textContent;
        if (result && result !== earlier.get(id)) resultShown.add(id);
      }
    };
    const { MutationObserver } = globalThis as unknown as { MutationObserver: Observer };
    new MutationObserver(note).observe(section, {
      subtree: true,
      childList: true,
      characterData: true,
    });
    section.liveByRow = byRow;
  });
  return () => view.evaluate((element: unknown) => (element as RowNode).liveByRow ?? {});
}
