// The OAuth code exchange as a client makes it (RFC 6749 §4.1.3), for the
// browser and MCP tests: POST /oauth/token with the code, the redirect URI
// it was asked for and the PKCE verifier. Returns the status and the JSON.
export async function exchangeCode(
  base,
  { clientId, code, redirectUri, verifier },
) {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: clientId,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }),
  });
  return { status: response.status, json: await response.json() };
}
