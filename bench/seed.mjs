// Seeds a running Tessera for the benchmarks: a user, a table with six
// typed fields and 10,000 records, and a read/write token. Prints
// TOKEN, TABLE and RECORD as shell assignments.
const base = process.argv[2];
const json = { 'Content-Type': 'application/json' };
const signup = await fetch(`${base}/api/auth/signup`, {
  method: 'POST', headers: json,
  body: JSON.stringify({ email: 'bench@example.com', name: 'Bench', password: 'correct horse battery' }),
});
const cookie = signup.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const csrf = (await signup.json()).csrfToken;
const headers = { ...json, Cookie: cookie, 'X-CSRF-Token': csrf };
const post = async (path, body) => (await fetch(base + path, { method: 'POST', headers, body: JSON.stringify(body) })).json();
const space = await post('/api/space', { name: 'Bench' });
const baseRecord = await post('/api/base', { spaceId: space.id, name: 'Bench' });
const table = await post(`/api/base/${baseRecord.id}/table`, {
  name: 'Items',
  fields: [
    { name: 'Name', type: 'singleLineText' }, { name: 'Qty', type: 'number' },
    { name: 'Done', type: 'checkbox' }, { name: 'Due', type: 'date' },
    { name: 'Bin', type: 'singleSelect', options: { choices: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] } },
    { name: 'Notes', type: 'longText' },
  ],
});
let first;
for (let batch = 0; batch < 10; batch++) {
  const records = [];
  for (let i = 0; i < 1000; i++) {
    const n = batch * 1000 + i;
    records.push({ fields: { Name: `item ${n}`, Qty: n % 97, Done: n % 2 === 0, Due: '2026-11-27',
      Bin: ['A', 'B', 'C'][n % 3], Notes: 'benchmark record' } });
  }
  const created = await post(`/api/table/${table.id}/record`, { records });
  first ??= created.records[0].id;
}
const token = await post('/api/access-token', {
  name: 'bench', scopes: ['read', 'write'], expiresAt: new Date(Date.now() + 86400000).toISOString(),
});
console.log(`TOKEN=${token.token}\nTABLE=${table.id}\nRECORD=${first}`);
