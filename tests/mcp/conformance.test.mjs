// The official MCP conformance runner (@modelcontextprotocol/conformance)
// against /mcp: the server scenarios a product server can pass. The runner
// connects without credentials, so a local proxy adds the bearer token, as
// a configured client would; node20-shim.mjs lets the runner (written for
// Node.js 22) run on Node.js 20.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { startTessera } from './tessera.mjs';

const run = promisify(execFile);
const here = (path) => fileURLToPath(new URL(path, import.meta.url));
let tessera;
let proxy;
let proxyUrl;

before(async () => {
  tessera = await startTessera();
  const token = await tessera.token(['full_access']);
  proxy = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const headers = { ...request.headers, authorization: `Bearer ${token}` };
    delete headers.host;
    delete headers['content-length'];
    const forwarded = await fetch(tessera.base + request.url, {
      method: request.method,
      headers,
      body: ['GET', 'HEAD'].includes(request.method) ? undefined : Buffer.concat(chunks),
    });
    response.writeHead(forwarded.status, Object.fromEntries(forwarded.headers));
    response.end(Buffer.from(await forwarded.arrayBuffer()));
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${proxy.address().port}/mcp`;
});

after(() => {
  proxy?.close();
  tessera.stop();
});

for (const scenario of ['server-initialize', 'ping', 'tools-list', 'dns-rebinding-protection']) {
  test(`conformance: ${scenario}`, async () => {
    const { stdout } = await run(process.execPath,
      ['--import', here('./node20-shim.mjs'), here('./node_modules/@modelcontextprotocol/conformance/dist/index.js'),
        'server', '--url', proxyUrl, '--scenario', scenario],
      { timeout: 60000 }).catch((error) => ({ stdout: error.stdout + error.stderr, failed: true }));
    assert.doesNotMatch(stdout, /FAIL(URE|ED)/, stdout);
    assert.match(stdout, /pass|PASS|SUCCESS|✓/i, stdout);
  });
}
