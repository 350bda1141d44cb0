import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, MFA_CODES, SIGNED_OUT_CODES } from './client.ts';
import { replaceSession, SESSION_KEY } from './session.ts';

/**
 * The app's query cache. Any answer saying the session is gone sends the user back to sign in;
 * any saying the second factor is due re-reads the session, which shows the MFA step.
 */
export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (!(error instanceof ApiError)) return;
    if (SIGNED_OUT_CODES.has(error.code)) replaceSession(queryClient, null);
    else if (MFA_CODES.has(error.code)) void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Client errors will not change on retry; network and server errors might.
        retry: (failures, error) =>
          failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
