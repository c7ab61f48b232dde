// The Node test suites' side of tests/support/test_database.h: the tessera
// options that select a database. On SQLite (the default) a data folder;
// when TESSERA_TEST_POSTGRES names a file with a PostgreSQL server URL
// (scripts/test-postgres.sh), a fresh database on that server (removed with
// the throw-away cluster at the end of the run).
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

export function databaseArgs(dataDir) {
  const urlFile = process.env.TESSERA_TEST_POSTGRES;
  if (!urlFile) return ['--data-dir', dataDir];
  const server = readFileSync(urlFile, 'utf8').trim();
  const name = `test_${randomBytes(8).toString('hex')}`;
  const created = spawnSync('psql', [server, '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`could not create ${name}: ${created.stderr}`);
  return ['--data-dir', dataDir, '--database', server.slice(0, server.lastIndexOf('/') + 1) + name];
}
