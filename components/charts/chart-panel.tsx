'use client';
import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/states';

/**
 * Container of a chart: title, and the loading / error / empty states around the presenter.
 * `busy` dims the previous data while new filters load (kept on screen, no layout jump).
 */
export function ChartPanel({
  title, description, summary, isPending, error, onRetry, isEmpty, empty, busy, children, testId, actions,
}: {
  title: string; description?: ReactNode; summary?: ReactNode; isPending: boolean; error: unknown; onRetry: () => void;
  isEmpty?: boolean; empty?: ReactNode; busy?: boolean; children: ReactNode; testId?: string; actions?: ReactNode;
}) {
  let body: ReactNode;
  if (isPending) body = <Skeleton className="h-64" />;
  else if (error) body = <ErrorState error={error} onRetry={onRetry} what={title.toLowerCase()} />;
  else if (isEmpty) body = empty;
  else body = children;
  return (
    <Card title={title} description={description} actions={actions} testId={testId}>
      <figure aria-busy={busy || isPending} data-busy={busy ? 'true' : 'false'} className={`transition-opacity ${busy ? 'opacity-60' : ''}`}>
        {summary && !isPending && !error && !isEmpty ? <figcaption className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">{summary}</figcaption> : null}
        {body}
      </figure>
    </Card>
  );
}
