// The official MCP SDK client connects to /mcp with its own OAuth support,
// end to end: from the 401 it discovers the protected-resource and
// authorization-server metadata, identifies itself (once by Dynamic Client
// Registration, once by a client metadata document this test serves over
// https on loopback), sends the user to the consent page (driven in
// Debian's Chromium), exchanges the code with its PKCE verifier, calls
// tools, refreshes its token (rotation), and is refused once the grant is
// revoked. Then the refusals of metadata documents, each with its error:
// too large, on a private address directly or through a redirect, too
// slow, naming another client, with a redirect URI it did not list; and
// the cache and the logo. A grant made through one node is used, and
// revoked, through the other; a read-only grant lists no write tool. On
// SQLite, PostgreSQL and two nodes (tests/support).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import {
  auth,
  UnauthorizedError,
} from '@modelcontextprotocol/sdk/client/auth.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { exchangeCode } from '../support/oauth_code.mjs';
import { startTessera } from './tessera.mjs';

let tessera;
let browser;
let callback;
let documents; // the https server of the client metadata documents
const served = new Map(); // path -> (request, response) => void
const hits = new Map(); // path -> how often Tessera fetched it
const codes = [];

// A self-signed certificate for 127.0.0.1, which Tessera is told to trust.
function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-oauth-cert-'));
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error('openssl: ' + made.stderr);
  return { key: join(dir, 'key.pem'), cert: join(dir, 'cert.pem') };
}

// A 1x1 PNG.
const logoPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function documentUrl(path) {
  return `https://127.0.0.1:${documents.address().port}${path}`;
}

function serveJson(path, body) {
  served.set(path, (request, response) => {
    response.setHeader('Content-Type', 'application/json');
    response.end(
      typeof body === 'function'
        ? JSON.stringify(body())
        : JSON.stringify(body),
    );
  });
}

before(async () => {
  const certificate = makeCertificate();
  documents = createHttpsServer(
    {
      key: readFileSync(certificate.key),
      cert: readFileSync(certificate.cert),
    },
    (request, response) => {
      const path = new URL(request.url, 'https://127.0.0.1').pathname;
      hits.set(path, (hits.get(path) ?? 0) + 1);
      const handler = served.get(path);
      if (handler) handler(request, response);
      else {
        response.statusCode = 404;
        response.end();
      }
    },
  );
  await new Promise((resolve) => documents.listen(0, '127.0.0.1', resolve));
  served.set('/logo.png', (request, response) => {
    response.setHeader('Content-Type', 'image/png');
    response.end(logoPng);
  });
  tessera = await startTessera([
    '--oauth-allow-loopback-clients',
    '--oauth-fetch-ca-file',
    certificate.cert,
  ]);
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
  documents?.closeAllConnections();
  documents?.close();
  tessera?.stop();
});

// What an MCP client keeps between runs, in memory.
// With `metadataUrl` it identifies itself by that client metadata
// document; without, it registers itself.
class MemoryProvider {
  constructor(redirectUrl, onRedirect, metadataUrl) {
    this.redirect = redirectUrl;
    this.onRedirect = onRedirect;
    this.clientMetadataUrl = metadataUrl;
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

async function consentInBrowser(authorizationUrl, verified) {
  codes.length = 0;
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
  if (verified) {
    await page.getByText('(identity checked: ' + verified + ')').waitFor();
    assert.match(
      await page.locator('img.consent-logo').getAttribute('src'),
      /^data:image\/png;base64,/,
    );
  } else {
    await page.getByText('(registered itself').waitFor();
    assert.equal(await page.locator('img.consent-logo').count(), 0);
  }
  await page.getByRole('checkbox', { name: /^Write/ }).check();
  await page.getByRole('button', { name: 'Allow' }).click();
  for (let i = 0; i < 100 && codes.length === 0; ++i)
    await new Promise((r) => setTimeout(r, 50));
  await context.close();
  assert.equal(codes.length, 1, 'the browser came back with a code');
  return codes[0];
}

// Connects the SDK client end to end (see the top of the file).
async function connectEndToEnd(metadataUrl) {
  const serverUrl = new URL(tessera.base + '/mcp');
  let authorizationUrl;
  const provider = new MemoryProvider(
    `http://127.0.0.1:${callback.address().port}/callback`,
    (url) => (authorizationUrl = url),
    metadataUrl,
  );

  const first = new StreamableHTTPClientTransport(serverUrl, {
    authProvider: provider,
  });
  await assert.rejects(
    new Client({ name: 'agent', version: '1' }).connect(first),
    UnauthorizedError,
  );
  if (metadataUrl) {
    assert.equal(
      provider.saved.client?.client_id,
      metadataUrl,
      'named by its document',
    );
  } else {
    assert.ok(
      provider.saved.client?.client_id?.startsWith('dcr_'),
      'registered itself',
    );
  }
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

  await first.finishAuth(await consentInBrowser(authorizationUrl, metadataUrl));
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
}

test('the SDK client registers itself, works, refreshes and is cut off by revocation', async () => {
  await connectEndToEnd(undefined);
});

test('the SDK client identified by its metadata document does the same', async () => {
  const url = documentUrl('/sdk-agent.json');
  serveJson('/sdk-agent.json', {
    client_id: url,
    client_name: 'SDK test agent',
    redirect_uris: [`http://127.0.0.1:${callback.address().port}/callback`],
    logo_uri: documentUrl('/logo.png'),
    token_endpoint_auth_method: 'none',
  });
  await connectEndToEnd(url);
});

// What the consent page is told of an authorization request by this client.
function describe(clientId, redirectUri = 'http://127.0.0.1:4711/callback') {
  const query = new URLSearchParams({
    client_id: clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    code_challenge_method: 'S256',
  });
  return tessera.api('GET', '/api/oauth/authorize?' + query);
}

function document(url, extra = {}) {
  return {
    client_id: url,
    client_name: 'Doc agent',
    redirect_uris: ['http://127.0.0.1:4711/callback'],
    ...extra,
  };
}

test('a metadata document is fetched once, cached, and its logo served from Tessera', async () => {
  const url = documentUrl('/cached.json');
  serveJson(
    '/cached.json',
    document(url, { logo_uri: documentUrl('/logo.png') }),
  );
  const first = await describe(url);
  assert.equal(first.status, 200, JSON.stringify(first.json));
  assert.equal(first.json.client.name, 'Doc agent');
  assert.equal(first.json.client.verified, true);
  assert.equal(
    first.json.client.logo,
    'data:image/png;base64,' + logoPng.toString('base64'),
  );
  serveJson('/cached.json', document(url, { client_name: 'Renamed' }));
  const second = await describe(url);
  assert.equal(second.json.client.name, 'Doc agent', 'taken from the cache');
  assert.equal(hits.get('/cached.json'), 1);
});

test('a logo that is not a raster image is left out', async () => {
  const url = documentUrl('/svg-logo.json');
  served.set('/logo.svg', (request, response) => {
    response.setHeader('Content-Type', 'image/svg+xml');
    response.end(
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    );
  });
  serveJson(
    '/svg-logo.json',
    document(url, { logo_uri: documentUrl('/logo.svg') }),
  );
  const described = await describe(url);
  assert.equal(described.status, 200, JSON.stringify(described.json));
  assert.equal(described.json.client.logo, null);
});

test('metadata documents that are refused, each with its reason', async () => {
  const large = documentUrl('/large.json');
  serveJson('/large.json', document(large, { padding: 'x'.repeat(6000) }));
  const tooLarge = await describe(large);
  assert.equal(tooLarge.status, 400);
  assert.equal(tooLarge.json.code, 'client_document_unavailable');
  assert.match(tooLarge.json.message, /larger than 5120 bytes/);

  const privateAddress = await describe('https://10.0.0.1/client.json');
  assert.equal(privateAddress.status, 400);
  assert.equal(privateAddress.json.code, 'client_document_unavailable');
  assert.match(privateAddress.json.message, /not a public one/);

  served.set('/redirected.json', (request, response) => {
    response.statusCode = 302;
    response.setHeader('Location', 'https://192.168.1.1/client.json');
    response.end();
  });
  const redirected = await describe(documentUrl('/redirected.json'));
  assert.equal(redirected.json.code, 'client_document_unavailable');
  assert.match(redirected.json.message, /not a public one/);

  served.set('/slow.json', () => {}); // never answers
  const slow = await describe(documentUrl('/slow.json'));
  assert.equal(slow.json.code, 'client_document_unavailable');
  assert.match(slow.json.message, /did not answer within 5000 ms/);

  const other = documentUrl('/other.json');
  serveJson('/other.json', document(documentUrl('/someone-else.json')));
  const impostor = await describe(other);
  assert.equal(impostor.status, 400);
  assert.equal(impostor.json.code, 'invalid_client_metadata');
  assert.match(impostor.json.message, /'client_id' must be exactly/);

  const listed = documentUrl('/listed.json');
  serveJson('/listed.json', document(listed));
  const unlisted = await describe(listed, 'https://evil.example/steal');
  assert.equal(unlisted.status, 400);
  assert.equal(unlisted.json.code, 'invalid_redirect_uri');

  const root = await describe(`https://127.0.0.1:${documents.address().port}/`);
  assert.equal(root.json.code, 'invalid_client_metadata');
  assert.match(root.json.message, /must have a path/);
});

// Connects an app named `name` as the signed-up user, through `node`
// (the balancer unless said), without a browser: registration, the
// consent page's call and the code exchange. Returns the client id and
// the access token.
async function connectApp(name, scopes, resources, node = tessera.base) {
  const redirectUri = 'http://127.0.0.1:4711/callback';
  const registered = await fetch(node + '/oauth/register', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_name: name, redirect_uris: [redirectUri] }),
  });
  const clientId = (await registered.json()).client_id;
  const consent = await tessera.api(
    'POST',
    '/api/oauth/authorize',
    {
      clientId,
      redirectUri,
      codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      scopes,
      resources,
    },
    node,
  );
  assert.equal(consent.status, 200, JSON.stringify(consent.json));
  const exchanged = await exchangeCode(node, {
    clientId,
    code: new URL(consent.json.redirectTo).searchParams.get('code'),
    redirectUri,
    verifier: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
  });
  assert.equal(exchanged.status, 200);
  return { clientId, access: exchanged.json.access_token };
}

test('a grant made through node A is used and revoked through node B at once', async () => {
  const [nodeA, nodeB] = [tessera.nodes[0], tessera.nodes.at(-1)];
  const { clientId, access } = await connectApp(
    'Pinned agent',
    ['read'],
    ['api'],
    nodeA,
  );
  const spaces = (node) =>
    fetch(node + '/api/space', {
      headers: { Authorization: `Bearer ${access}` },
    });
  assert.equal((await spaces(nodeB)).status, 200, 'node B knows the grant');
  assert.equal((await spaces(nodeA)).status, 200);

  const grants = await tessera.api(
    'GET',
    '/api/oauth/grants',
    undefined,
    nodeB,
  );
  const grant = grants.json.grants.find((g) => g.client.id === clientId);
  assert.ok(grant, 'node B lists the grant');
  const revoked = await tessera.api(
    'DELETE',
    `/api/oauth/grants/${grant.id}`,
    undefined,
    nodeB,
  );
  assert.equal(revoked.status, 204);
  const refused = await spaces(nodeA);
  assert.equal(refused.status, 401, 'node A refuses it at once');
  assert.equal((await refused.json()).code, 'token_revoked');
});

test('the MCP tool list follows an OAuth grant as it follows a token: read-only, no write tools', async () => {
  const { access } = await connectApp('Reader', ['read'], ['mcp']);
  const client = new Client({ name: 'reader', version: '1' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(tessera.base + '/mcp'), {
      requestInit: {
        headers: { Authorization: 'Bearer ' + access },
      },
    }),
  );
  const names = (await client.listTools()).tools.map((tool) => tool.name);
  assert.ok(names.includes('list_records'), names.join(', '));
  assert.ok(!names.includes('create_records'), 'no write tool for Read');
  const refused = await client.callTool({
    name: 'create_records',
    arguments: {
      tableId: tessera.ids.table,
      records: [{ fields: { Name: 'x' } }],
    },
  });
  assert.ok(refused.isError, 'a write is refused even when called by name');
  await client.close();
});
