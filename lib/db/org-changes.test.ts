import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { closeDb } from './client';
import { announceOrgChanged, listeningForOrgChanges, onOrgChanged } from './org-changes';

// "Organisation X changed" between two real processes, on whichever database the suite runs
// (the embedded PGlite behind its socket server by default, PostgreSQL with TEST_DATABASE_URL).

const run = promisify(execFile);
const announceFromAnotherProcess = (...orgIds: string[]) =>
  run(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/announce-org-changes.ts', ...orgIds], {
    env: process.env,
  });

describe('org changes', () => {
  afterAll(closeDb);

  it('a listener in this process hears an announcement at once, before any I/O', () => {
    const heard: Array<string | null> = [];
    const off = onOrgChanged((orgId) => heard.push(orgId));
    void announceOrgChanged('org-here');
    expect(heard).toEqual(['org-here']);
    off();
  });

  it('another process\'s announcements reach this one (and nothing of its own comes back twice)', async () => {
    const heard: Array<string | null> = [];
    const off = onOrgChanged((orgId) => heard.push(orgId));
    expect(await listeningForOrgChanges()).toBe(true);
    await announceOrgChanged('org-mine');
    await announceFromAnotherProcess('org-1', 'org-2');
    await vi.waitFor(() => expect(heard).toEqual(expect.arrayContaining(['org-1', 'org-2'])), { timeout: 10_000, interval: 20 });
    expect(heard.filter((o) => o === 'org-mine')).toEqual(['org-mine']);
    off();
  }, 60_000);

  it('coalesces the announcements of one tick into one notification per organisation', async () => {
    const heard: Array<string | null> = [];
    const off = onOrgChanged((orgId) => heard.push(orgId));
    await Promise.all([announceOrgChanged('o1'), announceOrgChanged('o1'), announceOrgChanged('o2')]);
    expect(heard).toEqual(['o1', 'o1', 'o2']); // in-process listeners hear every call
    off();
  });
});
