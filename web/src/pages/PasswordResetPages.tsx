// "Forgot password?": asking for a reset link by e-mail (or, on a server
// that sends no e-mail, how to get the password reset by an administrator),
// and the page a mailed link opens to choose a new password.
import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";

import { post } from "../api/client";
import { EmailInput } from "../components/EmailInput";
import { ErrorMessage } from "../components/ErrorMessage";
import { PasswordInput } from "../components/PasswordInput";
import { PASSWORD_RESET_PREFIX, takeSecretFromAddressBar } from "../lib/linkSecret";
import { useAction } from "../lib/useAction";
import { usePageTitle } from "../lib/usePageTitle";
import { AuthFrame, useServerSetup } from "./AuthPages";

function BackToSignIn() {
  return (
    <p className="auth-switch">
      <Link to="/signin">Back to sign in</Link>
    </p>
  );
}

export function ForgotPasswordPage() {
  usePageTitle("Forgot password");
  const setup = useServerSetup();
  const [email, setEmail] = useState("");
  const [sent, setSent] = useState("");
  const { busy, error, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const answer = await post<{ message: string }>("/api/auth/password-reset", { email: email.trim() });
      setSent(answer.message);
    });
  }

  if (!setup) return <p className="loading">Loading…</p>;
  if (!setup.passwordResetByEmail) {
    return (
      <AuthFrame title="Forgot your password?">
        <p>This server does not send e-mail, so your password cannot be reset by a link.</p>
        <p>
          Ask the administrator of this Tessera server to set a new one for you. They run{" "}
          <code>tessera user reset-password --email you@example.com --password-stdin</code>.
        </p>
        <BackToSignIn />
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Forgot your password?">
      {sent ? (
        <p role="status">{sent}</p>
      ) : (
        <form className="form" onSubmit={submit}>
          <p>Enter the e-mail address of your account: we will send it a link to choose a new password.</p>
          <EmailInput value={email} onChange={setEmail} />
          <ErrorMessage message={error} />
          <button type="submit" className="primary wide" disabled={busy}>
            Send the link
          </button>
        </form>
      )}
      <BackToSignIn />
    </AuthFrame>
  );
}

export function ResetPasswordPage() {
  usePageTitle("Choose a new password");
  const [secret] = useState(() => takeSecretFromAddressBar(PASSWORD_RESET_PREFIX));
  const [password, setPassword] = useState("");
  const [repeated, setRepeated] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, setError, run } = useAction();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeated) {
      setError("The two passwords differ. Type the same new password twice.");
      return;
    }
    if (await run(() => post("/api/auth/password-reset/confirm", { secret, newPassword: password }))) setDone(true);
  }

  if (!secret) {
    return (
      <AuthFrame title="This link is incomplete">
        <p>
          Open the whole link from the e-mail, or <Link to="/forgot-password">ask for a new one</Link>.
        </p>
      </AuthFrame>
    );
  }
  if (done) {
    return (
      <AuthFrame title="Your password is changed">
        <p role="status">
          Sign in with your new password. Every other browser signed in to your account was signed out.
        </p>
        <p className="auth-switch">
          <Link to="/signin">Sign in</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Choose a new password">
      <form className="form" onSubmit={submit}>
        <PasswordInput label="New password" autoComplete="new-password" value={password} onChange={setPassword} />
        <PasswordInput label="New password again" autoComplete="new-password" value={repeated} onChange={setRepeated} />
        <p className="hint">At least 8 characters.</p>
        <ErrorMessage message={error} />
        <button type="submit" className="primary wide" disabled={busy}>
          Set the new password
        </button>
      </form>
      {error.includes("not valid") && (
        <p className="auth-switch">
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </AuthFrame>
  );
}
