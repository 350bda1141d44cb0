/**
 * The partner directory's own vocabulary, beside the Open Referral HSDS 3.0 fields it keeps: the
 * needs a service meets (the intake's need domains) and whether it is taking people now.
 */

/** The needs a service can meet, the same words as the intake's need domains. */
export const SERVICE_CATEGORIES = [
  'food',
  'shelter_housing',
  'id_documents',
  'benefits',
  'medical',
  'behavioral_health',
  'moud',
  'harm_reduction_supplies_naloxone',
  'transportation',
  'phone',
  'legal',
  'employment',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

/** Whether a service takes new people now: accepting, a waitlist, or full. */
export const CAPACITIES = ['accepting', 'waitlist', 'full'] as const;
export type Capacity = (typeof CAPACITIES)[number];

/** HSDS 3.0 service status values. */
export const SERVICE_STATUSES = ['active', 'inactive', 'defunct', 'temporarily closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/**
 * The HSDS taxonomy the directory files its needs under, so an export carries them (as service
 * attributes) and an import of our own export reads them back.
 */
export const NEEDS_TAXONOMY = 'lead-needs';
