import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { useReplaceSession } from '../../api/session.ts';
import { useSignOut } from '../../api/use-sign-out.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';

/** The second step of signing in: a code from the authenticator app, or a recovery code. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  const api = useApi();
  const replaceSession = useReplaceSession();
  const signOut = useSignOut();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useMutation({
    mutationFn: () => {
      const entered = value.replace(/\s+/g, '');
      return api.verifyMfa(useRecovery ? { recoveryCode: entered } : { code: entered });
    },
    onSuccess: replaceSession,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    verify.mutate();
  };
  const switchMode = () => {
    setUseRecovery(!useRecovery);
    setValue('');
    verify.reset();
  };
  return (
    <PublicLayout>
      <PageTitle>{t('mfa.verifyTitle')}</PageTitle>
      <Text mb="md">{useRecovery ? t('mfa.recoveryIntro') : t('mfa.verifyIntro')}</Text>
      <form onSubmit={submit}>
        <Stack gap="md">
          {useRecovery ? (
            <TextInput
              key="recovery"
              label={t('mfa.recoveryCode')}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              minLength={6}
              maxLength={64}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              key="code"
              label={t('mfa.code')}
              description={t('mfa.codeHint')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              maxLength={6}
              value={value}
              onChange={(event) => setValue(event.currentTarget.value)}
            />
          )}
          {verify.isError && <ErrorAlert error={verify.error} />}
          <Button type="submit" size="md" loading={verify.isPending}>
            {t('mfa.continue')}
          </Button>
          <Group justify="space-between">
            <Button variant="subtle" onClick={switchMode}>
              {useRecovery ? t('mfa.useAppCode') : t('mfa.useRecoveryCode')}
            </Button>
            <Button variant="subtle" color="gray" onClick={() => signOut.mutate()}>
              {t('mfa.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </PublicLayout>
  );
}
