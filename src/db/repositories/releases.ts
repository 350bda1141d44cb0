import type { ReleaseCategory, ReleaseRecipient } from '../../domain/participants/release.ts';
import type { Tx } from '../scope.ts';

export type ReleaseRecord = {
  id: string;
  participantId: string;
  personName: string;
  discloser: string;
  categories: ReleaseCategory[];
  recipients: ReleaseRecipient[];
  purpose: string;
  revocationTerms: string;
  expiresOn: string | null;
  expiryEvent: string | null;
  signatureKind: 'typed' | 'drawn';
  signature: string;
  signedOn: string;
  recordedBy: string | null;
  recordedAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
  revocationNote: string | null;
  /** Display names of who recorded and who revoked it (never shown outside the care team). */
  recordedByName?: string | null;
  revokedByName?: string | null;
};

export type NewRelease = Omit<
  ReleaseRecord,
  'id' | 'recordedBy' | 'revokedAt' | 'revokedBy' | 'revocationNote'
> & { recordedBy: string };

export async function insertRelease(tx: Tx, siteId: string, release: NewRelease): Promise<string> {
  const row = await tx
    .insertInto('releases')
    .values({
      site_id: siteId,
      participant_id: release.participantId,
      person_name: release.personName,
      discloser: release.discloser,
      categories: release.categories,
      purpose: release.purpose,
      revocation_terms: release.revocationTerms,
      expires_on: release.expiresOn,
      expiry_event: release.expiryEvent,
      signature_kind: release.signatureKind,
      signature: release.signature,
      signed_on: release.signedOn,
      recorded_by: release.recordedBy,
      recorded_at: release.recordedAt,
      revoked_at: null,
      revoked_by: null,
      revocation_note: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('release_recipients')
    .values(
      release.recipients.map((recipient, index) => ({
        site_id: siteId,
        release_id: row.id,
        position: index + 1,
        kind: recipient.kind,
        organization_id: recipient.organizationId,
        name: recipient.name,
      })),
    )
    .execute();
  return row.id;
}

function dateText(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function withRecipients(
  tx: Tx,
  siteId: string,
  rows: Awaited<ReturnType<ReturnType<typeof releaseQuery>['execute']>>,
): Promise<ReleaseRecord[]> {
  if (rows.length === 0) return [];
  const recipients = await tx
    .selectFrom('release_recipients')
    .select(['release_id', 'kind', 'organization_id as organizationId', 'name'])
    .where('site_id', '=', siteId)
    .where(
      'release_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('release_id')
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    ...row,
    expiresOn: row.expiresOn === null ? null : dateText(row.expiresOn),
    signedOn: dateText(row.signedOn),
    recipients: recipients
      .filter((recipient) => recipient.release_id === row.id)
      .map(({ kind, organizationId, name }) => ({ kind, organizationId, name })),
  }));
}

function releaseQuery(tx: Tx, siteId: string) {
  return tx
    .selectFrom('releases')
    .leftJoin('users as recorder', 'recorder.id', 'releases.recorded_by')
    .leftJoin('users as revoker', 'revoker.id', 'releases.revoked_by')
    .select([
      'releases.id',
      'releases.participant_id as participantId',
      'releases.person_name as personName',
      'releases.discloser',
      'releases.categories',
      'releases.purpose',
      'releases.revocation_terms as revocationTerms',
      'releases.expires_on as expiresOn',
      'releases.expiry_event as expiryEvent',
      'releases.signature_kind as signatureKind',
      'releases.signature',
      'releases.signed_on as signedOn',
      'releases.recorded_by as recordedBy',
      'recorder.display_name as recordedByName',
      'releases.recorded_at as recordedAt',
      'releases.revoked_at as revokedAt',
      'releases.revoked_by as revokedBy',
      'revoker.display_name as revokedByName',
      'releases.revocation_note as revocationNote',
    ])
    .where('releases.site_id', '=', siteId);
}

/** A participant's releases, newest first. */
export async function findReleasesOfParticipant(
  tx: Tx,
  siteId: string,
  participantId: string,
): Promise<ReleaseRecord[]> {
  const rows = await releaseQuery(tx, siteId)
    .where('releases.participant_id', '=', participantId)
    .orderBy('releases.recorded_at', 'desc')
    .execute();
  return withRecipients(tx, siteId, rows);
}

/** The releases of the participant a referral brought in (none when there is no participant). */
export async function findReleasesOfReferral(
  tx: Tx,
  siteId: string,
  referralId: string,
): Promise<ReleaseRecord[]> {
  const rows = await releaseQuery(tx, siteId)
    .where('releases.participant_id', 'in', (eb) =>
      eb
        .selectFrom('participants')
        .select('id')
        .where('site_id', '=', siteId)
        .where('referral_id', '=', referralId),
    )
    .execute();
  return withRecipients(tx, siteId, rows);
}

export async function findRelease(
  tx: Tx,
  siteId: string,
  participantId: string,
  releaseId: string,
): Promise<ReleaseRecord | undefined> {
  const rows = await releaseQuery(tx, siteId)
    .where('releases.participant_id', '=', participantId)
    .where('releases.id', '=', releaseId)
    .execute();
  return (await withRecipients(tx, siteId, rows))[0];
}

/** Revokes a release at once; false when it was revoked already (the first revocation stands). */
export async function revokeRelease(
  tx: Tx,
  revocation: { siteId: string; releaseId: string; at: Date; by: string; note: string | null },
): Promise<boolean> {
  const result = await tx
    .updateTable('releases')
    .set({ revoked_at: revocation.at, revoked_by: revocation.by, revocation_note: revocation.note })
    .where('site_id', '=', revocation.siteId)
    .where('id', '=', revocation.releaseId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
