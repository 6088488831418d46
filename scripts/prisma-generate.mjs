// postinstall: generate the Prisma client offline. The CLI insists on a schema-engine binary it
// would download; generate never runs it, so any existing file satisfies the check.
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? path.resolve('package.json'), PRISMA_HIDE_UPDATE_MESSAGE: '1' };
execFileSync(process.execPath, [path.resolve('node_modules/prisma/build/index.js'), 'generate'], { stdio: 'inherit', env });
