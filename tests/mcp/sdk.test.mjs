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
      [['write'], ['create_records', 'update_records', 'delete_records'], ['list_records', 'create_table']],
      [['admin'], ['list_spaces', 'create_table', 'update_field', 'create_view', 'list_views'],
        ['list_records', 'create_records']],
      [['full_access'], ['create_table', 'create_field', 'create_view', 'delete_field', 'restore_field'], []],
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

test('every tool answers through the SDK client, each result checked against its outputSchema', async () => {
  const client = await connected(httpTransport(await token(['full_access'])));
  const listed = (await client.listTools()).tools.map((tool) => tool.name);
  const called = new Set();
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.isError, false, `${name}: ${JSON.stringify(result.content)}`);
    called.add(name);
    return result.structuredContent;
  };
  await call('whoami', {});
  await call('list_spaces', {});
  await call('list_bases', { spaceId: ids.space });
  await call('list_tables', { baseId: ids.base });
  const table = await call('create_table', { baseId: ids.base, name: 'Every tool',
    fields: [{ name: 'Title', type: 'singleLineText' }] });
  await call('update_table', { baseId: ids.base, tableId: table.id, description: 'made by the SDK test' });
  const field = await call('create_field', { tableId: table.id, name: 'Size', type: 'number' });
  await call('update_field', { tableId: table.id, fieldId: field.id, name: 'Weight' });
  const functions = await call('list_formula_functions', {});
  assert.ok(functions.functions.some((f) => f.name === 'DATETIME_FORMAT'));
  const wrong = await call('check_formula', { tableId: table.id, expression: '{Wieght} * 2' });
  assert.equal(wrong.valid, false);
  assert.equal(wrong.error.message, 'Unknown field {Wieght} at 1.');
  const right = await call('check_formula', { tableId: table.id, expression: '{Weight} * 2' });
  assert.deepEqual([right.valid, right.result.type], [true, 'number']);
  const formula = await call('create_field', { tableId: table.id, name: 'Double', type: 'formula',
    options: { expression: '{Weight} * 2' } });
  const described = await call('describe_table', { tableId: table.id });
  const shown = described.fields.find((f) => f.id === formula.id);
  assert.equal(shown.options.expression, '{Weight} * 2');
  assert.equal(shown.options.result.type, 'number');
  const created = await call('create_records', { tableId: table.id, records: [{ fields: { Title: 'a', Weight: 21 } }] });
  assert.equal(created.records[0].fields.Double, 42, 'the formula is computed in what the tool returns');
  const recordId = created.records[0].id;
  await call('get_record', { tableId: table.id, recordId });
  await call('update_records', { tableId: table.id, records: [{ id: recordId, fields: { Title: 'b' } }] });
  await call('search_records', { tableId: table.id, search: 'b' });
  await call('list_records', { tableId: table.id, take: 10 });
  await call('create_view', { tableId: table.id, name: 'By weight', sort: [{ fieldId: field.id, order: 'desc' }] });
  await call('list_views', { tableId: table.id });
  await call('delete_records', { tableId: table.id, recordIds: [recordId] });
  await call('delete_field', { tableId: table.id, fieldId: field.id });
  const restored = await call('restore_field', { tableId: table.id, fieldId: field.id });
  assert.equal(restored.id, field.id);
  assert.equal(restored.name, 'Weight');
  assert.deepEqual([...called].sort(), [...listed].sort(), 'every listed tool was called');
  await client.close();
});

test('an agent links records through the tools, and describe_table shows the link', async () => {
  const client = await connected(stdioTransport(await token(['full_access'])));
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    assert.equal(result.isError, false, `${name}: ${JSON.stringify(result.content)}`);
    return result.structuredContent;
  };
  const projects = await call('create_table', { baseId: ids.base, name: 'Agent projects' });
  const tasks = await call('create_table', { baseId: ids.base, name: 'Agent tasks' });
  const link = await call('create_field', { tableId: tasks.id, name: 'Project', type: 'link',
    options: { linkedTableId: projects.id, relationship: 'manyOne' } });
  const described = await call('describe_table', { tableId: projects.id });
  const symmetric = described.fields.find((f) => f.type === 'link');
  assert.equal(symmetric.name, 'Agent tasks', 'the symmetric field is named after the linking table');
  assert.deepEqual(
    [symmetric.options.linkedTableId, symmetric.options.linkedTableName, symmetric.options.relationship,
      symmetric.options.symmetricFieldId],
    [tasks.id, 'Agent tasks', 'oneMany', link.id]);

  const project = (await call('create_records', { tableId: projects.id,
    records: [{ fields: { Name: 'Apollo' } }] })).records[0];
  const task = (await call('create_records', { tableId: tasks.id,
    records: [{ fields: { Name: 'Design', Project: [project.id] } }] })).records[0];
  assert.deepEqual(task.fields.Project, [{ id: project.id, title: 'Apollo' }]);
  const fromProject = await call('get_record', { tableId: projects.id, recordId: project.id });
  assert.deepEqual(fromProject.fields['Agent tasks'], [{ id: task.id, title: 'Design' }]);

  const wrong = await client.callTool({ name: 'update_records', arguments: { tableId: tasks.id,
    records: [{ id: task.id, fields: { Project: [task.id] } }] } });
  assert.equal(wrong.isError, true);
  assert.match(wrong.content[0].text, new RegExp(`'${task.id}' is not a record of table 'Agent projects'`));

  // A rollup over the tasks orders the projects, and a formula uses it.
  const other = (await call('create_records', { tableId: projects.id,
    records: [{ fields: { Name: 'Borealis' } }] })).records[0];
  await call('create_field', { tableId: projects.id, name: 'Task count', type: 'rollup',
    options: { linkFieldId: symmetric.id, lookupFieldId: (await call('describe_table', { tableId: tasks.id })).fields[0].id,
      function: 'countAll' } });
  await call('create_field', { tableId: projects.id, name: 'Busy', type: 'formula',
    options: { expression: '{Task count} > 0' } });
  const byCount = await call('list_records', { tableId: projects.id,
    orderBy: [{ fieldId: 'Task count', order: 'desc' }] });
  assert.deepEqual(byCount.records.map((r) => [r.id, r.fields.Busy]), [[project.id, true], [other.id, false]]);

  // A task looks up its project's name, and a formula uses that lookup.
  const projectName = described.fields.find((f) => f.name === 'Name');
  await call('create_field', { tableId: tasks.id, name: 'Project name', type: 'lookup',
    options: { linkFieldId: link.id, lookupFieldId: projectName.id } });
  await call('create_field', { tableId: tasks.id, name: 'Label', type: 'formula',
    options: { expression: '{Name} & " (" & UPPER({Project name}) & ")"' } });
  const labelled = await call('get_record', { tableId: tasks.id, recordId: task.id });
  assert.equal(labelled.fields.Label, 'Design (APOLLO)');

  const deleted = await call('delete_field', { tableId: tasks.id, fieldId: link.id });
  assert.deepEqual(deleted.alsoDeletedFields.map((f) => f.id), [symmetric.id]);
  await client.close();
});

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
