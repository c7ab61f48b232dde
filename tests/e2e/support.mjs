// What every browser test needs: a real `tessera serve`
// (tests/support/tessera_server.mjs), Debian's Chromium driven by playwright-core
// and kept off the network, and a page that records console errors, failed
// pages and state-changing requests sent without the CSRF header.
// TESSERA_BINARY names the binary; E2E_ARTIFACTS the screenshot folder.
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  // Every state change carries the CSRF header, but signing in and up,
  // which come before there is a session to protect, and an invitation's
  // preview (a POST only to keep the link's code out of URLs; it changes
  // nothing).
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    const beforeSession =
      path === '/api/auth/signin' ||
      path === '/api/auth/signup' ||
      path === '/api/invitation/preview';
    if (
      path.startsWith('/api/') &&
      request.method() !== 'GET' &&
      !beforeSession &&
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
