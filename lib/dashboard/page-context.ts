import 'server-only';
import { getDashboardSession } from '@/lib/auth/session';
import { parseFilters } from '@/lib/hooks/filters';
import { serverQueries } from './server-queries';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * What every dashboard page starts from: the filters in its URL (read with the API's schema) and
 * the server loaders for the signed-in organisation. The layout has already checked the session;
 * the lookup is memoised per request, so this costs nothing more.
 */
export async function pageContext(searchParams: SearchParams) {
  const [params, session] = await Promise.all([searchParams, getDashboardSession()]);
  if (!session) throw new Error('no dashboard session (the layout should have redirected)');
  return { filters: parseFilters(params), queries: serverQueries(session.org.id), session };
}
