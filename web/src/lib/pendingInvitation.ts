// The code of the invitation link being followed. /invite#code keeps it in
// sessionStorage (and takes it out of the address bar) so it survives
// signing in or up on the way; accepting it forgets it.
const KEY = "tessera.invitation";

export function rememberInvitation(code: string) {
  sessionStorage.setItem(KEY, code);
}

export function pendingInvitation(): string {
  return sessionStorage.getItem(KEY) ?? "";
}

export function forgetInvitation() {
  sessionStorage.removeItem(KEY);
}
