// Every page and dialog checked with axe-core (WCAG 2.1 A and AA rules):
// labelled controls, names for buttons, roles used correctly (the grid's
// rows and cells), contrast; and the focus ring of every Tab stop (WCAG
// 2.2 focus appearance).
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
  ids.invitation = (
    await api('POST', `/api/space/${ids.space}/invite-link`, { role: 'editor' })
  ).code;
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
  await page.goto('/forgot-password');
  await page.getByRole('heading', { name: 'Forgot your password?' }).waitFor();
  assert.deepEqual(await violations(page), [], 'forgot password');
  await page.goto('/reset-password#tsr_pwr_' + 'a'.repeat(40));
  await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
  assert.deepEqual(await violations(page), [], 'reset password');
  await page.goto('/invite#' + ids.invitation);
  await page.getByRole('heading', { name: 'Join Research' }).waitFor();
  assert.deepEqual(await violations(page), [], 'invitation');
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
    ['invitation, signed in', '/invite', 'Join Research', null],
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
  await page.goto('/');
  await page
    .getByRole('button', { name: 'Actions for space Research' })
    .click();
  await page.getByRole('menuitem', { name: 'Collaborators' }).click();
  await page.getByRole('region', { name: 'Invitations' }).waitFor();
  assert.deepEqual(await violations(page), [], 'collaborators and invitations');
  await context.close();
});

// WCAG 2.2 focus appearance: every Tab stop shows a solid ring at least
// 2px thick whose colour is 3:1 or more against what is behind it (the
// rail's dark blue, a white page, the grey grid header, a grid cell).
test('focus rings are 2px and 3:1 against their background everywhere Tab goes', async () => {
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await signInInBrowser(page, 'ally@example.com');
  const checked = [];
  for (const [path, text] of [
    ['/', 'Research'],
    [`/base/${ids.base}/table/${ids.table}`, 'S-1'],
    ['/settings/personal-access-token', 'Nightly export'],
  ]) {
    await page.goto(path);
    await page.getByText(text).first().waitFor();
    await page.locator('body').focus();
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element || element === document.body) return null;
        const parse = (color) => {
          const [r, g, b, a = 1] = color.match(/[\d.]+/g).map(Number);
          return { r, g, b, a };
        };
        const luminance = ({ r, g, b }) => {
          const linear = (c) => {
            const v = c / 255;
            return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
        };
        const backgroundOf = (start) => {
          for (let node = start; node; node = node.parentElement) {
            const color = parse(getComputedStyle(node).backgroundColor);
            if (color.a > 0) return color;
          }
          return { r: 255, g: 255, b: 255, a: 1 };
        };
        const style = getComputedStyle(element);
        const offset = parseFloat(style.outlineOffset);
        const behind = backgroundOf(
          offset < 0 ? element : element.parentElement,
        );
        const ringColor = parse(style.outlineColor);
        const [light, dark] = [luminance(ringColor), luminance(behind)].sort(
          (a, b) => b - a,
        );
        return {
          name:
            element.getAttribute('aria-label') ||
            element.textContent.trim().slice(0, 30) ||
            element.tagName,
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          contrast: (light + 0.05) / (dark + 0.05),
        };
      });
      if (!ring) continue;
      checked.push(ring.name);
      assert.equal(ring.style, 'solid', `${path}: ${ring.name} has no ring`);
      assert.ok(
        ring.width >= 2,
        `${path}: ${ring.name} ring is ${ring.width}px`,
      );
      assert.ok(
        ring.contrast >= 3,
        `${path}: ${ring.name} ring contrast ${ring.contrast.toFixed(2)}:1`,
      );
    }
  }
  assert.ok(
    checked.some((name) => name.startsWith('Name, row 1')),
    'the grid cell was among the checked stops',
  );
  await context.close();
});
