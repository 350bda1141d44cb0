import { Alert, Button, Card, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/api-context.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useLinkProvider, usePartnerList } from './directory-api.ts';

/**
 * A program manager says which partner organization a provider account works for; that account
 * then sees only the referrals sent to it.
 */
export function LinkProviderForm({ siteId }: { siteId: string }) {
  const { t } = useTranslation('directory');
  const api = useApi();
  const staff = useQuery({ queryKey: ['staff', siteId], queryFn: () => api.listStaff(siteId) });
  const partners = usePartnerList(siteId);
  const link = useLinkProvider(siteId);
  const [userId, setUserId] = useState('');
  const [organizationId, setOrganizationId] = useState('');
  const providers = (staff.data?.staff ?? []).filter((member) => member.roles.includes('provider'));
  if (staff.isSuccess && providers.length === 0) return null;
  function submit(event: FormEvent) {
    event.preventDefault();
    link.mutate({ userId, organizationId });
  }
  return (
    <Card withBorder padding="md" mb="md" component="form" onSubmit={submit} aria-label={t('link.heading')}>
      <Title order={2} size="h4" mb="xs">
        {t('link.heading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('link.intro')}
      </Text>
      <Stack gap="sm">
        <NativeSelect
          label={t('link.provider')}
          size="md"
          required
          value={userId}
          onChange={(event) => setUserId(event.currentTarget.value)}
          data={[
            { value: '', label: t('choose') },
            ...providers.map((member) => ({
              value: member.userId,
              label: `${member.displayName} (${member.email})`,
            })),
          ]}
        />
        <NativeSelect
          label={t('link.organization')}
          size="md"
          required
          value={organizationId}
          onChange={(event) => setOrganizationId(event.currentTarget.value)}
          data={[
            { value: '', label: t('choose') },
            ...(partners.data?.organizations ?? []).map((organization) => ({
              value: organization.id,
              label: organization.name,
            })),
          ]}
        />
        {link.isError && <ErrorAlert error={link.error} />}
        {link.isSuccess && (
          <Alert color="green" role="status">
            {t('link.done', { organization: link.data.organizationName })}
          </Alert>
        )}
        <Button type="submit" size="md" loading={link.isPending} disabled={!userId || !organizationId}>
          {t('link.submit')}
        </Button>
      </Stack>
    </Card>
  );
}
