// Sign in and sign up: one form each, with the server's message on failure.
// A fresh server opens on sign-up; a closed sign-up is not offered.
import { useEffect, useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router-dom";

import { get } from "../api/client";
import { useSession } from "../auth/session";
import { EmailInput } from "../components/EmailInput";
import { ErrorMessage } from "../components/ErrorMessage";
import { pendingInvitation } from "../lib/pendingInvitation";
import { useAction } from "../lib/useAction";

export function AuthFrame({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <main className="auth-page">
      <div className="auth-card">
        <img src="/favicon.svg" alt="" width="40" height="40" />
        <h1>{title}</h1>
        {children}
      </div>
    </main>
  );
}

// Where to go once signed in: the page that sent the person here, or home.
function useReturnPath(): string {
  const location = useLocation();
  return (location.state as { from?: string } | null)?.from ?? "/";
}

function useAfterSignIn() {
  const navigate = useNavigate();
  const from = useReturnPath();
  return () => navigate(from, { replace: true });
}

interface ServerSetup {
  fresh: boolean;
  signupOpen: boolean;
  passwordResetByEmail: boolean;
}

// A fresh server (no account yet) opens on "Create account"; a server
// whose sign-up is closed offers none.
export function useServerSetup(): ServerSetup | null {
  const [setup, setSetup] = useState<ServerSetup | null>(null);
  useEffect(() => {
    get<ServerSetup>("/api/auth/setup").then(setSetup, () =>
      setSetup({ fresh: false, signupOpen: true, passwordResetByEmail: false }),
    );
  }, []);
  return setup;
}

export function SignInPage() {
  const { user, signIn } = useSession();
  const done = useAfterSignIn();
  const returnPath = useReturnPath();
  const setup = useServerSetup();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, run } = useAction();
  if (user) return <Navigate to={returnPath} replace />;
  if (setup?.fresh) return <Navigate to="/signup" replace state={location.state} />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (await run(() => signIn(email, password))) done();
  }

  return (
    <AuthFrame title="Sign in to Tessera">
      <form className="form" onSubmit={submit}>
        <EmailInput value={email} onChange={setEmail} />
        <label>
          Password
          <input
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <ErrorMessage message={error} />
        <button type="submit" className="primary wide" disabled={busy}>
          Sign in
        </button>
      </form>
      <p className="auth-switch">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      {(setup?.signupOpen !== false || pendingInvitation() !== "") && (
        <p className="auth-switch">
          New to Tessera?{" "}
          <Link to="/signup" state={location.state}>
            Create an account
          </Link>
        </p>
      )}
    </AuthFrame>
  );
}

export function SignUpPage() {
  const { user, signUp } = useSession();
  const done = useAfterSignIn();
  const returnPath = useReturnPath();
  const location = useLocation();
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, setError, run } = useAction();
  if (user) return <Navigate to={returnPath} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problem = !name.trim()
      ? "Enter your name."
      : !email.includes("@")
        ? "Enter your email address."
        : password.length < 8
          ? "Choose a password of at least 8 characters."
          : "";
    if (problem) setError(problem);
    else if (await run(() => signUp(name, email, password, pendingInvitation()))) done();
  }

  return (
    <AuthFrame title="Create your Tessera account">
      <form className="form" onSubmit={submit} noValidate>
        <label>
          Name
          <input autoComplete="name" required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label>
          Email
          <input type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          Password
          <input
            type="password"
            autoComplete="new-password"
            required
            aria-describedby="password-hint"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p id="password-hint" className="hint">
          At least 8 characters.
        </p>
        <ErrorMessage message={error} />
        <button type="submit" className="primary wide" disabled={busy}>
          Sign up
        </button>
      </form>
      <p className="auth-switch">
        Already have an account?{" "}
        <Link to="/signin" state={location.state}>
          Sign in
        </Link>
      </p>
    </AuthFrame>
  );
}
