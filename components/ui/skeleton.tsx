/** A grey placeholder while data loads; screen readers hear one "Loading…" per region instead. */
export function Skeleton({ className = '' }: { className?: string }) {
  return <div aria-hidden="true" className={`animate-pulse rounded-md bg-zinc-200 dark:bg-zinc-800 ${className}`} />;
}

export function CardsSkeleton({ count = 4 }: { count?: number }) {
  return (
    <div role="status" aria-label="Loading" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {Array.from({ length: count }, (_, i) => (
        <Skeleton key={i} className="h-[92px]" />
      ))}
    </div>
  );
}

export function PanelSkeleton({ height = 'h-72' }: { height?: string }) {
  return (
    <div role="status" aria-label="Loading" className="rounded-xl border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <Skeleton className="mb-4 h-4 w-40" />
      <Skeleton className={height} />
    </div>
  );
}
