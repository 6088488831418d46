// GET /api/health → {"status":"ok","database":"ok"}, or 503 with "database":"down".
import { getPool } from '@/lib/db/client';

export const dynamic = 'force-dynamic';

export async function GET() {
  try {
    await getPool().query('SELECT 1');
    return Response.json({ status: 'ok', database: 'ok' });
  } catch {
    return Response.json({ status: 'degraded', database: 'down' }, { status: 503, headers: { 'Retry-After': '5' } });
  }
}
