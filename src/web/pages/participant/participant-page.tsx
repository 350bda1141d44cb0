import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { PATHS } from '../../routing.ts';
import { AppointmentsSection } from './appointments-section.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { ExitSection } from './exit-section.tsx';
import { FundsSection } from './funds-section.tsx';
import { IntakeSection } from './intake-section.tsx';
import { useParticipant } from './participant-api.ts';
import { ParticipantSummarySection } from './participant-summary.tsx';
import { PlanSection } from './plan-section.tsx';
import { ReleasesSection } from './releases-section.tsx';
import type { ParticipantSection } from './section.ts';
import { ServiceReferralsSection } from './service-referrals-section.tsx';
import { TimelineSection } from './timeline-section.tsx';

/**
 * The participant page's sections, top to bottom. A feature adds its own (contacts, plan, service
 * referrals, appointments, funds, exit) with one import and one line here; each section gets the
 * site and the participant's record, and loads anything more it needs itself.
 */
const SECTIONS: readonly ParticipantSection[] = [
  ParticipantSummarySection,
  ContactsSection,
  PlanSection,
  IntakeSection,
  ReleasesSection,
  ServiceReferralsSection,
  AppointmentsSection,
  FundsSection,
  ExitSection,
  TimelineSection,
];

/** One participant's record, for the care team (the server audits each read). */
export function ParticipantPage({ site, participantId }: { site: SessionSite; participantId: string }) {
  const { t } = useTranslation('participant');
  const participant = useParticipant(site.id, participantId);
  return (
    <>
      <AppLink to={PATHS.participants} size="sm">
        {t('page.back')}
      </AppLink>
      {participant.isPending && (
        <>
          <PageTitle>{t('page.title')}</PageTitle>
          <PageLoader />
        </>
      )}
      {participant.isError && (
        <>
          <PageTitle>{t('page.title')}</PageTitle>
          <ErrorAlert error={participant.error} onRetry={() => void participant.refetch()} />
        </>
      )}
      {participant.data && (
        <>
          <PageTitle>{participant.data.nameOrAlias}</PageTitle>
          <Stack gap="xl">
            {SECTIONS.map((Section, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list of sections is fixed
              <Section key={index} site={site} participant={participant.data} />
            ))}
          </Stack>
        </>
      )}
    </>
  );
}
