// Formula fields in a real browser: a formula is written with field names
// completed as they are typed, an error is shown where it starts and the
// field cannot be saved with it; once fixed, the grid shows the values the
// database computed, and they follow an edit of the fields they use.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  gridCell,
  openPage,
  screenshot,
  signInInBrowser,
  useWorkspace,
} from './support.mjs';

const workspace = useWorkspace('ada@example.com', 'Ada', 'Shop', 'Orders');

const cell = gridCell;

test('a formula is written with completion, its error shown inline, then fixed', async () => {
  const table = await workspace.api('POST', `/api/base/${workspace.baseId}/table`, {
    name: 'Lines',
    fields: [
      { name: 'Item', type: 'singleLineText' },
      { name: 'Unit price', type: 'number', options: { precision: 2 } },
      { name: 'Quantity', type: 'number', options: { precision: 0 } },
    ],
  });
  await workspace.api('POST', `/api/table/${table.id}/record`, {
    records: [
      { fields: { Item: 'pen', 'Unit price': 1.5, Quantity: 4 } },
      { fields: { Item: 'ink', 'Unit price': 12, Quantity: 1 } },
    ],
  });
  const { page, problems } = await openPage(workspace.browser, workspace.server.url);
  await signInInBrowser(page, 'ada@example.com');
  await page.goto(`/base/${workspace.baseId}/table/${table.id}`);
  await cell(page, 'Item', 1).getByText('pen').waitFor();

  await page.getByRole('button', { name: 'Add field' }).click();
  await page.getByLabel('Field name').fill('Total');
  await page.getByLabel('Field type').selectOption('formula');
  const formula = page.getByRole('combobox', { name: 'Formula' });

  // A field name is completed from what follows the brace.
  await formula.pressSequentially('{uni');
  await page.getByRole('option', { name: /Unit price/ }).waitFor();
  await formula.press('Enter');
  assert.equal(await formula.inputValue(), '{Unit price}');
  // A misspelt field: the error says where, and saving is refused.
  await formula.pressSequentially(' * {Quantty}');
  const problem = page.getByRole('alert').filter({ hasText: 'Unknown field {Quantty} at 16.' });
  await problem.waitFor();
  assert.equal(await formula.getAttribute('aria-invalid'), 'true');
  await screenshot(page, 'formula-error');
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await page.getByRole('alert').filter({ hasText: "The formula of 'Total' cannot be computed" }).waitFor();

  // Fixed: the verdict says what it computes, and it saves.
  await formula.fill('{Unit price} * {Quantity}');
  await page.getByRole('status').filter({ hasText: 'Result: number' }).waitFor();
  await page.getByRole('button', { name: 'Add field' }).last().click();
  await cell(page, 'Total', 1).getByText('6').waitFor();
  await cell(page, 'Total', 2).getByText('12').waitFor();
  await screenshot(page, 'formula-values');

  // The formula follows the fields it uses; its cells cannot be edited.
  await workspace.api('PATCH', `/api/table/${table.id}/record`, {
    records: [
      {
        id: (await workspace.api('GET', `/api/table/${table.id}/record`)).records[0].id,
        fields: { Quantity: 10 },
      },
    ],
  });
  await page.reload();
  await cell(page, 'Total', 1).getByText('15').waitFor();
  await cell(page, 'Total', 1).dblclick();
  assert.equal(await page.locator('.grid-cell textarea, .grid-cell input').count(), 0);
  assert.deepEqual(
    problems.filter((p) => !p.includes('invalid_formula')),
    [],
  );
});
