'use client';
// The dashboard's error boundary: a page that failed to render says so and offers a retry
// (re-fetches and re-renders the segment) instead of a blank screen.
export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String((error as { digest?: string }).digest ?? '') : '';
  return (
    <div role="alert" className="mx-auto mt-10 max-w-lg rounded-xl border border-red-200 bg-red-50 p-6 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
      <h1 className="text-base font-semibold">This page could not be loaded.</h1>
      <p className="mt-1">The server may be restarting or the database may be busy. Your filters are kept in the address bar.</p>
      {digest ? <p className="mt-1 text-xs opacity-80">Reference: {digest}</p> : null}
      <button type="button" onClick={() => retry()} className="mt-4 rounded-md bg-red-700 px-3 py-1.5 text-xs font-medium text-white hover:bg-red-800">
        Retry
      </button>
    </div>
  );
}
