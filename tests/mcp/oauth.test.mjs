// The official MCP SDK client connects to /mcp with its own OAuth support,
// end to end: from the 401 it discovers the protected-resource and
// authorization-server metadata, registers itself (Dynamic Client
// Registration), sends the user to the consent page (driven in Debian's
// Chromium), exchanges the code with its PKCE verifier, calls tools,
// refreshes its token (rotation), and is refused once the grant is
// revoked. On SQLite, PostgreSQL and two nodes (tests/support).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  auth,
  UnauthorizedError,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startTessera } from './tessera.mjs';

let tessera;
let browser;
let callback;
const codes = [];

before(async () => {
  tessera = await startTessera();
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--no-first-run',
    ],
  });
  callback = createServer((request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    if (url.pathname === '/callback') codes.push(url.searchParams.get('code'));
    response.end('Done: you can close this window.');
  });
  await new Promise((resolve) => callback.listen(0, '127.0.0.1', resolve));
});

after(async () => {
  await browser?.close();
  callback?.close();
  tessera?.stop();
});

// What an MCP client keeps between runs, in memory.
class MemoryProvider {
  constructor(redirectUrl, onRedirect) {
    this.redirect = redirectUrl;
    this.onRedirect = onRedirect;
    this.saved = {};
  }
  get redirectUrl() {
    return this.redirect;
  }
  get clientMetadata() {
    return {
      client_name: 'SDK test agent',
      redirect_uris: [this.redirect],
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      token_endpoint_auth_method: 'none',
    };
  }
  clientInformation() {
    return this.saved.client;
  }
  saveClientInformation(client) {
    this.saved.client = client;
  }
  tokens() {
    return this.saved.tokens;
  }
  saveTokens(tokens) {
    this.saved.tokens = tokens;
  }
  redirectToAuthorization(url) {
    this.onRedirect(url);
  }
  saveCodeVerifier(verifier) {
    this.saved.verifier = verifier;
  }
  codeVerifier() {
    return this.saved.verifier;
  }
}

async function consentInBrowser(authorizationUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(authorizationUrl.toString());
  await page.waitForURL('**/signin');
  await page.getByLabel('Email').fill('ada@example.com');
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('heading', { name: 'Allow SDK test agent to use your Tessera?' })
    .waitFor();
  await page.getByRole('checkbox', { name: /^Write/ }).check();
  await page.getByRole('button', { name: 'Allow' }).click();
  for (let i = 0; i < 100 && codes.length === 0; ++i)
    await new Promise((r) => setTimeout(r, 50));
  await context.close();
  assert.equal(codes.length, 1, 'the browser came back with a code');
  return codes[0];
}

test('the SDK client connects through OAuth, works, refreshes and is cut off by revocation', async () => {
  const serverUrl = new URL(tessera.base + '/mcp');
  let authorizationUrl;
  const provider = new MemoryProvider(
    `http://127.0.0.1:${callback.address().port}/callback`,
    (url) => (authorizationUrl = url),
  );

  const first = new StreamableHTTPClientTransport(serverUrl, {
    authProvider: provider,
  });
  await assert.rejects(
    new Client({ name: 'agent', version: '1' }).connect(first),
    UnauthorizedError,
  );
  assert.ok(
    provider.saved.client?.client_id?.startsWith('dcr_'),
    'registered itself',
  );
  assert.ok(authorizationUrl, 'sent the user to the authorization endpoint');
  assert.equal(authorizationUrl.pathname, '/oauth/authorize');
  assert.equal(
    authorizationUrl.searchParams.get('code_challenge_method'),
    'S256',
  );
  assert.equal(
    authorizationUrl.searchParams.get('resource'),
    serverUrl.toString(),
  );

  await first.finishAuth(await consentInBrowser(authorizationUrl));
  assert.match(provider.saved.tokens.access_token, /^tsr_oat_/);
  assert.match(provider.saved.tokens.refresh_token, /^tsr_ort_/);

  const client = new Client({ name: 'agent', version: '1' });
  await client.connect(
    new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }),
  );
  const names = (await client.listTools()).tools.map((tool) => tool.name);
  assert.ok(
    names.includes('create_records'),
    'write tools for a grant with Write',
  );
  const me = await client.callTool({ name: 'whoami', arguments: {} });
  assert.ok(!me.isError, JSON.stringify(me));
  const created = await client.callTool({
    name: 'create_records',
    arguments: {
      tableId: tessera.ids.table,
      records: [{ fields: { Name: 'via OAuth' } }],
    },
  });
  assert.ok(!created.isError, JSON.stringify(created));

  const before = provider.saved.tokens;
  assert.equal(await auth(provider, { serverUrl }), 'AUTHORIZED');
  assert.notEqual(
    provider.saved.tokens.access_token,
    before.access_token,
    'a new access token',
  );
  assert.notEqual(
    provider.saved.tokens.refresh_token,
    before.refresh_token,
    'rotated',
  );
  const listed = await client.callTool({
    name: 'list_records',
    arguments: { tableId: tessera.ids.table },
  });
  assert.ok(!listed.isError, JSON.stringify(listed));
  await client.close();

  const revoked = await fetch(tessera.base + '/oauth/revoke', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: provider.saved.tokens.refresh_token }),
  });
  assert.equal(revoked.status, 200);
  const refused = await fetch(serverUrl, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${provider.saved.tokens.access_token}`,
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
  });
  assert.equal(refused.status, 401);
  assert.equal((await refused.json()).code, 'token_revoked');
});
