'use client';
import { useSyncExternalStore } from 'react';
import { ApiClientError } from '@/lib/hooks/fetch-json';

/** A failed request, said plainly, with a retry. A lost session gets a way back to sign-in. */
export function ErrorState({ error, onRetry, what = 'this data' }: { error: unknown; onRetry?: () => void; what?: string }) {
  const signedOut = error instanceof ApiClientError && error.status === 401;
  const message = error instanceof Error ? error.message : 'Unknown error';
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/50 dark:text-red-200">
      <p className="font-medium">{signedOut ? 'Your session has ended.' : `Could not load ${what}.`}</p>
      <p className="mt-1 text-red-800 dark:text-red-300">{signedOut ? 'Sign in again to continue.' : message}</p>
      <div className="mt-3">
        {signedOut ? (
          <a href="/sign-in" className="font-medium underline">Sign in</a>
        ) : onRetry ? (
          <button type="button" onClick={onRetry} className="rounded-md bg-red-700 px-3 py-1 text-xs font-medium text-white hover:bg-red-800">
            Retry
          </button>
        ) : null}
      </div>
    </div>
  );
}

const noop = () => () => {};
/** This page's origin in the browser; the server renders a placeholder (no hydration mismatch). */
const useOrigin = () => useSyncExternalStore(noop, () => window.location.origin, () => 'http://127.0.0.1:3000');

/** No executions in the chosen range: say so, and show how to send some. */
export function NoExecutions({ days, pipelineId }: { days: number; pipelineId: string | null }) {
  const origin = useOrigin();
  return (
    <div className="rounded-xl border border-dashed border-zinc-300 p-6 text-sm dark:border-zinc-700" data-testid="empty-state">
      <p className="font-medium text-zinc-900 dark:text-zinc-100">
        No executions in this range{pipelineId ? ` for pipeline “${pipelineId}”` : ''} (last {days} days).
      </p>
      <p className="mt-1 text-zinc-600 dark:text-zinc-400">
        Choose a longer range or another pipeline, or send executions to the ingest API with a key that has the
        <code className="mx-1 rounded bg-zinc-100 px-1 dark:bg-zinc-800">ingest</code>scope (create one in Settings):
      </p>
      <pre className="mt-3 overflow-x-auto rounded-lg bg-zinc-950 p-3 text-xs leading-relaxed text-zinc-100">{`curl -X POST ${origin}/api/v1/executions \\
  -H "Authorization: Bearer $FLOWMASON_KEY" -H 'Content-Type: application/json' \\
  -d '{"executions":[{"id":"run-1","pipeline_id":"${pipelineId ?? 'support-bot'}","status":"success",
       "started_at":"'"$(date -u +%FT%TZ)"'","duration_ms":1840,
       "stages":[{"stage_id":"answer","provider":"openai","model":"gpt-4o-mini",
                  "duration_ms":1700,"input_tokens":1200,"output_tokens":310}]}]}'`}</pre>
    </div>
  );
}
