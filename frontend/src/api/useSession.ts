'use client';

import { useSyncExternalStore } from 'react';
import { currentSession, subscribeSession, unknownSession, type SessionState } from './session';
import type { Role } from './types';

/** The session as this tab knows it; "unknown" until the page has asked. */
export function useSession(): SessionState {
  return useSyncExternalStore(subscribeSession, currentSession, () => unknownSession);
}

export function hasRole(session: SessionState, role: Role): boolean {
  return session.user?.roles.includes(role) ?? false;
}
