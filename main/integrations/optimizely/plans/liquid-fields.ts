import { Liquid } from 'liquidjs';

// Parse only: values are never rendered here, so no filter or tag can run.
const engine = new Liquid();

export type LiquidReading =
  { ok: true; variables: Array<Array<string | number>> } | { ok: false; message: string };

/**
 * The variables a value reads, as segment paths (`{{customer.company_name}}` → `['customer',
 * 'company_name']`). ODP's templating is based on Shopify Liquid, which liquidjs implements.
 */
export function readLiquidVariables(value: string): LiquidReading {
  try {
    const segments = engine.globalVariableSegmentsSync(value);
    return {
      ok: true,
      variables: segments.map((s) =>
        s.filter((p) => typeof p === 'string' || typeof p === 'number'),
      ),
    };
  } catch (err) {
    const message = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    return { ok: false, message: message.slice(0, 200) };
  }
}
