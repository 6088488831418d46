import { migrateUrl } from '@/lib/db/open';
const t = performance.now();
await migrateUrl(process.env.DATABASE_URL!, console.log);
console.log('migrated in', Math.round(performance.now() - t), 'ms');
