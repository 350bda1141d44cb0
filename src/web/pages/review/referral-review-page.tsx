import { Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { formatDateTime, waitedFor } from './format.ts';
import { referralPath } from './paths.ts';
import { type ReferralSummary, useReferralList } from './referrals-api.ts';

/**
 * Referrals to review (care team): requests for contact from the community and from people
 * themselves, oldest first with how long each has waited; then the other open referrals.
 */
export function ReferralReviewPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation('program');
  const { t: common } = useTranslation();
  const pending = useReferralList(site.id, 'pending_review');
  const open = useReferralList(site.id, 'open');
  const others = open.data?.referrals.filter((referral) => referral.status !== 'pending_review');
  return (
    <>
      <AppLink to={PATHS.home} size="sm">
        {common('common.backHome')}
      </AppLink>
      <PageTitle>{t('review.title')}</PageTitle>
      <Text mb="md">{t('review.intro')}</Text>

      <section aria-labelledby="pending-heading">
        <Title order={2} id="pending-heading" mt="lg" mb="xs">
          {t('review.pendingHeading')}
          {pending.data && ` (${pending.data.referrals.length})`}
        </Title>
        {pending.isPending && <PageLoader />}
        {pending.isError && <ErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
        {pending.data &&
          (pending.data.referrals.length === 0 ? (
            <Text c="dimmed">{t('review.pendingEmpty')}</Text>
          ) : (
            <ReferralList referrals={pending.data.referrals} showWait />
          ))}
      </section>

      <section aria-labelledby="open-heading">
        <Title order={2} id="open-heading" mt="xl" mb="xs">
          {t('review.openHeading')}
          {others && ` (${others.length})`}
        </Title>
        {open.isPending && <PageLoader />}
        {open.isError && <ErrorAlert error={open.error} onRetry={() => void open.refetch()} />}
        {others &&
          (others.length === 0 ? (
            <Text c="dimmed">{t('review.openEmpty')}</Text>
          ) : (
            <ReferralList referrals={others} showWait={false} />
          ))}
      </section>
    </>
  );
}

function ReferralList({ referrals, showWait }: { referrals: ReferralSummary[]; showWait: boolean }) {
  const { t, i18n } = useTranslation('program');
  const now = Date.now();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {referrals.map((referral) => (
        <Card component="li" key={referral.id} withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <AppLink to={referralPath(referral.id)} fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
                {referral.nameOrAlias}
              </AppLink>
              <Text size="sm">
                {t(`pathway.${referral.pathway}`)}
                {referral.area ? ` · ${referral.area}` : ''}
              </Text>
              <Text size="sm" c="dimmed">
                {showWait
                  ? t('review.waiting', { time: waitedFor(referral.occurredAt, now, t) })
                  : formatDateTime(referral.occurredAt, i18n.language)}
              </Text>
            </div>
            <Badge
              variant="dot"
              color={referral.status === 'pending_review' ? 'orange' : 'blue'}
              tt="none"
              c="dark.9"
            >
              {t(`status.${referral.status}`, { defaultValue: referral.status })}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
