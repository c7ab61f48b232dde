// The secret of a link Tessera mails or hands out (an invitation, a password
// reset) sits in the URL's fragment, which browsers never send to a server.
// A page reads it once and takes it out of the address bar.
export const INVITATION_PREFIX = "tsr_inv_";
export const PASSWORD_RESET_PREFIX = "tsr_pwr_";

// The secret with `prefix` in a fragment ("#tsr_..."); "" if there is none.
export function secretFromFragment(hash: string, prefix: string): string {
  const secret = decodeURIComponent(hash.replace(/^#/, "")).trim();
  return secret.startsWith(prefix) && /^[0-9A-Za-z]{40}$/.test(secret.slice(prefix.length)) ? secret : "";
}

// Reads the secret from this page's fragment and removes the fragment.
export function takeSecretFromAddressBar(prefix: string): string {
  const secret = secretFromFragment(window.location.hash, prefix);
  if (window.location.hash) {
    window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
  }
  return secret;
}
