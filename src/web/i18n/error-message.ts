import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Turns an error into words in the chosen language: by its code, else the server's message. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      return t(`errors.${error.code}`, { defaultValue: error.message || t('errors.UNKNOWN') });
    }
    return t('errors.UNKNOWN');
  };
}
