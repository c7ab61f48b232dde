// The code of the invitation link being followed. /invite#code keeps it in
// sessionStorage (and takes it out of the address bar) so it survives
// signing in or up on the way; accepting it forgets it.
const KEY = "tessera.invitation";
const CODE = /^tsr_inv_[0-9A-Za-z]{40}$/;

// Takes the code out of a link's fragment ("#tsr_inv_..."); "" if none.
export function codeFromFragment(hash: string): string {
  const code = decodeURIComponent(hash.replace(/^#/, "")).trim();
  return CODE.test(code) ? code : "";
}

export function rememberInvitation(code: string) {
  sessionStorage.setItem(KEY, code);
}

export function pendingInvitation(): string {
  return sessionStorage.getItem(KEY) ?? "";
}

export function forgetInvitation() {
  sessionStorage.removeItem(KEY);
}
