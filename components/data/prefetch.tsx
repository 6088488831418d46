import { dehydrate, HydrationBoundary, type FetchQueryOptions } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { getRequestQueryClient } from '@/lib/dashboard/server-queries';
import { HydrationMark } from './hydration-mark';

type Options = FetchQueryOptions<unknown, Error, unknown, readonly unknown[]>;

/**
 * Server component: loads `queries` through the analytics service, then hands the results to the
 * client components below (which read them with their usual hooks). A failed load is not fatal:
 * it is simply missing, and the client hook fetches it again and shows the error with a retry.
 */
export async function Prefetch({ queries, children }: { queries: Options[]; children: ReactNode }) {
  const client = getRequestQueryClient();
  await Promise.all(queries.map((q) => client.prefetchQuery(q)));
  return (
    <HydrationBoundary state={dehydrate(client)}>
      {children}
      <HydrationMark />
    </HydrationBoundary>
  );
}
