// Lets the MCP conformance runner, written for Node.js 22, run on the
// Node.js 20 of this project's machines: `fs.globSync` (new in Node.js
// 22) is supplied by the glob package. Loaded with `node --import`.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
  export async function resolve(specifier, context, next) {
    if ((specifier === 'fs' || specifier === 'node:fs') && context.parentURL?.includes('@modelcontextprotocol/conformance')) {
      return { url: 'tessera-shim:fs', shortCircuit: true };
    }
    return next(specifier, context);
  }
  export async function load(url, context, next) {
    if (url === 'tessera-shim:fs') {
      const glob = ${JSON.stringify(new URL('./node_modules/glob/dist/esm/index.js', import.meta.url).href)};
      return {
        format: 'module',
        shortCircuit: true,
        source: "export * from 'node:fs'; export { default } from 'node:fs'; export { globSync } from '" + glob + "';",
      };
    }
    return next(url, context);
  }
`));
