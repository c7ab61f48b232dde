// Starts a real `tessera serve` (tests/support/tessera_server.mjs: SQLite,
// PostgreSQL, or two nodes behind haproxy), signs a user up, and creates a
// space, base and table with one record, for the MCP client tests.
// TESSERA_BINARY names the binary.
import { startServer } from '../support/tessera_server.mjs';

export const binary = process.env.TESSERA_BINARY;

export async function startTessera(extraArgs = []) {
  const server = await startServer(binary, extraArgs);
  const base = server.url;
  const signup = await fetch(base + '/api/auth/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      email: 'ada@example.com',
      name: 'Ada',
      password: 'correct horse battery',
    }),
  });
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = (await signup.json()).csrfToken;

  // A request as the signed-up user, to the balancer or to `on` (a node).
  async function api(method, path, body, on = base) {
    const response = await fetch(on + path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': csrf,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  }

  async function token(scopes) {
    const expiresAt = new Date(Date.now() + 86400000).toISOString();
    const created = await api('POST', '/api/access-token', {
      name: 'mcp ' + scopes.join('+'),
      scopes,
      expiresAt,
    });
    if (created.status !== 201)
      throw new Error('token creation failed: ' + JSON.stringify(created.json));
    return created.json.token;
  }

  const ids = {};
  ids.space = (await api('POST', '/api/space', { name: 'S' })).json.id;
  ids.base = (
    await api('POST', '/api/base', { spaceId: ids.space, name: 'B' })
  ).json.id;
  ids.table = (
    await api('POST', `/api/base/${ids.base}/table`, { name: 'Notes' })
  ).json.id;
  await api('POST', `/api/table/${ids.table}/record`, {
    records: [{ fields: { Name: 'first' } }],
  });

  return { base, nodes: server.nodes, api, token, ids, stop: server.stop };
}
