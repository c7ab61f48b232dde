// Drives Tessera's MCP server with the official TypeScript SDK client
// (@modelcontextprotocol/sdk), over stdio (`tessera mcp`) and over
// Streamable HTTP (/mcp): tools listed per scope, every call's
// structuredContent checked by the SDK against the tool's outputSchema,
// and the error paths (missing scope, bad token).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { binary, startTessera } from './tessera.mjs';

let tessera;
let base;
let ids;
const token = (scopes) => tessera.token(scopes);

before(async () => {
  tessera = await startTessera();
  ({ base, ids } = tessera);
});

after(() => tessera.stop());

function stdioTransport(tokenValue) {
  return new StdioClientTransport({
    command: binary,
    args: ['mcp'],
    env: { PATH: process.env.PATH, TESSERA_API_TOKEN: tokenValue, TESSERA_URL: base },
    stderr: 'pipe',
  });
}

function httpTransport(tokenValue) {
  return new StreamableHTTPClientTransport(new URL(base + '/mcp'), {
    requestInit: { headers: { Authorization: 'Bearer ' + tokenValue } },
  });
}

async function connected(transport) {
  const client = new Client({ name: 'tessera-sdk-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

for (const [label, transportFor] of [['stdio', stdioTransport], ['streamable HTTP', httpTransport]]) {
  test(`${label}: the tools listed follow the token's scopes`, async () => {
    const expectations = [
      [['read'], ['list_records', 'get_record', 'whoami'], ['create_records', 'delete_records', 'create_table']],
      [['read', 'write'], ['create_records', 'update_records', 'delete_records'], ['create_table']],
      [['full_access'], ['create_table', 'create_field', 'create_view', 'delete_field'], []],
    ];
    for (const [scopes, present, absent] of expectations) {
      const client = await connected(transportFor(await token(scopes)));
      const names = (await client.listTools()).tools.map((tool) => tool.name);
      for (const name of present) assert.ok(names.includes(name), `${scopes} should list ${name}`);
      for (const name of absent) assert.ok(!names.includes(name), `${scopes} should not list ${name}`);
      await client.close();
    }
  });

  test(`${label}: tools read and write records, results match their output schemas`, async () => {
    const client = await connected(transportFor(await token(['read', 'write'])));
    const listed = await client.callTool({ name: 'list_records', arguments: { tableId: ids.table } });
    assert.equal(listed.isError, false);
    assert.ok(listed.structuredContent.records.length >= 1);
    const created = await client.callTool({
      name: 'create_records',
      arguments: { tableId: ids.table, records: [{ fields: { Name: `via ${label}` } }] },
    });
    assert.equal(created.isError, false, JSON.stringify(created));
    const found = await client.callTool({ name: 'search_records', arguments: { tableId: ids.table, search: `via ${label}` } });
    assert.equal(found.structuredContent.records.length, 1);
    const me = await client.callTool({ name: 'whoami', arguments: {} });
    assert.equal(me.structuredContent.user.email, 'ada@example.com');
    await client.close();
  });

  test(`${label}: a missing scope and bad arguments come back as tool errors`, async () => {
    const client = await connected(transportFor(await token(['read'])));
    const refused = await client.callTool({ name: 'create_table', arguments: { baseId: ids.base, name: 'X' } });
    assert.equal(refused.isError, true);
    assert.match(refused.content[0].text, /table:create/);
    const bad = await client.callTool({ name: 'get_record', arguments: { tableId: ids.table } });
    assert.equal(bad.isError, true);
    await client.close();
  });
}

test('stdio: a bad token is explained, not a crash', async () => {
  const client = await connected(stdioTransport('tsr_pat_not-a-token'));
  const result = await client.callTool({ name: 'whoami', arguments: {} });
  assert.equal(result.isError, true);
  assert.match(result.content[0].text, /TESSERA_API_TOKEN/);
  await client.close();
});

test('streamable HTTP: a bad token is refused with 401', async () => {
  await assert.rejects(connected(httpTransport('tsr_pat_not-a-token')));
});
