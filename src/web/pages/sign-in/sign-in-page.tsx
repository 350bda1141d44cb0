import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { useReplaceSession } from '../../api/session.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';

/** E-mail and password; the answer's mfaState decides what comes next. */
export function SignInPage() {
  const { t } = useTranslation();
  const api = useApi();
  const replaceSession = useReplaceSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const logIn = useMutation({
    mutationFn: () => api.logIn({ email: email.trim(), password }),
    onSuccess: replaceSession,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    logIn.mutate();
  };
  return (
    <PublicLayout>
      <PageTitle>{t('signIn.title')}</PageTitle>
      <Text mb="md">{t('signIn.intro')}</Text>
      <form onSubmit={submit}>
        <Stack gap="md">
          <TextInput
            label={t('signIn.email')}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
          />
          <PasswordInput
            label={t('signIn.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('signIn.showPassword') }}
          />
          {logIn.isError && <ErrorAlert error={logIn.error} title={t('signIn.failedTitle')} />}
          <Button type="submit" size="md" loading={logIn.isPending}>
            {t('signIn.submit')}
          </Button>
        </Stack>
      </form>
    </PublicLayout>
  );
}
