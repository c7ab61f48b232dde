// Seeds a running Tessera for the benchmarks and prints shell assignments:
//   TOKEN, TABLE, RECORD   a read/write token; a table of 10,000 records with
//                          six typed fields; one of its records
//   BIG, VIEW, DEEP        a table of 1,000,000 records, a view on it that
//                          filters and sorts (so the sort key is indexed), and
//                          the cursor of the page 500,000 rows deep
//   FVIEW, FDEEP           the same for a view filtered and sorted by a formula
//                          over the record's own fields
//   TASKS, TASK            a table of 100,000 tasks, each linked to one of
//                          10,000 projects (Project) and one of 1,000 people
//                          (Owner), with two lookups through them, a rollup
//                          and a formula; one of its tasks
//   PROJECT_A, PROJECT_B   two projects, for writes that move TASK between them
//   TVIEW, TDEEP           a view of TASKS sorted by a lookup (the project's
//                          name), and the cursor 50,000 tasks deep
//   PROJECTS, PVIEW, PDEEP the projects (with a rollup over their tasks), a view
//                          sorted by that rollup, the cursor 5,000 deep
//   OAUTH_TOKEN            an OAuth access token granted read and write on the
//                          REST API through the consent and the code exchange
//   UNKNOWN                a well-formed token (right checksum) that does not exist
//   SORT_SIGNATURE         the "o" of the cursors of TABLE sorted by Qty, then
//                          Name descending (for the soak's tampered cursors)
// Usage: node seed.mjs URL [bigRecords]
import { createHash, randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';

const base = process.argv[2];
const bigRecords = Number(process.argv[3] ?? 1_000_000);
const json = { 'Content-Type': 'application/json' };
const signup = await fetch(`${base}/api/auth/signup`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' }),
});
const cookie = signup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const csrf = (await signup.json()).csrfToken;
const headers = { ...json, Cookie: cookie, 'X-CSRF-Token': csrf };
async function call(method, path, body) {
  const response = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}
const space = await call('POST', '/api/space', { name: 'Bench' });
const baseRecord = await call('POST', '/api/base', { spaceId: space.id, name: 'Bench' });
const fields = [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Qty', type: 'number' },
  { name: 'Done', type: 'checkbox' },
  { name: 'Due', type: 'date' },
  { name: 'Bin', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] } },
  { name: 'Notes', type: 'longText' },
];
const record = (n) => ({
  fields: { Name: `item ${n}`, Qty: n % 97, Done: n % 2 === 0, Due: '2026-11-27', Bin: ['A', 'B', 'C'][n % 3],
    Notes: 'benchmark record' },
});

async function fill(tableId, count) {
  let first;
  for (let start = 0; start < count; start += 1000) {
    const records = Array.from({ length: Math.min(1000, count - start) }, (_, i) => record(start + i));
    const created = await call('POST', `/api/table/${tableId}/record`, { records });
    first ??= created.records[0].id;
  }
  return first;
}

// Creates `count` records of `fields(n)`, 1,000 a request; returns their ids.
async function fillWith(tableId, count, fieldsOf) {
  const ids = [];
  for (let start = 0; start < count; start += 1000) {
    const records = Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({ fields: fieldsOf(start + i) }));
    const created = await call('POST', `/api/table/${tableId}/record`, { records });
    ids.push(...created.records.map((r) => r.id));
  }
  return ids;
}

// Tasks linked to projects and people.
const newTable = (name, tableFields) => call('POST', `/api/base/${baseRecord.id}/table`, { name, fields: tableFields });
const people = await newTable('People', [{ name: 'Name', type: 'singleLineText' }]);
const personIds = await fillWith(people.id, 1000, (n) => ({ Name: `person ${n}` }));
const projects = await newTable('Projects', [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Budget', type: 'number' },
]);
const projectIds = await fillWith(projects.id, 10_000, (n) => ({ Name: `project ${n}`, Budget: n % 500 }));
const tasks = await newTable('Tasks', [
  { name: 'Name', type: 'singleLineText' },
  { name: 'Estimate', type: 'number' },
]);
for (const [name, linked] of [['Project', projects], ['Owner', people]]) {
  await call('POST', `/api/table/${tasks.id}/field`, {
    name,
    type: 'link',
    options: { linkedTableId: linked.id, relationship: 'manyOne' },
  });
}
// Two lookups, a rollup and a formula on each task.
const taskFields = Object.fromEntries((await call('GET', `/api/table/${tasks.id}/field`)).fields.map((f) => [f.name, f.id]));
const fieldIds = async (tableId) =>
  Object.fromEntries((await call('GET', `/api/table/${tableId}/field`)).fields.map((f) => [f.name, f.id]));
const projectFields = await fieldIds(projects.id);
const personFields = await fieldIds(people.id);
for (const [name, type, options] of [
  ['Project name', 'lookup', { linkFieldId: taskFields.Project, lookupFieldId: projectFields.Name }],
  ['Owner name', 'lookup', { linkFieldId: taskFields.Owner, lookupFieldId: personFields.Name }],
  ['Budget', 'rollup', { linkFieldId: taskFields.Project, lookupFieldId: projectFields.Budget, function: 'sum' }],
  ['Effort', 'formula', { expression: '{Estimate} * 2' }],
]) {
  await call('POST', `/api/table/${tasks.id}/field`, { name, type, options });
}
// A rollup on each project over its tasks (the symmetric field of
// Project), kept in step while the tasks are written.
await call('POST', `/api/table/${projects.id}/field`, {
  name: 'Total estimate',
  type: 'rollup',
  options: {
    linkFieldId: (await fieldIds(projects.id)).Tasks,
    lookupFieldId: taskFields.Estimate,
    function: 'sum',
  },
});
const taskIds = await fillWith(tasks.id, 100_000, (n) => ({
  Name: `task ${n}`,
  Estimate: n % 13,
  Project: [projectIds[n % projectIds.length]],
  Owner: [personIds[n % personIds.length]],
}));

const table = await call('POST', `/api/base/${baseRecord.id}/table`, { name: 'Items', fields });
const first = await fill(table.id, 10_000);
const sorted = new URLSearchParams({
  take: '1',
  orderBy: JSON.stringify([{ fieldId: 'Qty' }, { fieldId: 'Name', order: 'desc' }]),
});
const sortedCursor = (await call('GET', `/api/table/${table.id}/record?${sorted}`)).nextCursor;
const sortSignature = JSON.parse(Buffer.from(sortedCursor, 'base64url').toString()).o;
const big = await call('POST', `/api/base/${baseRecord.id}/table`, { name: 'Big', fields });
await fill(big.id, bigRecords);
const view = await call('POST', `/api/table/${big.id}/view`, {
  name: 'Busy bins',
  filter: { conjunction: 'and', filterSet: [{ fieldId: 'Qty', operator: 'isGreaterEqual', value: 5 }] },
  sort: [{ fieldId: 'Qty', order: 'desc' }],
});
await call('POST', `/api/table/${big.id}/field`, {
  name: 'Score',
  type: 'formula',
  options: { expression: '{Qty} * 3 + LEN({Name})' },
});
const formulaView = await call('POST', `/api/table/${big.id}/view`, {
  name: 'By score',
  filter: { conjunction: 'and', filterSet: [{ fieldId: 'Score', operator: 'isGreaterEqual', value: 20 }] },
  sort: [{ fieldId: 'Score', order: 'desc' }],
});

// Tasks sorted by a lookup (the project's name), projects by a rollup.
const taskView = await call('POST', `/api/table/${tasks.id}/view`, {
  name: 'By project',
  sort: [{ fieldId: 'Project name' }],
});
const projectView = await call('POST', `/api/table/${projects.id}/view`, {
  name: 'By estimate',
  sort: [{ fieldId: 'Total estimate', order: 'desc' }],
});

// The sort index is built in the background: until then every page is
// sorted per request. Waits (up to two minutes) until the first page
// answers like an index range scan.
async function waitForIndex(tableId, viewId) {
  for (const until = Date.now() + 120_000; Date.now() < until; ) {
    const started = performance.now();
    await call('GET', `/api/table/${tableId}/record?viewId=${viewId}&take=1`);
    if (performance.now() - started < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

// The cursor of the page `depth` records deep.
async function deepCursor(tableId, viewId, depth) {
  await waitForIndex(tableId, viewId);
  let cursor = null;
  for (let read = 0; read < depth; read += 1000) {
    const query = new URLSearchParams({ viewId, take: '1000', ...(cursor ? { cursor } : {}) });
    cursor = (await call('GET', `/api/table/${tableId}/record?${query}`)).nextCursor;
  }
  return cursor;
}
const cursor = await deepCursor(big.id, view.id, bigRecords / 2);
const formulaCursor = await deepCursor(big.id, formulaView.id, bigRecords / 2);
const taskCursor = await deepCursor(tasks.id, taskView.id, 50_000);
const projectCursor = await deepCursor(projects.id, projectView.id, 5_000);

const token = await call('POST', '/api/access-token', {
  name: 'bench',
  scopes: ['read', 'write'],
  expiresAt: new Date(Date.now() + 86400000).toISOString(),
});

// An app connected through OAuth, for (b") against (b).
const redirectUri = 'http://127.0.0.1:9/callback';
const registered = await fetch(`${base}/oauth/register`, {
  method: 'POST',
  headers: json,
  body: JSON.stringify({ client_name: 'Bench agent', redirect_uris: [redirectUri] }),
});
const clientId = (await registered.json()).client_id;
const verifier = randomBytes(32).toString('base64url');
const consent = await call('POST', '/api/oauth/authorize', {
  clientId, redirectUri, codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
  scopes: ['read', 'write'], resources: ['api'],
});
const exchanged = await fetch(`${base}/oauth/token`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams({ grant_type: 'authorization_code', code: new URL(consent.redirectTo).searchParams.get('code'),
    client_id: clientId, redirect_uri: redirectUri, code_verifier: verifier }),
});
const oauthToken = (await exchanged.json()).access_token;

// The token format of docs/security.md: prefix, 12-character id,
// 32-character secret, CRC32 of those as 6 base62 digits.
const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const body = 'tsr_pat_' + 'U'.repeat(12) + 'S'.repeat(32);
let sum = crc32(body);
let digits = '';
for (let i = 0; i < 6; i++) {
  digits = alphabet[sum % 62] + digits;
  sum = Math.floor(sum / 62);
}
console.log(`TOKEN=${token.token}\nTABLE=${table.id}\nRECORD=${first}\nBIG=${big.id}\nVIEW=${view.id}`);
console.log(`DEEP='${encodeURIComponent(cursor)}'\nUNKNOWN=${body + digits}\nOAUTH_TOKEN=${oauthToken}`);
console.log(`FVIEW=${formulaView.id}\nFDEEP='${encodeURIComponent(formulaCursor)}'`);
console.log(`SORT_SIGNATURE='${sortSignature}'`);
console.log(`TASKS=${tasks.id}\nTASK=${taskIds[0]}\nPROJECT_A=${projectIds[1]}\nPROJECT_B=${projectIds[2]}`);
console.log(`TVIEW=${taskView.id}\nTDEEP='${encodeURIComponent(taskCursor)}'`);
console.log(`PROJECTS=${projects.id}\nPVIEW=${projectView.id}\nPDEEP='${encodeURIComponent(projectCursor)}'`);
