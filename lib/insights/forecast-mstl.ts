import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync, MSTL } from '@bsull/augurs/mstl';

// The one place that touches augurs (Grafana Labs' time-series library, Rust compiled to WASM).
// The module is initialised once, synchronously, from the .wasm file inside the npm package
// (no network, no bundler: next.config.js lists the package in serverExternalPackages).
// mstlEtsForecast is a pure function of its series: MSTL decomposition with a weekly period,
// AutoETS on the deseasonalised trend, seasonal component carried forward.

let ready = false;

function init(): void {
  if (ready) return;
  // Paths from process.cwd() (see STACK.md: Turbopack traces path.resolve of env values).
  initSync({ module: readFileSync(join(process.cwd(), 'node_modules', '@bsull', 'augurs', 'mstl_bg.wasm')) });
  ready = true;
}

/**
 * Point forecasts of the next `horizon` days; needs ≥ 2 weeks of history. null when augurs
 * finds no model (it throws "no model found" on some degenerate series) or returns non-finite
 * points: the caller falls back to a simpler method rather than failing the report.
 */
export function mstlEtsForecast(y: readonly number[], horizon: number): number[] | null {
  if (!y.every(Number.isFinite)) return null;
  init();
  const model = MSTL.ets([7]);
  try {
    model.fit(Float64Array.from(y));
    const { point } = model.predict(horizon, null);
    return point.every(Number.isFinite) ? point : null;
  } catch {
    return null;
  } finally {
    model.free();
  }
}
