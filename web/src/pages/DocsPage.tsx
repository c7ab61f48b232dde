// The user guides from docs/, bundled at build time and shown as pages, so
// the app's links to the API, MCP, OAuth and token documentation work
// offline.
import { marked } from "marked";
import { Link, useParams } from "react-router-dom";

import api from "../../../docs/api.md?raw";
import mcp from "../../../docs/mcp.md?raw";
import oauth from "../../../docs/oauth.md?raw";
import tokens from "../../../docs/personal-access-tokens.md?raw";

const GUIDES: Record<string, string> = {
  api,
  mcp,
  oauth,
  "personal-access-tokens": tokens,
};

// Links between the guides point at their .md files; inside the app they
// are pages.
function rewriteLinks(html: string): string {
  return html.replace(/href="(api|mcp|oauth|personal-access-tokens)\.md(#[^"]*)?"/g, 'href="/docs/$1$2"');
}

export function DocsPage() {
  const { name = "" } = useParams();
  const source = GUIDES[name];
  return (
    <div className="page docs">
      <Link to="/settings/personal-access-token">← Personal Access Token</Link>
      {source ? (
        <article
          className="markdown"
          dangerouslySetInnerHTML={{ __html: rewriteLinks(marked.parse(source, { async: false })) }}
        />
      ) : (
        <p className="page-message">There is no guide called “{name}”.</p>
      )}
    </div>
  );
}
