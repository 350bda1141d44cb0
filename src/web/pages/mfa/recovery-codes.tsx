import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../../components/page-title.tsx';

/** The recovery codes, shown once, until the user says they have saved them. */
export function RecoveryCodes({ codes, onContinue }: { codes: string[]; onContinue: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <PageTitle>{t('mfa.recoveryTitle')}</PageTitle>
      <Alert color="yellow" variant="light" role="note">
        {t('mfa.recoveryCodesIntro')}
      </Alert>
      <Text fw={700} id="recovery-codes-label">
        {t('mfa.recoveryListLabel')}
      </Text>
      <ol className="recovery-codes" aria-labelledby="recovery-codes-label">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Button size="md" onClick={onContinue}>
        {t('mfa.saved')}
      </Button>
    </Stack>
  );
}
