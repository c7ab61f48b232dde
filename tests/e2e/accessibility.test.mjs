// Every page and dialog checked with axe-core (WCAG 2.1 A and AA rules):
// labelled controls, names for buttons, roles used correctly, contrast.
// axe is injected as a script, so this context bypasses the page's
// Content-Security-Policy (which the other tests keep on and check).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';

import {
  launchBrowser,
  signInInBrowser,
  signUpOverApi,
  startTessera,
} from './support.mjs';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
let server;
let browser;
let ids = {};

before(async () => {
  server = await startTessera();
  browser = await launchBrowser();
  const api = await signUpOverApi(server.url, 'ally@example.com', 'Ally');
  ids.space = (await api('POST', '/api/space', { name: 'Research' })).id;
  ids.base = (
    await api('POST', '/api/base', { spaceId: ids.space, name: 'Lab' })
  ).id;
  ids.table = (
    await api('POST', `/api/base/${ids.base}/table`, {
      name: 'Samples',
      fields: [
        { name: 'Name', type: 'singleLineText' },
        {
          name: 'Stage',
          type: 'singleSelect',
          options: { choices: [{ name: 'New' }] },
        },
        { name: 'Done', type: 'checkbox' },
      ],
    })
  ).id;
  await api('POST', `/api/table/${ids.table}/record`, {
    records: [{ fields: { Name: 'S-1', Stage: 'New', Done: true } }],
  });
  await api('POST', '/api/access-token', {
    name: 'Nightly export',
    scopes: ['read'],
    expiresAt: new Date(Date.now() + 86400000 * 3).toISOString(),
  });
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function violations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'],
      },
    }),
  );
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

test('pages and dialogs have no WCAG A/AA violations', async () => {
  const context = await browser.newContext({
    baseURL: server.url,
    bypassCSP: true,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto('/signin');
  await page.getByRole('heading', { name: 'Sign in to Tessera' }).waitFor();
  assert.deepEqual(await violations(page), [], 'sign in');
  await page.goto('/signup');
  await page
    .getByRole('heading', { name: 'Create your Tessera account' })
    .waitFor();
  assert.deepEqual(await violations(page), [], 'sign up');
  await signInInBrowser(page, 'ally@example.com');

  const screens = [
    ['home', '/', 'Research', null],
    ['table', `/base/${ids.base}/table/${ids.table}`, 'S-1', null],
    [
      'field dialog',
      `/base/${ids.base}/table/${ids.table}`,
      'S-1',
      'Add field',
    ],
    ['profile', '/settings/profile', 'ally@example.com', null],
    ['tokens', '/settings/personal-access-token', 'Nightly export', null],
    [
      'create token',
      '/settings/personal-access-token',
      'Nightly export',
      'Create Token',
    ],
  ];
  for (const [name, path, text, button] of screens) {
    await page.goto(path);
    await page.getByText(text).first().waitFor();
    if (button) {
      await page.getByRole('button', { name: button }).click();
      await page.getByRole('dialog').waitFor();
    }
    assert.deepEqual(await violations(page), [], name);
  }
  await context.close();
});
