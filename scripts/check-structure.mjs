#!/usr/bin/env node
// Checks the structure rules of docs/architecture.md on src/:
//   1. every #include points down the layers (LAYERS below);
//   2. the feature folders include each other without a loop;
//   3. SQL is written only in *_store files, in src/store/ and in the
//      list-query compiler features/query/ and the formula compiler
//      features/formula/.
// Prints each offence and exits 1; prints one line and exits 0 when clean.
// With --graph it prints the layers and the feature folders' includes
// instead (the picture in docs/architecture.md).
//
//   node scripts/check-structure.mjs [--graph] [SRC_DIR]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// Top to bottom. A file may include files of its own folder and of the
// layers below its own; folders that share a layer may not include each
// other. A new top-level folder must be placed here before it checks clean.
export const LAYERS = [
  ['main.cpp'],
  ['app'],
  ['mcp'],
  ['features', 'web'],
  ['auth'],
  ['audit'],
  ['http'],
  ['access'],
  ['store', 'mail', 'net'],
  ['common'],
];

// Where SQL may be written, besides files named *_store.h / *_store.cpp.
const SQL_HOMES = [/^store\//, /^features\/query\//, /^features\/formula\//];

const SOURCE = /\.(h|cpp)$/;
const INCLUDE = /^\s*#\s*include\s+"([^"]+)"/;
// A string literal that opens a statement, or a call that runs one.
const SQL = /"\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE|DROP|ALTER TABLE)\s|\.(execute|executeScript|query|queryEach)\(/;

function sourceFiles(dir) {
  const files = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE.test(name)) files.push(path);
  }
  return files;
}

// "features/records/record_service.cpp" -> "features/records";
// "features/naming.h" -> "features/naming" (a file at the features root
// counts as a folder of its own).
function featureUnit(path) {
  const parts = path.split('/');
  return parts.length > 2 ? `features/${parts[1]}` : `features/${parts[1].replace(SOURCE, '')}`;
}

// A loop among the feature folders, as a list of folders, or null.
function findLoop(graph) {
  const state = new Map(); // unit -> 'open' | 'done'
  const stack = [];
  const visit = (unit) => {
    state.set(unit, 'open');
    stack.push(unit);
    for (const next of graph.get(unit) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const loop = visit(next);
        if (loop) return loop;
      }
    }
    stack.pop();
    state.set(unit, 'done');
    return null;
  };
  for (const unit of [...graph.keys()].sort()) {
    if (!state.has(unit)) {
      const loop = visit(unit);
      if (loop) return loop;
    }
  }
  return null;
}

function mayHoldSql(path) {
  return /_store\.(h|cpp)$/.test(path) || SQL_HOMES.some((home) => home.test(path));
}

function examine(srcDir) {
  const layerOf = new Map();
  LAYERS.forEach((folders, index) => folders.forEach((folder) => layerOf.set(folder, index)));
  const problems = [];
  const featureGraph = new Map();
  for (const file of sourceFiles(srcDir)) {
    const from = relative(srcDir, file).split(sep).join('/');
    const fromTop = from.split('/')[0];
    if (!layerOf.has(fromTop)) {
      problems.push(`${from}: folder '${fromTop}' has no layer (add it to LAYERS)`);
      continue;
    }
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((text, index) => {
      const where = `src/${from}:${index + 1}`;
      const code = text.replace(/^\s*\/\/.*$/, '');
      if (!mayHoldSql(from) && SQL.test(code)) {
        problems.push(`${where}: SQL outside a *_store file: ${text.trim()}`);
      }
      const include = INCLUDE.exec(text);
      if (!include) return;
      const target = include[1];
      const toTop = target.split('/')[0];
      if (!layerOf.has(toTop)) return; // a file of the same folder, or generated
      if (toTop === fromTop) {
        if (fromTop === 'features') {
          const a = featureUnit(from);
          const b = featureUnit(target);
          if (a !== b) {
            if (!featureGraph.has(a)) featureGraph.set(a, new Set());
            featureGraph.get(a).add(b);
          }
        }
        return;
      }
      const fromLayer = layerOf.get(fromTop);
      const toLayer = layerOf.get(toTop);
      if (toLayer < fromLayer) {
        problems.push(`${where}: includes "${target}", a layer above '${fromTop}'`);
      } else if (toLayer === fromLayer) {
        problems.push(`${where}: includes "${target}", a folder beside '${fromTop}'`);
      }
    });
  }
  const loop = findLoop(featureGraph);
  if (loop) problems.push(`feature folders include each other in a loop: ${loop.join(' -> ')}`);
  return { problems, featureGraph };
}

// The problems of the tree at `srcDir`, one line each; empty when clean.
export function checkStructure(srcDir) {
  return examine(srcDir).problems;
}

// The layers and the feature folders' includes, as text.
export function describeStructure(srcDir) {
  const { featureGraph } = examine(srcDir);
  const lines = ['layers, top to bottom (a folder includes only folders to its right):'];
  lines.push('  ' + LAYERS.map((folders) => folders.join(' | ')).join(' -> '));
  lines.push('feature folders and the feature folders they include:');
  const name = (unit) => unit.replace(/^features\//, '');
  for (const unit of [...featureGraph.keys()].sort()) {
    lines.push(`  ${name(unit)} -> ${[...featureGraph.get(unit)].map(name).sort().join(', ')}`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const graph = args[0] === '--graph';
  const srcDir = (graph ? args[1] : args[0]) ?? 'src';
  if (graph) {
    console.log(describeStructure(srcDir));
    process.exit(0);
  }
  const problems = checkStructure(srcDir);
  for (const problem of problems) console.error(problem);
  if (problems.length) {
    console.error(`${problems.length} breach(es) of the structure rules (docs/architecture.md)`);
    process.exit(1);
  }
  console.log(
    `structure: every include in ${srcDir} points down, feature folders form no loop, ` +
      'SQL stays in stores',
  );
}
