// The table classes of the Citus plan (docs/scaling.md), as the schema-rule test checks them.
// Every table of the public schema is in exactly one class; a new table must be placed here.

/** Small, read on every request before the organisation is known, or keyed by user: replicated to every node. */
export const REFERENCE_TABLES = [
  'organizations', // the tenants themselves; slug is unique across them
  'api_keys', // looked up by key hash before the organisation is known
  'org_members',
  'auth_users',
  'auth_sessions',
  'auth_accounts',
  'auth_verifications',
  'app_secrets',
] as const;

/** Coordinator only. */
export const LOCAL_TABLES = ['_prisma_migrations'] as const;

/**
 * Statements that read or write tenant tables across organisations on purpose: background work
 * that finds which organisations have work to do. On Citus they are multi-shard statements run by
 * one process (the elected alert leader), never by a request.
 */
export const CROSS_TENANT_STATEMENTS: ReadonlyArray<{ file: string; table: string; why: string }> = [
  { file: 'lib/alerts/state.ts', table: 'alert_state', why: 'the scheduler claims the organisations that are due' },
  { file: 'lib/alerts/outbox.ts', table: 'webhook_deliveries', why: 'the delivery worker claims due deliveries of every organisation' },
  { file: 'lib/alerts/outbox.ts', table: 'webhooks', why: 'joined to the claimed deliveries by (org_id, id)' },
  { file: 'scripts/outage.ts', table: 'executions', why: 'an operator drill script; finds its organisation by slug' },
];
