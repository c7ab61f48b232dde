// Starts `tessera serve` for the Node test suites (MCP and browser) and
// returns its URL. The backend and the shape come from the environment, so
// the same test files run three ways:
//   default                   one node on a fresh SQLite folder;
//   TESSERA_TEST_POSTGRES     (a file with a PostgreSQL server URL, from
//                             scripts/test-postgres.sh) one node on a fresh
//                             database on that server;
//   TESSERA_TEST_NODES=2      with TESSERA_TEST_POSTGRES: two nodes on the
//                             same database behind haproxy (round robin),
//                             and the URL is the balancer's. The nodes write
//                             token last-use times every second (not every
//                             30), so a use seen by one node reaches pages
//                             served by the other within the test's patience.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function freshDatabase() {
  const urlFile = process.env.TESSERA_TEST_POSTGRES;
  if (!urlFile) return [];
  const server = readFileSync(urlFile, 'utf8').trim();
  const name = `test_${randomBytes(8).toString('hex')}`;
  const created = spawnSync('psql', [server, '-qc', `CREATE DATABASE ${name}`], { encoding: 'utf8' });
  if (created.status !== 0) throw new Error(`could not create ${name}: ${created.stderr}`);
  // Dropped with the throw-away cluster at the end of the run.
  return ['--database', server.slice(0, server.lastIndexOf('/') + 1) + name];
}

async function startNode(binary, dir, database, extraArgs) {
  const ready = join(dir, 'ready');
  const process_ = spawn(binary, ['serve', '--listen', '127.0.0.1:0', '--data-dir', join(dir, 'data'),
    ...database, '--ready-file', ready, '--threads', '2', ...extraArgs], { stdio: ['ignore', 'ignore', 'ignore'] });
  for (let i = 0; i < 400 && !existsSync(ready); i++) await sleep(25);
  if (!existsSync(ready)) throw new Error('tessera did not become ready');
  return { process: process_, address: readFileSync(ready, 'utf8').trim() };
}

async function startBalancer(dir, addresses, port) {
  // A node busy with a large write must not be taken for dead: three
  // failed checks with a 2-second timeout before haproxy stops using it.
  const servers = addresses.map((address, i) => `  server n${i} ${address} check inter 500 fall 3 rise 1`);
  writeFileSync(join(dir, 'haproxy.cfg'), ['global', '  maxconn 500', 'defaults', '  mode http',
    '  timeout connect 1s', '  timeout client 60s', '  timeout server 60s', '  timeout check 2s', '  retries 3', '  option redispatch',
    'frontend web', `  bind 127.0.0.1:${port}`, '  default_backend nodes', 'backend nodes', '  balance roundrobin',
    '  option httpchk GET /healthz', ...servers, ''].join('\n'));
  const balancer = spawn('haproxy', ['-db', '-q', '-f', join(dir, 'haproxy.cfg')], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => null))?.ok) break;
    await sleep(50);
  }
  return { process: balancer, address: `127.0.0.1:${port}` };
}

export async function startServer(binary, extraArgs = []) {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-node-test-'));
  const database = freshDatabase();
  const nodeCount = database.length ? Number(process.env.TESSERA_TEST_NODES ?? 1) : 1;
  // Below Linux's ephemeral range (32768+), where outgoing connections take
  // ports. The nodes' public URL is the balancer's, as in production: the
  // OAuth discovery documents name it.
  const balancerPort = randomInt(20000, 32000);
  const nodeArgs =
    nodeCount > 1
      ? ['--last-used-flush-seconds', '1', '--public-url', `http://127.0.0.1:${balancerPort}`, ...extraArgs]
      : extraArgs;
  const processes = [];
  for (let i = 0; i < nodeCount; i++) {
    const nodeDir = join(dir, `node${i}`);
    processes.push(await startNode(binary, mkdtempSync(nodeDir), database, nodeArgs));
  }
  let front = processes[0];
  if (nodeCount > 1) {
    front = await startBalancer(dir, processes.map((node) => node.address), balancerPort);
    processes.push(front);
  }
  const nodes = processes.slice(0, nodeCount).map((node) => `http://${node.address}`);
  return {
    url: `http://${front.address}`,
    nodes, // each node's own address, past the balancer
    stop() {
      for (const { process: child } of processes) child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
