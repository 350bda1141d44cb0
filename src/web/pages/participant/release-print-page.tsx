import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LanguageSwitch } from '../../components/language-switch.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { formatDateTime } from '../review/format.ts';
import { type Release, useRelease } from './participant-api.ts';
import { participantPath } from './paths.ts';
import './release-print.css';

/** A print-friendly copy of a release, with every element, for the person to keep (en and es). */
export function ReleasePrintPage({
  site,
  participantId,
  releaseId,
}: {
  site: SessionSite;
  participantId: string;
  releaseId: string;
}) {
  const { t } = useTranslation('participant');
  const release = useRelease(site.id, participantId, releaseId);
  return (
    <>
      <Group justify="space-between" className="no-print" mb="sm">
        <AppLink to={participantPath(participantId)} size="sm">
          {t('print.back')}
        </AppLink>
        <LanguageSwitch />
      </Group>
      <PageTitle>{t('print.title')}</PageTitle>
      {release.isPending && <PageLoader />}
      {release.isError && <ErrorAlert error={release.error} onRetry={() => void release.refetch()} />}
      {release.data && <Printable release={release.data} />}
    </>
  );
}

function Printable({ release }: { release: Release }) {
  const { t, i18n } = useTranslation('participant');
  return (
    <article className="release-print" data-testid="release-print">
      <Button className="no-print" onClick={() => window.print()} mb="md">
        {t('print.print')}
      </Button>
      <Text mb="sm">{t('print.intro')}</Text>
      <dl>
        <dt>{t('release.personName')}</dt>
        <dd>{release.personName}</dd>
        <dt>{t('release.discloser')}</dt>
        <dd>{release.discloser}</dd>
        <dt>{t('release.categories')}</dt>
        <dd>{release.categories.map((category) => t(`category.${category}`)).join('\n')}</dd>
        <dt>{t('release.recipients')}</dt>
        <dd>
          {release.recipients
            .map((recipient) => `${recipient.name} (${t(`recipient.${recipient.kind}`)})`)
            .join('\n')}
        </dd>
        <dt>{t('release.purpose')}</dt>
        <dd>{release.purpose}</dd>
        <dt>{t('release.revocationTerms')}</dt>
        <dd>{release.revocationTerms}</dd>
        <dt>{t('release.expiry')}</dt>
        <dd>{release.expiresOn ?? release.expiryEvent}</dd>
        <dt>{t('release.signature')}</dt>
        <dd>
          {release.signature.kind === 'typed' ? (
            <span style={{ fontFamily: 'cursive', fontSize: '1.4em' }}>{release.signature.typedName}</span>
          ) : (
            <img src={release.signature.image} alt={t('print.drawnSignature')} />
          )}
        </dd>
        <dt>{t('release.signedOn')}</dt>
        <dd>{release.signedOn}</dd>
        {release.revokedAt && (
          <>
            <dt>{t('releases.revoked')}</dt>
            <dd>{formatDateTime(release.revokedAt, i18n.language)}</dd>
          </>
        )}
      </dl>
    </article>
  );
}
