import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { createVaultApi, type VaultApi } from '../api/vault-api';
import { type Session, sessionFromToken } from './session';

interface SessionState {
  readonly session: Session | null;
  /** Why the user was signed out, when it was not their own choice. */
  readonly ended: boolean;
  signIn(token: string): Session;
  signOut(options?: { ended?: boolean }): void;
  readonly api: VaultApi;
}

// Per tab and gone when the tab closes: a bank session should not outlive the window it was opened in.
const STORAGE_KEY = 'kluis.token';
const SessionContext = createContext<SessionState | null>(null);

function storedSession(): Session | null {
  const token = window.sessionStorage.getItem(STORAGE_KEY);
  return token ? sessionFromToken(token, Date.now()) : null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(storedSession);
  const [ended, setEnded] = useState(false);

  const signOut = useCallback((options: { ended?: boolean } = {}) => {
    window.sessionStorage.removeItem(STORAGE_KEY);
    setSession(null);
    setEnded(options.ended ?? false);
  }, []);

  const signIn = useCallback((token: string) => {
    const next = sessionFromToken(token, Date.now());
    if (!next) throw new Error('the token cannot be read or has expired');
    window.sessionStorage.setItem(STORAGE_KEY, token);
    setSession(next);
    setEnded(false);
    return next;
  }, []);

  const api = useMemo(() => createVaultApi(() => session?.token ?? null, () => signOut({ ended: true })), [session, signOut]);
  const value = useMemo(() => ({ session, ended, signIn, signOut, api }), [session, ended, signIn, signOut, api]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider');
  return state;
}

/** The signed-in user's session, on pages only they reach. */
export function useSignedIn(): Session {
  const { session } = useSession();
  if (!session) throw new Error('this page needs a signed-in user');
  return session;
}
