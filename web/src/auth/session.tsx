// Who is signed in: loaded once from /api/auth/user, set by sign-in and
// sign-up, cleared by sign-out or when the server says the session ended.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

import { ApiError, get, post, setSignedOutHandler } from "../api/client";
import type { User } from "../api/types";

interface Session {
  user: User | null;
  loading: boolean;
  signIn(email: string, password: string): Promise<void>;
  // `invitation`: the code of an invitation link being followed ("" if none).
  signUp(name: string, email: string, password: string, invitation: string): Promise<void>;
  signOut(): Promise<void>;
  // After the profile page changed the account.
  updateUser(user: User): void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null>(null);
  const [loading, setLoading] = useState(true);

  useEffect(() => {
    setSignedOutHandler(() => setUser(null));
    get<User>("/api/auth/user")
      .then(setUser)
      .catch((error) => {
        if (!(error instanceof ApiError && error.status === 401)) console.warn(error);
      })
      .finally(() => setLoading(false));
  }, []);

  const signIn = useCallback(async (email: string, password: string) => {
    const answer = await post<{ user: User }>("/api/auth/signin", { email, password });
    setUser(answer.user);
  }, []);

  const signUp = useCallback(async (name: string, email: string, password: string, invitation: string) => {
    const answer = await post<{ user: User }>("/api/auth/signup", {
      name,
      email,
      password,
      ...(invitation ? { invitation } : {}),
    });
    setUser(answer.user);
  }, []);

  const signOut = useCallback(async () => {
    await post("/api/auth/signout").catch(() => undefined);
    setUser(null);
  }, []);

  const value = useMemo(
    () => ({ user, loading, signIn, signUp, signOut, updateUser: setUser }),
    [user, loading, signIn, signUp, signOut],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}
