// Runs once when a Next.js server starts (Node runtime only; the imports stay lazy so that the
// edge bundle carries none of it).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Alerts: the webhook delivery worker and the evaluation scheduler (lib/alerts/runtime).
  const { startAlerts } = await import('./lib/alerts/runtime');
  startAlerts();
}
