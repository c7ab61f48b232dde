// The OAuth consent page in a real browser, as an app sends a person to
// it: the app registers, opens /oauth/authorize with a PKCE challenge; the
// person signs in, sees who asks and where the answer goes, narrows the
// grant to one base, and allows; the browser lands on the app's loopback
// redirect with a code and the state; the code becomes tokens that work on
// /mcp and nowhere else; Settings › Connected apps lists the app, shows
// its history, and Revoke ends its token at once. Deny sends access_denied
// back; a redirect URI the app never registered sends the browser nowhere;
// the page refuses frames. Where the person's role is weaker than what
// they tick, the page says so. The instance admin's Administration › Apps
// lists the apps and connections, and blocking an app ends its access.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';

import { exchangeCode } from '../support/oauth_code.mjs';
import {
  openPage,
  screenshot,
  signUpOverApi,
  useWorkspace,
} from './support.mjs';

const workspace = useWorkspace('ora@example.com', 'Ora', 'Team', 'CRM');
let callback;
const arrivals = [];

before(async () => {
  callback = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/callback') arrivals.push(url); // not /favicon.ico
    response.end('You can close this window.');
  });
  await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
});

after(() => callback?.close());

const redirectUri = () =>
  `http://127.0.0.1:${callback.address().port}/callback`;

async function registerClient(name = 'Claude Desktop') {
  const response = await fetch(`${workspace.server.url}/oauth/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      client_name: name,
      redirect_uris: [redirectUri()],
    }),
  });
  assert.equal(response.status, 201);
  return (await response.json()).client_id;
}

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizePath(clientId, challenge, state, redirect = redirectUri()) {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirect,
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state,
    scope: 'read',
    resource: `${workspace.server.url}/mcp`,
  });
  return `/oauth/authorize?${query}`;
}

async function waitForArrival(count) {
  for (let i = 0; i < 100 && arrivals.length < count; ++i) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.equal(arrivals.length, count, 'the browser came back to the app');
  return arrivals[count - 1];
}

test('an app gets access through the consent page, and only what was allowed', async () => {
  const clientId = await registerClient();
  const { verifier, challenge } = pkce();
  const { page, problems } = await openPage(
    workspace.browser,
    workspace.server.url,
  );

  const first = await page.goto(authorizePath(clientId, challenge, 'st-1'));
  assert.equal(first.headers()['x-frame-options'], 'DENY');
  assert.match(
    first.headers()['content-security-policy'],
    /frame-ancestors 'none'/,
  );
  await page.waitForURL('**/signin');
  await page.getByLabel('Email').fill('ora@example.com');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();

  await page
    .getByRole('heading', { name: 'Allow Claude Desktop to use your Tessera?' })
    .waitFor();
  await page.getByText('registered itself').waitFor();
  await page.getByText(`127.0.0.1:${callback.address().port}`).waitFor();
  assert.ok(
    await page.getByRole('checkbox', { name: /^Read/ }).isChecked(),
    'the scope asked for',
  );
  assert.ok(
    !(await page.getByRole('checkbox', { name: /^Write/ }).isChecked()),
  );
  assert.ok(await page.getByRole('checkbox', { name: /MCP/ }).isChecked());
  await page
    .getByRole('radio', { name: 'Only selected spaces and bases' })
    .check();
  await page.getByRole('checkbox', { name: 'CRM base' }).check();
  await screenshot(page, 'oauth-consent');
  await page.getByRole('button', { name: 'Allow' }).click();

  const arrival = await waitForArrival(1);
  assert.equal(arrival.pathname, '/callback');
  assert.equal(arrival.searchParams.get('state'), 'st-1');
  const code = arrival.searchParams.get('code');
  assert.ok(code);

  const exchanged = await exchangeCode(workspace.server.url, {
    clientId,
    code,
    redirectUri: redirectUri(),
    verifier,
  });
  assert.equal(exchanged.status, 200);
  const tokens = exchanged.json;
  assert.match(tokens.access_token, /^tsr_oat_[0-9A-Za-z]{50}$/);
  assert.equal(tokens.scope, 'read');
  const headers = {
    Authorization: `Bearer ${tokens.access_token}`,
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
  };
  const ping = await fetch(`${workspace.server.url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  assert.equal(ping.status, 200, 'the token works on /mcp');
  const api = await fetch(`${workspace.server.url}/api/space`, { headers });
  assert.equal(api.status, 401);
  assert.equal((await api.json()).code, 'token_wrong_resource');

  // Settings › Connected apps lists it; Revoke ends the token at once.
  await page.goto('/settings/connected-apps');
  const row = page.getByRole('row', { name: /Claude Desktop/ });
  await row.waitFor();
  await row.getByText('CRM (base)').waitFor();
  await row.getByText('MCP').waitFor();
  await screenshot(page, 'oauth-connected-apps');
  await row.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('dialog', { name: /History of/ });
  await history.getByText('Connected (the app exchanged its code)').waitFor();
  await page.keyboard.press('Escape');
  await history.waitFor({ state: 'detached' });
  await row.getByRole('button', { name: 'Revoke' }).click();
  await page.getByRole('button', { name: 'Revoke access' }).click();
  await page.getByText('No connected apps').waitFor();
  const afterRevoke = await fetch(`${workspace.server.url}/mcp`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
  });
  assert.equal(afterRevoke.status, 401);
  assert.equal((await afterRevoke.json()).code, 'token_revoked');
  assert.deepEqual(problems, []);
});

test('Deny sends the refusal back; an unregistered redirect goes nowhere', async () => {
  const clientId = await registerClient();
  const { challenge } = pkce();
  const { page } = await openPage(workspace.browser, workspace.server.url);
  await page.goto('/signin');
  await page.getByLabel('Email').fill('ora@example.com');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor();

  await page.goto(authorizePath(clientId, challenge, 'st-2'));
  await page.getByRole('link', { name: 'Deny' }).click();
  const arrival = await waitForArrival(2);
  assert.equal(arrival.searchParams.get('error'), 'access_denied');
  assert.equal(arrival.searchParams.get('state'), 'st-2');
  assert.equal(arrival.searchParams.get('code'), null);

  await page.goto(
    authorizePath(clientId, challenge, 'st-3', 'https://attacker.example/cb'),
  );
  await page
    .getByRole('heading', { name: "This app's request cannot be used" })
    .waitFor();
  await page.getByText('did not register the redirect URI').waitFor();
  assert.equal(arrivals.length, 2, 'nothing was sent anywhere');
  assert.equal(new URL(page.url()).host, new URL(workspace.server.url).host);
});

test('the instance admin sees every app and connection, and blocking an app ends its access', async () => {
  const clientId = await registerClient('Cursor');
  const { verifier, challenge } = pkce();
  const { page, problems } = await openPage(
    workspace.browser,
    workspace.server.url,
  );
  await page.goto('/signin');
  await page.getByLabel('Email').fill('ora@example.com');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  // Grace shares her space with Ora as a viewer: the consent page says
  // that there the app gets no more than a viewer's rights.
  const grace = await signUpOverApi(workspace.server.url, 'grace@example.com');
  const partners = await grace('POST', '/api/space', { name: 'Partners' });
  await grace('POST', `/api/space/${partners.id}/collaborator`, {
    email: 'ora@example.com',
    role: 'viewer',
  });
  const seen = arrivals.length;
  await page.goto(authorizePath(clientId, challenge, 'st-admin'));
  await page
    .getByRole('heading', { name: 'Allow Cursor to use your Tessera?' })
    .waitFor();
  assert.equal(await page.locator('.consent-limited').count(), 0);
  await page.getByRole('checkbox', { name: /^Write/ }).check();
  await page
    .getByText(
      'Your role limits it in Partners (you are viewer): there it gets only what your role allows.',
    )
    .waitFor();
  await page.getByRole('button', { name: 'Allow' }).click();
  const arrival = await waitForArrival(seen + 1);
  const exchanged = await exchangeCode(workspace.server.url, {
    clientId,
    code: arrival.searchParams.get('code'),
    redirectUri: redirectUri(),
    verifier,
  });
  const token = exchanged.json.access_token;
  const ping = () =>
    fetch(`${workspace.server.url}/mcp`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
    });
  assert.equal((await ping()).status, 200);

  await page.goto('/');
  await page.getByRole('button', { name: /Account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Administration' }).click();
  await page.waitForURL('**/admin/apps');
  const appRow = page
    .getByRole('table', { name: 'Apps' })
    .getByRole('row', { name: /Cursor/ });
  await appRow.getByText('Not reviewed').waitFor();
  await appRow.getByText('registered itself').waitFor();
  const connection = page
    .getByRole('table', { name: 'Connections' })
    .getByRole('row', { name: /Cursor/ });
  await connection.getByText('ora@example.com').waitFor();
  await screenshot(page, 'admin-apps');

  await appRow.getByRole('button', { name: 'Block' }).click();
  await page.getByText('connection stop working immediately').waitFor();
  await page.getByRole('button', { name: 'Block app' }).click();
  await appRow.getByText('Blocked').waitFor();
  await connection.waitFor({ state: 'detached' });
  const refused = await ping();
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).code, 'token_revoked');

  await appRow.getByRole('button', { name: 'Unblock' }).click();
  await appRow.getByText('Not reviewed').waitFor();
  await appRow.getByRole('button', { name: 'Allow' }).click();
  await appRow.getByText('Allowed', { exact: true }).waitFor();
  assert.deepEqual(problems, []);
});
