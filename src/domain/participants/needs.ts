/**
 * Needs by domain (PRODUCT.md step 5), in the order the intake asks about them: the one list the
 * intake, the plan and the partner directory's service categories all use.
 */
export const NEED_DOMAINS = [
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
export type NeedDomain = (typeof NEED_DOMAINS)[number];
