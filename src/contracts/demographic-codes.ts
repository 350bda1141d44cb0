// HUD HMIS demographic codes: the one list, shared by the API's schemas and the web app (which
// imports this file, not the zod schemas, so zod stays out of the officer's bundle).

/** Why an answer is missing: never recorded as blank. */
export const MISSING_REASONS = ['doesnt_know', 'prefers_not_to_answer', 'not_collected'] as const;
export const RACES = [
  'american_indian_alaska_native',
  'asian',
  'black_african_american',
  'hispanic_latino',
  'middle_eastern_north_african',
  'native_hawaiian_pacific_islander',
  'white',
] as const;
export const ETHNICITIES = ['hispanic_latino', 'not_hispanic_latino'] as const;
export const GENDERS = [
  'woman',
  'man',
  'non_binary',
  'transgender',
  'culturally_specific',
  'questioning',
  'different_identity',
] as const;
