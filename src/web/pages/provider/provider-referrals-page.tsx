import { Alert, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import {
  useAnswerReferral,
  useProviderOrganization,
  useProviderReferrals,
} from '../directory/directory-api.ts';
import type { ProviderReferral } from '../directory/directory-types.ts';
import { ReferralHistory } from '../directory/referral-history.tsx';
import { ServiceCard } from '../directory/service-card.tsx';
import { StatusChangeForm } from '../directory/status-change-form.tsx';
import { ReferralStatusBadge } from '../participant/service-referrals-section.tsx';

/** A partner agency's home: the referrals sent to their organization, and their services' capacity. */
export function ProviderReferralsPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation('directory');
  const { t: common } = useTranslation();
  const referrals = useProviderReferrals(site.id);
  const linked = referrals.data?.organization !== null && referrals.data !== undefined;
  const organization = useProviderOrganization(site.id, linked);
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('provider.title')}</PageTitle>
      {referrals.isPending && <PageLoader />}
      {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
      {referrals.data && referrals.data.organization === null && (
        <Alert color="yellow">{t('provider.notLinked')}</Alert>
      )}
      {referrals.data?.organization && (
        <>
          <Text mb="md">{t('provider.for', { organization: referrals.data.organization.name })}</Text>
          {referrals.data.referrals.length === 0 ? (
            <Text c="dimmed">{t('provider.none')}</Text>
          ) : (
            <Stack gap="sm">
              {referrals.data.referrals.map((referral) => (
                <ProviderReferralCard key={referral.id} siteId={site.id} referral={referral} />
              ))}
            </Stack>
          )}
          <Title order={2} size="h3" mt="xl" mb="xs">
            {t('provider.ourServices')}
          </Title>
          {organization.isError && <ErrorAlert error={organization.error} />}
          <Stack gap="sm">
            {organization.data?.services.map((service) => (
              <ServiceCard key={service.id} siteId={site.id} service={service} canSetCapacity />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}

function ProviderReferralCard({ siteId, referral }: { siteId: string; referral: ProviderReferral }) {
  const { t } = useTranslation('directory');
  const answer = useAnswerReferral(siteId);
  return (
    <Card withBorder padding="md" data-testid="provider-referral">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={700} size="lg">
            {referral.nameOrAlias}
          </Text>
          <Text size="sm">{referral.service.name}</Text>
        </div>
        <ReferralStatusBadge status={referral.status} />
      </Group>
      <Text size="sm" mt="xs">
        <b>{t('provider.released')}:</b>{' '}
        {referral.disclosed.map((category) => t(`provider.releaseCategory.${category}`)).join(', ')}
      </Text>
      <Text size="sm">
        <b>{t('provider.enrolment')}:</b>{' '}
        {referral.enrolmentStatus
          ? t(`provider.enrolmentStatus.${referral.enrolmentStatus}`)
          : t('provider.notShared')}
      </Text>
      <Text size="sm">
        <b>{t('provider.contact')}:</b>{' '}
        {referral.contactMethods
          ? referral.contactMethods
              .map((method) => `${method.value}${method.note ? ` (${method.note})` : ''}`)
              .join('; ') || '—'
          : t('provider.notShared')}
      </Text>
      <Text size="sm" data-testid="provider-engagement">
        <b>{t('provider.engagement')}:</b>{' '}
        {referral.engagementLevel
          ? t(`provider.engagementLevel.${referral.engagementLevel}`)
          : t('provider.notShared')}
      </Text>
      <PartnerAttendance attendance={referral.attendance} />
      <ReferralHistory history={referral.history} />
      <StatusChangeForm
        label={t('provider.answer')}
        nextStatuses={referral.nextStatuses}
        pending={answer.isPending}
        error={answer.error}
        onChange={(body, done) => answer.mutate({ referralId: referral.id, ...body }, { onSuccess: done })}
      />
    </Card>
  );
}

/** Attendance of this organization's own appointments, under the release: counts, then each date. */
function PartnerAttendance({ attendance }: { attendance: ProviderReferral['attendance'] }) {
  const { t, i18n } = useTranslation('directory');
  if (!attendance)
    return (
      <Text size="sm" data-testid="provider-attendance">
        <b>{t('provider.attendance')}:</b> {t('provider.notShared')}
      </Text>
    );
  return (
    <div data-testid="provider-attendance">
      <Text size="sm">
        <b>{t('provider.attendance')}:</b>{' '}
        {t('provider.attendanceCounts', { attended: attendance.attended, missed: attendance.missed })}
      </Text>
      {attendance.appointments.length > 0 && (
        <Text size="sm" c="dimmed">
          {attendance.appointments
            .map(
              (appointment) =>
                `${new Date(`${appointment.date}T12:00:00Z`).toLocaleDateString(i18n.language, {
                  dateStyle: 'medium',
                  timeZone: 'UTC',
                })}: ${t(`provider.appointmentStatus.${appointment.status}`)}`,
            )
            .join(' · ')}
        </Text>
      )}
    </div>
  );
}
