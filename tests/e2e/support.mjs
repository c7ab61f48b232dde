// What every browser test needs: a real `tessera serve`
// (tests/support/tessera_server.mjs), Debian's Chromium driven by playwright-core
// and kept off the network, and a page that records console errors, failed
// pages and state-changing requests sent without the CSRF header.
// TESSERA_BINARY names the binary; E2E_ARTIFACTS the screenshot folder.
import { spawn } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

import { startServer } from '../support/tessera_server.mjs';

const artifacts =
  process.env.E2E_ARTIFACTS ?? join(tmpdir(), 'tessera-e2e-artifacts');

export async function startTessera(extraArgs = []) {
  return startServer(process.env.TESSERA_BINARY, extraArgs);
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
      '--disable-dev-shm-usage',
      '--no-default-browser-check',
    ],
  });
}

// A page in its own context, with the problems it runs into collected.
export async function openPage(
  browser,
  baseURL,
  viewport = { width: 1280, height: 800 },
) {
  const context = await browser.newContext({ baseURL, viewport });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: baseURL,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = [];
  page.on('pageerror', (error) =>
    problems.push(`page error: ${error.message}`),
  );
  page.on('console', (message) => {
    // Chromium logs every 4xx answer as "Failed to load resource"; the app
    // expects some (401 before sign-in, validation errors it shows).
    if (
      message.type() === 'error' &&
      !/Failed to load resource: the server responded with a status of 4\d\d/.test(
        message.text(),
      )
    ) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  // Every state change carries the CSRF header, but signing in and up and
  // resetting a forgotten password, which come before there is a session
  // to protect, and an invitation's preview (a POST only to keep the
  // link's code out of URLs; it changes nothing).
  const beforeSession = new Set([
    '/api/auth/signin',
    '/api/auth/signup',
    '/api/auth/password-reset',
    '/api/auth/password-reset/confirm',
    '/api/invitation/preview',
  ]);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (
      path.startsWith('/api/') &&
      request.method() !== 'GET' &&
      !beforeSession.has(path) &&
      !request.headers()['x-csrf-token']
    ) {
      problems.push(
        `${request.method()} ${request.url()} without X-CSRF-Token`,
      );
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 500)
      problems.push(`${response.status()} from ${response.url()}`);
  });
  return { page, context, problems };
}

// A Tessera, a browser and a signed-up user with a space and a base: what
// a grid test file starts from (call it in before(); stop() in after()).
export async function startWorkspace(email, name, spaceName, baseName) {
  const server = await startTessera();
  const browser = await launchBrowser();
  const api = await signUpOverApi(server.url, email, name);
  const space = await api('POST', '/api/space', { name: spaceName });
  const base = await api('POST', '/api/base', { spaceId: space.id, name: baseName });
  return {
    server,
    browser,
    api,
    baseId: base.id,
    async stop() {
      await browser.close();
      server.stop();
    },
  };
}

// startWorkspace for a whole test file: started before its tests and
// stopped after them. Read the fields once the tests run.
export function useWorkspace(email, name, spaceName, baseName) {
  const workspace = {};
  before(async () => {
    Object.assign(workspace, await startWorkspace(email, name, spaceName, baseName));
  });
  after(async () => {
    await workspace.stop?.();
  });
  return workspace;
}

// A cell of the grid, by its field's name and its row (from 1).
export const gridCell = (page, field, row) =>
  page.getByRole('gridcell', { name: new RegExp(`^${field}, row ${row}:`) });

export async function screenshot(page, name) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({
    path: join(artifacts, `${name}.png`),
    fullPage: true,
  });
}

// The page is as wide as the window: nothing sticks out sideways.
export async function horizontalOverflow(page) {
  return page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
}

export async function bearer(url, path, token) {
  const response = await fetch(url + path, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return { status: response.status, json: await response.json() };
}

// Signs a user up over the API and returns a client with their session, to
// set up data the browser test is not about.
export async function signUpOverApi(
  url,
  email,
  name = 'Grace',
  password = 'correct horse battery',
) {
  const signup = await fetch(url + '/api/auth/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, name, password }),
  });
  if (signup.status !== 201)
    throw new Error(`sign-up failed: ${signup.status} ${await signup.text()}`);
  const cookie = signup.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const csrf = (await signup.json()).csrfToken;
  return async function api(method, path, body) {
    const response = await fetch(url + path, {
      method,
      headers: {
        'Content-Type': 'application/json',
        Cookie: cookie,
        'X-CSRF-Token': csrf,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status >= 400)
      throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

export async function signInInBrowser(
  page,
  email,
  password = 'correct horse battery',
) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Home' }).waitFor();
}

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

// A real SMTP server (Debian's aiosmtpd) on loopback keeping what it
// receives in a maildir: { url, messages(), waitForMessages(n), stop() }.
export async function startMailSink() {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-mail-'));
  const port = await freePort();
  const sink = spawn(
    '/usr/bin/python3',
    [
      '-m',
      'aiosmtpd',
      '-n',
      '-l',
      `127.0.0.1:${port}`,
      '-c',
      'aiosmtpd.handlers.Mailbox',
      join(dir, 'mail'),
    ],
    { stdio: 'ignore' },
  );
  const messages = () => {
    try {
      return readdirSync(join(dir, 'mail', 'new')).map((name) =>
        readFileSync(join(dir, 'mail', 'new', name), 'utf8'),
      );
    } catch {
      return [];
    }
  };
  for (let i = 0; i < 300; i++) {
    const open = await new Promise((resolve) => {
      const socket = createConnection(port, '127.0.0.1');
      socket.on('connect', () => socket.end(() => resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    async waitForMessages(count) {
      for (let i = 0; i < 200 && messages().length < count; i++)
        await new Promise((resolve) => setTimeout(resolve, 50));
      return messages();
    },
    stop() {
      sink.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
