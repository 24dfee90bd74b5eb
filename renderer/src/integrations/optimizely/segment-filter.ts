/**
 * Filtering thousands of Braze segments on every keystroke: names are lowercased once into an
 * index, a query is a plain substring scan over it, and only the first rows are rendered.
 */
export interface SegmentItem {
  id: string;
  name: string;
}

export interface SegmentIndex {
  items: readonly SegmentItem[];
  /** `name id` lowercased, one per item, so a query matches either. */
  haystack: readonly string[];
}

export function buildSegmentIndex(items: readonly SegmentItem[]): SegmentIndex {
  return { items, haystack: items.map((s) => `${s.name} ${s.id}`.toLowerCase()) };
}

export interface FilterResult {
  /** Up to `limit` matching items, in list order. */
  shown: SegmentItem[];
  /** How many items match in all. */
  total: number;
}

export function filterSegments(index: SegmentIndex, query: string, limit: number): FilterResult {
  const q = query.trim().toLowerCase();
  const shown: SegmentItem[] = [];
  let total = 0;
  for (let i = 0; i < index.haystack.length; i += 1) {
    if (q && !(index.haystack[i] ?? '').includes(q)) continue;
    total += 1;
    const item = index.items[i];
    if (shown.length < limit && item) shown.push(item);
  }
  return { shown, total };
}
