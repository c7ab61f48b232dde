// The structure check of scripts/check-structure.mjs: the real tree is
// clean, and the check does find an upward include, an include between
// folders of one layer, a folder with no layer, a loop between feature
// folders, and SQL outside the stores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { checkStructure, describeStructure } from '../../scripts/check-structure.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function tree(files) {
  const root = mkdtempSync(join(tmpdir(), 'tessera-layers-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function problemsOf(files) {
  const root = tree(files);
  try {
    return checkStructure(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

test('src/ keeps every structure rule', () => {
  assert.deepEqual(checkStructure(join(repo, 'src')), []);
});

test('downward includes and includes inside a folder pass', () => {
  assert.deepEqual(
    problemsOf({
      'app/a.cpp': '#include "features/records/r.h"\n#include "app/b.h"\n#include <vector>\n',
      'features/records/r.h': '#include "features/schema/s.h"\n#include "http/h.h"\n',
      'features/schema/s.h': '#include "store/d.h"\n',
      'http/h.h': '#include "access/p.h"\n',
    }),
    [],
  );
});

test('an include of a layer above is reported with its line', () => {
  const problems = problemsOf({
    'access/authorizer.cpp': '#include "access/policy.h"\n#include "http/api_error.h"\n',
  });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /src\/access\/authorizer\.cpp:2: includes "http\/api_error\.h", a layer above 'access'/);
});

test('folders that share a layer may not include each other', () => {
  const problems = problemsOf({ 'web/assets.cpp': '#include "features/records/r.h"\n' });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /a folder beside 'web'/);
});

test('a folder with no layer is reported', () => {
  const problems = problemsOf({ 'webhooks/sender.cpp': '#include "store/database.h"\n' });
  assert.equal(problems.length, 1);
  assert.match(problems[0], /folder 'webhooks' has no layer/);
});

test('a loop between feature folders is reported', () => {
  const problems = problemsOf({
    'features/fields/f.cpp': '#include "features/tables/t.h"\n',
    'features/tables/t.cpp': '#include "features/views/v.h"\n',
    'features/views/v.cpp': '#include "features/fields/f.h"\n',
    'features/naming.h': '#include "http/api_error.h"\n',
  });
  assert.equal(problems.length, 1);
  assert.match(
    problems[0],
    /loop: features\/fields -> features\/tables -> features\/views -> features\/fields/,
  );
});

test('SQL in a service is reported; stores, store/ and features/query/ may hold it', () => {
  const problems = problemsOf({
    'features/bases/base_service.cpp':
      '// SELECT in a comment is fine\nvoid f() { session.execute("DELETE FROM bases WHERE id = ?", {id}); }\n',
    'features/bases/base_store.cpp': 'void g() { session.query("SELECT id FROM bases"); }\n',
    'features/query/record_query.cpp': 'const char* kSql = "SELECT COUNT(*) FROM t";\n',
    'store/migrations.cpp': 'const char* kSql = "CREATE TABLE users (id TEXT)";\n',
    'auth/verifier.cpp': 'auto rows = session.query(sql);\n',
  });
  assert.deepEqual(
    problems.map((problem) => problem.split(':').slice(0, 2).join(':')),
    ['src/auth/verifier.cpp:1', 'src/features/bases/base_service.cpp:2'],
  );
});

test('--graph lists the layers and each feature folder with the folders it includes', () => {
  const root = tree({
    'features/records/r.cpp': '#include "features/schema/s.h"\n#include "features/views/v.h"\n',
    'features/views/v.cpp': '#include "features/schema/s.h"\n',
    'features/schema/s.h': '#include "store/database.h"\n',
  });
  try {
    const text = describeStructure(root);
    assert.match(text, /main\.cpp -> app -> mcp -> features \| web -> auth/);
    assert.match(text, /\n {2}records -> schema, views\n {2}views -> schema$/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
