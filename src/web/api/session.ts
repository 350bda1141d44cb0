import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './api-context.tsx';
import type { Session } from './types.ts';

export const SESSION_KEY = ['session'] as const;

/** The signed-in session (null: nobody is signed in). Read once, then set by sign-in steps. */
export function useSession() {
  const api = useApi();
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: () => api.getSession(),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Replaces the session; when it ends, everything else cached about the user is dropped too. */
export function replaceSession(queryClient: QueryClient, session: Session | null): void {
  if (!session) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
  queryClient.setQueryData(SESSION_KEY, session);
}

export function useReplaceSession(): (session: Session | null) => void {
  const queryClient = useQueryClient();
  return (session) => replaceSession(queryClient, session);
}
