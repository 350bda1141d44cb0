import { Button, Code, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { SESSION_KEY } from '../../api/session.ts';
import { useSignOut } from '../../api/use-sign-out.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PublicLayout } from '../../components/public-layout.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

/**
 * Setting up the second factor: scan the QR code (or type the key), confirm with a first code,
 * then save the recovery codes. The session is re-read only after the codes are saved.
 */
export function MfaEnrolmentPage() {
  const { t } = useTranslation();
  const api = useApi();
  const queryClient = useQueryClient();
  const signOut = useSignOut();
  const [code, setCode] = useState('');
  // Starting enrolment makes a new secret: fetch it once, never again behind the user's back.
  const enrolment = useQuery({
    queryKey: ['mfa-enrolment'],
    queryFn: () => api.startMfaEnrolment(),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
  const confirm = useMutation({ mutationFn: () => api.confirmMfaEnrolment(code.replace(/\s+/g, '')) });
  const finish = () => {
    queryClient.removeQueries({ queryKey: ['mfa-enrolment'] });
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  };
  if (confirm.data) {
    return (
      <PublicLayout>
        <RecoveryCodes codes={confirm.data.recoveryCodes} onContinue={finish} />
      </PublicLayout>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    confirm.mutate();
  };
  return (
    <PublicLayout>
      <PageTitle>{t('mfa.enrolTitle')}</PageTitle>
      <Text mb="md">{t('mfa.enrolIntro')}</Text>
      {enrolment.isPending && <PageLoader />}
      {enrolment.isError && <ErrorAlert error={enrolment.error} onRetry={() => void enrolment.refetch()} />}
      {enrolment.data && (
        <form onSubmit={submit}>
          <Stack gap="md">
            <Text>{t('mfa.enrolStep1')}</Text>
            <Image src={enrolment.data.qrCodeDataUrl} alt={t('mfa.qrAlt')} w={200} h={200} mx="auto" />
            <Text id="mfa-secret-label">{t('mfa.enrolStep2')}</Text>
            <Code block aria-labelledby="mfa-secret-label" fz="md" style={{ wordBreak: 'break-all' }}>
              {enrolment.data.secret}
            </Code>
            <TextInput
              label={t('mfa.enrolStep3')}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              maxLength={6}
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            {confirm.isError && <ErrorAlert error={confirm.error} />}
            <Button type="submit" size="md" loading={confirm.isPending}>
              {t('mfa.confirm')}
            </Button>
          </Stack>
        </form>
      )}
      <Group justify="flex-end" mt="md">
        <Button variant="subtle" color="gray" onClick={() => signOut.mutate()}>
          {t('mfa.cancel')}
        </Button>
      </Group>
    </PublicLayout>
  );
}
