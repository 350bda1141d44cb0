// The content of each step of the screening form. Each step asks a few things, with big targets.
import { Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningConfiguration } from '../../offline/field-api.ts';
import { MultiChoice, SingleChoice } from './choice.tsx';
import {
  type DemographicsSource,
  type Draft,
  ETHNICITIES,
  type Flow,
  GENDERS,
  MISSING_REASONS,
  type MissingReason,
  RACES,
} from './draft.ts';

export type StepProps = {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  configuration: ScreeningConfiguration;
  /** The officer's encounter (the default) or a request's screening by the care team. */
  flow?: Flow | undefined;
};

/** Whether the person tells their race, ethnicity and gender (a request's screening, by default). */
export const selfReported = (draft: Draft, flow: Flow | undefined) =>
  flow === 'request' && (draft.demographicsSource ?? 'self_reported') === 'self_reported';

export const INPUT = { size: 'lg' as const };

export function PathwayStep({ draft, update }: StepProps) {
  const { t } = useTranslation('field');
  const pathways = ['arrest_diversion', 'social_contact', 'community_referral', 'self_referral'] as const;
  return (
    <SingleChoice
      label={t('pathwayLegend')}
      options={pathways.map((pathway) => ({
        value: pathway,
        label: t(`pathways.${pathway}`),
        description: t(`pathwayHints.${pathway}`),
      }))}
      value={draft.pathway}
      onChange={(pathway) => update({ pathway: pathway as Draft['pathway'] })}
    />
  );
}

export function IncidentStep({ draft, update, configuration }: StepProps) {
  const { t } = useTranslation('field');
  return (
    <Stack gap="lg">
      <TextInput
        {...INPUT}
        label={t('incident.number')}
        description={t('incident.numberHint')}
        autoComplete="off"
        value={draft.incidentNumber}
        onChange={(event) => update({ incidentNumber: event.currentTarget.value })}
      />
      <MultiChoice
        label={t('incident.charges')}
        hint={t('incident.chargesHint')}
        options={configuration.charges.map((charge) => ({
          value: charge.code,
          label: charge.description,
          description: charge.statute,
        }))}
        values={draft.chargeCodes}
        onChange={(chargeCodes) => update({ chargeCodes })}
      />
    </Stack>
  );
}

export function PersonStep({ draft, update }: StepProps) {
  const { t } = useTranslation('field');
  return (
    <Stack gap="lg">
      <Text>{t('person.intro')}</Text>
      <TextInput
        {...INPUT}
        label={t('person.name')}
        autoComplete="off"
        value={draft.nameOrAlias}
        onChange={(event) => update({ nameOrAlias: event.currentTarget.value })}
      />
      <AgeFields draft={draft} update={update} />
    </Stack>
  );
}

/** A request's first step: its person is known by name already; only the age is asked. */
export function AgeStep({ draft, update }: StepProps) {
  const { t } = useTranslation('program');
  return (
    <Stack gap="lg">
      <Text>{t('screenRequest.ageIntro', { name: draft.nameOrAlias })}</Text>
      <AgeFields draft={draft} update={update} />
    </Stack>
  );
}

/** Date of birth, an approximate age, or not known. */
function AgeFields({ draft, update }: Omit<StepProps, 'configuration'>) {
  const { t } = useTranslation('field');
  return (
    <>
      <SingleChoice
        label={t('person.ageLegend')}
        columns={1}
        options={[
          { value: 'dateOfBirth', label: t('person.byDateOfBirth') },
          { value: 'age', label: t('person.byAge') },
          { value: 'unknown', label: t('person.byUnknown'), description: t('person.unknownHint') },
        ]}
        value={draft.ageBy}
        onChange={(ageBy) => update({ ageBy: ageBy as Draft['ageBy'] })}
      />
      {draft.ageBy === 'dateOfBirth' && (
        <TextInput
          {...INPUT}
          type="date"
          label={t('person.dateOfBirth')}
          max={draft.screenedOn}
          value={draft.dateOfBirth}
          onChange={(event) => update({ dateOfBirth: event.currentTarget.value })}
        />
      )}
      {draft.ageBy === 'age' && (
        <TextInput
          {...INPUT}
          type="number"
          inputMode="numeric"
          min={0}
          max={120}
          label={t('person.age')}
          value={draft.age}
          onChange={(event) => update({ age: event.currentTarget.value })}
        />
      )}
    </>
  );
}

/** The heading of a step: demographics say whose view they record. */
export function useStepLabel(draft: Draft, flow: Flow | undefined): (step: string) => string {
  const { t } = useTranslation('field');
  return (step) => {
    if (step.startsWith('questions-')) return t('steps.questions');
    if ((step === 'race' || step === 'ethnicity' || step === 'gender') && selfReported(draft, flow))
      return t(`screenRequest.steps.${step}`, { ns: 'program' });
    if (step === 'age') return t('person.ageLegend');
    return t(`steps.${step}`);
  };
}

/** A request's screening: who gives the race, ethnicity and gender (the person, unless chosen otherwise). */
function DemographicsSourceChoice({ draft, update }: Omit<StepProps, 'configuration'>) {
  const { t } = useTranslation('program');
  const sources: DemographicsSource[] = ['self_reported', 'officer_perceived'];
  return (
    <SingleChoice
      label={t('screenRequest.sourceLegend')}
      options={sources.map((source) => ({
        value: source,
        label: t(`screenRequest.source.${source}`),
        description: t(`screenRequest.sourceHint.${source}`),
      }))}
      value={draft.demographicsSource ?? 'self_reported'}
      onChange={(source) => update({ demographicsSource: source as DemographicsSource })}
    />
  );
}

/** Race and gender: any number of values, or why none is recorded. Ethnicity: one, or why not. */
export function DemographicStep({
  draft,
  update,
  flow,
  field,
}: StepProps & { field: 'race' | 'ethnicity' | 'gender' }) {
  const { t } = useTranslation('field');
  const self = selfReported(draft, flow);
  // Asked, the words are the person's ("They don't know"); perceived, the screener's ("Can't tell").
  const words = (key: string) => (self ? t(`screenRequest.${key}`, { ns: 'program' }) : t(key));
  const missingKey = `${field}Missing` as const;
  const missing = draft[missingKey];
  const missingOptions = MISSING_REASONS.map((reason) => ({
    value: reason,
    label: words(`demographics.missing.${reason}`),
  }));
  const chooseMissing = (reason: string) =>
    update(
      field === 'ethnicity'
        ? { ethnicityMissing: reason as MissingReason, ethnicity: undefined }
        : { [missingKey]: reason as MissingReason, [field]: [] },
    );
  return (
    <Stack gap="lg">
      {flow === 'request' && field === 'race' && <DemographicsSourceChoice draft={draft} update={update} />}
      <Text>{field === 'ethnicity' ? words('demographics.introSingle') : words('demographics.intro')}</Text>
      {field === 'ethnicity' ? (
        <SingleChoice
          label={words('steps.ethnicity')}
          options={ETHNICITIES.map((value) => ({ value, label: t(`demographics.ethnicity.${value}`) }))}
          value={draft.ethnicity}
          onChange={(value) =>
            update({ ethnicity: value as Draft['ethnicity'], ethnicityMissing: undefined })
          }
        />
      ) : (
        <MultiChoice
          label={words(`steps.${field}`)}
          options={(field === 'race' ? RACES : GENDERS).map((value) => ({
            value,
            label: t(`demographics.${field}.${value}`),
          }))}
          values={draft[field]}
          onChange={(values) => update({ [field]: values, [missingKey]: undefined })}
        />
      )}
      <SingleChoice
        label={t('demographics.orMissing')}
        options={missingOptions}
        value={missing}
        onChange={chooseMissing}
      />
    </Stack>
  );
}
