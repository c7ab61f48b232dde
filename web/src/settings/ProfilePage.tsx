// Profile: who the signed-in user is, and changing their name, email (with
// the current password) and password (which signs out their other
// sessions; tokens keep working).
import { useState, type FormEvent } from "react";

import { patch, post } from "../api/client";
import type { User } from "../api/types";
import { useSession } from "../auth/session";
import { ErrorMessage } from "../components/ErrorMessage";
import { PasswordInput } from "../components/PasswordInput";
import { initials } from "../layout/AppShell";
import { useAction } from "../lib/useAction";
import { usePageTitle } from "../lib/usePageTitle";
import { exactDate } from "../lib/time";

function AccountForm({ user, onSaved }: { user: User; onSaved(user: User): void }) {
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [currentPassword, setCurrentPassword] = useState("");
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useAction();
  const emailChanged = email.trim().toLowerCase() !== user.email.toLowerCase();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const ok = await run(async () => {
      const changed = await patch<User>("/api/auth/user", {
        name,
        ...(emailChanged ? { email, currentPassword } : {}),
      });
      onSaved(changed);
    });
    if (ok) {
      setCurrentPassword("");
      setSaved(true);
    }
  }

  return (
    <form className="form profile-form" onSubmit={submit} aria-labelledby="account-heading">
      <h3 id="account-heading">Name and email</h3>
      <label>
        Name
        <input value={name} required maxLength={100} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Email
        <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      {emailChanged && (
        <PasswordInput
          label={
            <>
              Current password <span className="muted">(to change the email you sign in with)</span>
            </>
          }
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
        />
      )}
      <ErrorMessage message={error} />
      <p role="status" className="hint">
        {saved ? "Saved." : ""}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        Save
      </button>
    </form>
  );
}

function PasswordForm() {
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const [changed, setChanged] = useState(false);
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setChanged(false);
    if (await run(() => post("/api/auth/password", { currentPassword, newPassword }))) {
      setCurrentPassword("");
      setNewPassword("");
      setChanged(true);
    }
  }

  return (
    <form className="form profile-form" onSubmit={submit} aria-labelledby="password-heading">
      <h3 id="password-heading">Password</h3>
      <PasswordInput
        label="Current password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
      />
      <PasswordInput
        label={
          <>
            New password <span className="muted">(at least 8 characters)</span>
          </>
        }
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
      />
      <ErrorMessage message={error} />
      <p role="status" className="hint">
        {changed ? "Password changed. Your other sessions were signed out; your tokens keep working." : ""}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        Change password
      </button>
    </form>
  );
}

export function ProfilePage() {
  const { user, updateUser } = useSession();
  usePageTitle("Profile", "Settings");
  if (!user) return null;
  return (
    <div className="page">
      <h2>Profile</h2>
      <div className="profile">
        <span className="avatar avatar-large" aria-hidden="true">
          {initials(user.name)}
        </span>
        <dl>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Member since</dt>
          <dd>{exactDate(user.createdTime)}</dd>
          {user.isAdmin && (
            <>
              <dt>Instance role</dt>
              <dd>Administrator</dd>
            </>
          )}
        </dl>
      </div>
      <AccountForm key={user.id} user={user} onSaved={updateUser} />
      <PasswordForm />
    </div>
  );
}
