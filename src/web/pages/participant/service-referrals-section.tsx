import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import {
  useChangeServiceReferral,
  useDirectory,
  useSendServiceReferral,
  useServiceReferrals,
} from '../directory/directory-api.ts';
import type { ServiceReferral } from '../directory/directory-types.ts';
import { ReferralHistory } from '../directory/referral-history.tsx';
import { StatusChangeForm } from '../directory/status-change-form.tsx';
import type { ParticipantSectionProps } from './section.ts';

const ALL = { q: '', category: '', language: '', capacity: '' };

/** The participant's referrals to partner services: send one, follow each, change its status. */
export function ServiceReferralsSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('directory');
  const referrals = useServiceReferrals(site.id, participant.id);
  return (
    <section aria-labelledby="service-referrals-heading">
      <Title order={2} size="h3" id="service-referrals-heading" mb="xs">
        {t('referrals.heading')}
      </Title>
      {referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data &&
        (referrals.data.referrals.length === 0 ? (
          <Text c="dimmed">{t('referrals.none')}</Text>
        ) : (
          <Stack gap="sm">
            {referrals.data.referrals.map((referral) => (
              <ReferralCard
                key={referral.id}
                siteId={site.id}
                participantId={participant.id}
                referral={referral}
              />
            ))}
          </Stack>
        ))}
      <SendReferral siteId={site.id} participantId={participant.id} />
    </section>
  );
}

export function ReferralStatusBadge({ status }: { status: ServiceReferral['status'] }) {
  const { t } = useTranslation('directory');
  const color =
    status === 'completed' ? 'green' : ['rejected', 'failed', 'cancelled'].includes(status) ? 'gray' : 'blue';
  return (
    <Badge color={color} size="lg" tt="none">
      {t(`referralStatus.${status}`)}
    </Badge>
  );
}

function ReferralCard({
  siteId,
  participantId,
  referral,
}: {
  siteId: string;
  participantId: string;
  referral: ServiceReferral;
}) {
  const { t } = useTranslation('directory');
  const change = useChangeServiceReferral(siteId, participantId);
  return (
    <Card withBorder padding="md" data-testid="service-referral">
      <Group justify="space-between" align="flex-start">
        <Text fw={600}>
          {t('referrals.sentTo', {
            service: referral.service.name,
            organization: referral.organization.name,
          })}
        </Text>
        <ReferralStatusBadge status={referral.status} />
      </Group>
      <ReferralHistory history={referral.history} />
      <StatusChangeForm
        label={t('referrals.change')}
        nextStatuses={referral.nextStatuses}
        pending={change.isPending}
        error={change.error}
        onChange={(body, done) => change.mutate({ referralId: referral.id, ...body }, { onSuccess: done })}
      />
    </Card>
  );
}

function SendReferral({ siteId, participantId }: { siteId: string; participantId: string }) {
  const { t } = useTranslation('directory');
  const [open, setOpen] = useState(false);
  const [serviceId, setServiceId] = useState('');
  const [reason, setReason] = useState('');
  const directory = useDirectory(siteId, ALL);
  const send = useSendServiceReferral(siteId, participantId);
  if (!open)
    return (
      <Button mt="sm" size="md" variant="light" onClick={() => setOpen(true)}>
        {t('referrals.send')}
      </Button>
    );
  function submit(event: FormEvent) {
    event.preventDefault();
    if (!serviceId) return;
    send.mutate(
      { serviceId, reason },
      {
        onSuccess: () => {
          setOpen(false);
          setServiceId('');
          setReason('');
        },
      },
    );
  }
  return (
    <Card withBorder padding="md" mt="sm" component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('referrals.releaseNeeded')}
        </Text>
        <NativeSelect
          label={t('referrals.service')}
          size="md"
          required
          value={serviceId}
          onChange={(event) => setServiceId(event.currentTarget.value)}
          data={[
            { value: '', label: t('referrals.servicePlaceholder') },
            ...(directory.data?.services ?? []).map((service) => ({
              value: service.id,
              label: `${service.name} — ${service.organizationName} (${t(`capacity.${service.capacity}`)})`,
            })),
          ]}
        />
        <Textarea
          label={t('referrals.reason')}
          size="md"
          required
          autosize
          maxLength={500}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
        />
        {send.isError && <ErrorAlert error={send.error} />}
        <Button
          type="submit"
          size="md"
          loading={send.isPending}
          disabled={!serviceId || reason.trim() === ''}
        >
          {t('referrals.submit')}
        </Button>
        <Button variant="subtle" size="md" onClick={() => setOpen(false)}>
          {t('referrals.cancel')}
        </Button>
      </Stack>
    </Card>
  );
}
