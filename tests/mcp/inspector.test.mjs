// The MCP Inspector's command line (@modelcontextprotocol/inspector --cli)
// against `tessera mcp` over stdio: tools/list and one tools/call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { binary, startTessera } from './tessera.mjs';

const run = promisify(execFile);
const inspector = fileURLToPath(new URL('./node_modules/.bin/mcp-inspector', import.meta.url));
let tessera;

before(async () => {
  tessera = await startTessera();
});

after(() => tessera.stop());

async function inspect(token, ...method) {
  const { stdout } = await run(inspector, ['--cli', '-e', `TESSERA_API_TOKEN=${token}`, '-e',
    `TESSERA_URL=${tessera.base}`, binary, 'mcp', ...method], { timeout: 60000 });
  return JSON.parse(stdout);
}

test('the Inspector lists the tools a Read token allows', async () => {
  const listed = await inspect(await tessera.token(['read']), '--method', 'tools/list');
  const names = listed.tools.map((tool) => tool.name);
  assert.ok(names.includes('list_records'));
  assert.ok(!names.includes('create_records'));
});

test('the Inspector calls a tool', async () => {
  const result = await inspect(await tessera.token(['read']), '--method', 'tools/call', '--tool-name', 'list_spaces');
  assert.equal(result.structuredContent.spaces[0].id, tessera.ids.space);
});
