import type { TFunction } from 'i18next';
import type { EncounterRequest } from '../../offline/field-api.ts';

/** The offer outcome in plain words: "Declined: wants to think about it". */
export function offerWords(t: TFunction<'field'>, offer: EncounterRequest['offer']): string {
  switch (offer.outcome) {
    case 'accepted':
      return t('offerSummary.accepted');
    case 'pending':
      return t('offerSummary.pending');
    case 'declined':
      return t('offerSummary.declined', { reason: offer.reason });
    case 'not_offered':
      return offer.reason === 'officer_discretion'
        ? t('offerSummary.not_offered_officer_discretion', { note: offer.note ?? '' })
        : t(`offerSummary.not_offered_${offer.reason}`);
  }
}

/** A referral's status in plain words; "not offered" says why when the screening tells it. */
export function statusWords(t: TFunction<'field'>, status: string, screening?: string | null): string {
  if (status === 'not_offered' && (screening === 'ineligible' || screening === 'needs_information'))
    return t(`status.not_offered_${screening}`);
  return t(`status.${status}`, { defaultValue: status });
}
