import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../i18n/error-message.ts';

/** An error from the API, in the chosen language, announced to screen readers. */
export function ErrorAlert({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string | undefined;
  onRetry?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  return (
    <Alert color="red" variant="light" role="alert" title={title ?? t('common.errorTitle')} my="sm">
      {describe(error)}
      {onRetry && (
        <Button variant="default" size="xs" ml="sm" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  );
}
