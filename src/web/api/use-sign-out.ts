import { useMutation } from '@tanstack/react-query';
import { navigate } from '../routing.ts';
import { clearStoredExceptLanguage } from '../storage.ts';
import { useApi } from './api-context.tsx';
import { ApiError } from './client.ts';
import { useReplaceSession } from './session.ts';

/**
 * Ends the session on the server, then forgets this user here: cached data and stored choices
 * (except the language). A session that had already ended counts as signed out.
 */
export function useSignOut() {
  const api = useApi();
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: async () => {
      try {
        await api.logOut();
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      clearStoredExceptLanguage();
      replaceSession(null);
      navigate('/', { replace: true });
    },
  });
}
