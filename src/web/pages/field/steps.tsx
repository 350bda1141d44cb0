// The content of each step of the screening form. Each step asks a few things, with big targets.
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wholeYearsBetween } from '../../../domain/eligibility/calendar-date.ts';
import type { ScreeningDecision } from '../../../domain/eligibility/evaluate.ts';
import type { Rule } from '../../../domain/eligibility/rules.ts';
import type { ScreeningConfiguration } from '../../offline/field-api.ts';
import { MultiChoice, SingleChoice } from './choice.tsx';
import {
  answersOf,
  type DemographicsSource,
  type Draft,
  ETHNICITIES,
  type Flow,
  GENDERS,
  MISSING_REASONS,
  type MissingReason,
  type OfferChoice,
  questionPages,
  RACES,
  type Tristate,
} from './draft.ts';
import { failingRuleWords, unansweredWords } from './rule-words.ts';

export type StepProps = {
  draft: Draft;
  update: (change: Partial<Draft>) => void;
  configuration: ScreeningConfiguration;
  /** The officer's encounter (the default) or a request's screening by the care team. */
  flow?: Flow | undefined;
};

/** Whether the person tells their race, ethnicity and gender (a request's screening, by default). */
const selfReported = (draft: Draft, flow: Flow | undefined) =>
  flow === 'request' && (draft.demographicsSource ?? 'self_reported') === 'self_reported';

const INPUT = { size: 'lg' as const };

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

function TristateQuestion({
  label,
  value,
  onChange,
}: {
  label: string;
  value: Tristate | undefined;
  onChange: (value: Tristate) => void;
}) {
  const { t } = useTranslation('field');
  return (
    <SingleChoice
      label={label}
      columns={3}
      options={[
        { value: 'yes', label: t('questions.yes') },
        { value: 'no', label: t('questions.no') },
        { value: 'not_asked', label: t('questions.notAsked') },
      ]}
      value={value}
      onChange={(answer) => onChange(answer as Tristate)}
    />
  );
}

function RuleQuestion({ rule, draft, update }: { rule: Rule } & Omit<StepProps, 'configuration'>) {
  const { t } = useTranslation('field');
  switch (rule.kind) {
    case 'minimum_age':
      return null;
    case 'quantity_over_limit':
      return (
        <TextInput
          {...INPUT}
          type="number"
          inputMode="numeric"
          min={0}
          label={t('questions.opioidDosageUnits')}
          description={t('questions.opioidDosageUnitsHint', { limit: rule.limit })}
          value={draft.opioidDosageUnits}
          onChange={(event) => update({ opioidDosageUnits: event.currentTarget.value })}
        />
      );
    case 'yes_no_disqualifier':
      return (
        <TristateQuestion
          label={t(`questions.${rule.question}`)}
          value={draft.yesNo[rule.question]}
          onChange={(answer) => update({ yesNo: { ...draft.yesNo, [rule.question]: answer } })}
        />
      );
    case 'event_within_years': {
      const event = draft.events[rule.question] ?? { answer: undefined, dates: [] };
      const setEvent = (next: { answer: Tristate; dates: string[] }) =>
        update({ events: { ...draft.events, [rule.question]: next } });
      const dates = event.dates.length > 0 ? event.dates : [''];
      return (
        <Stack gap="xs">
          <TristateQuestion
            label={t(`questions.${rule.question}`, { years: rule.years })}
            value={event.answer}
            onChange={(answer) => setEvent({ answer, dates: answer === 'yes' ? event.dates : [] })}
          />
          {event.answer === 'yes' && (
            <Stack gap="xs" pl="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-blue-2)' }}>
              {dates.map((date, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the dates are positional ("Date 1", "Date 2") and their inputs controlled
                <Group key={`${rule.question}-${index}`} gap="xs" align="flex-end" wrap="nowrap">
                  <TextInput
                    {...INPUT}
                    style={{ flex: 1 }}
                    type="date"
                    max={draft.screenedOn}
                    label={t('questions.eventDate', { n: index + 1 })}
                    description={index === 0 ? t('questions.eventDateHint') : undefined}
                    value={date}
                    onChange={(change) => {
                      const next = [...dates];
                      next[index] = change.currentTarget.value;
                      setEvent({ answer: 'yes', dates: next });
                    }}
                  />
                  {dates.length > 1 && (
                    <Button
                      variant="default"
                      size="lg"
                      px="sm"
                      aria-label={t('questions.removeDate', { n: index + 1 })}
                      onClick={() =>
                        setEvent({ answer: 'yes', dates: dates.filter((_, at) => at !== index) })
                      }
                    >
                      ×
                    </Button>
                  )}
                </Group>
              ))}
              <Button
                variant="subtle"
                size="md"
                style={{ alignSelf: 'flex-start' }}
                onClick={() => setEvent({ answer: 'yes', dates: [...dates, ''] })}
              >
                {t('questions.addDate')}
              </Button>
            </Stack>
          )}
        </Stack>
      );
    }
  }
}

export function QuestionsStep({ draft, update, configuration, flow, page }: StepProps & { page: number }) {
  const { t } = useTranslation('field');
  const rules = questionPages(configuration.ruleSet.rules)[page - 1] ?? [];
  const ageRule = configuration.ruleSet.rules.find((rule) => rule.kind === 'minimum_age');
  const answers = answersOf(draft);
  const age = answers.dateOfBirth
    ? wholeYearsBetween(answers.dateOfBirth, draft.screenedOn)
    : (answers.age ?? undefined);
  return (
    <Stack gap="xl">
      {page === 1 && <Text>{t('questions.intro')}</Text>}
      {page === 1 && ageRule?.kind === 'minimum_age' && (
        <Alert variant="light" color={age === undefined ? 'yellow' : 'gray'}>
          {age === undefined
            ? flow === 'request'
              ? t('screenRequest.ageUnknown', { ns: 'program', minimum: ageRule.minimumYears })
              : t('questions.ageUnknown', { minimum: ageRule.minimumYears })
            : t('questions.ageKnown', { age, minimum: ageRule.minimumYears, date: draft.screenedOn })}
        </Alert>
      )}
      {rules.map((rule) => (
        <RuleQuestion key={rule.code} rule={rule} draft={draft} update={update} />
      ))}
    </Stack>
  );
}

export function DecisionPanel({
  decision,
  configuration,
  onAnswer,
}: {
  decision: ScreeningDecision;
  configuration: ScreeningConfiguration;
  onAnswer?: (() => void) | undefined;
}) {
  const { t } = useTranslation('field');
  const rules = configuration.ruleSet.rules.filter((rule) => decision.decidedBy.includes(rule.code));
  const color = { eligible: 'green', ineligible: 'red', needs_information: 'yellow' }[decision.status];
  return (
    <Alert
      variant="light"
      color={color}
      className="field-decision"
      title={<span data-testid="decision-status">{t(`decision.${decision.status}`)}</span>}
    >
      <Stack gap="xs">
        {decision.status === 'eligible' && <Text>{t('decision.eligibleBody')}</Text>}
        {decision.status === 'ineligible' && <Text>{t('decision.ineligibleBody')}</Text>}
        {decision.status === 'needs_information' && <Text>{t('decision.needsBody')}</Text>}
        {rules.length > 0 && (
          <List spacing={4}>
            {rules.map((rule) => (
              <List.Item key={rule.code}>
                {decision.status === 'ineligible' ? failingRuleWords(t, rule) : unansweredWords(t, rule)}
              </List.Item>
            ))}
          </List>
        )}
        {decision.status === 'needs_information' && onAnswer && (
          <Button variant="default" size="md" onClick={onAnswer} style={{ alignSelf: 'flex-start' }}>
            {t('decision.answerNow')}
          </Button>
        )}
        <Text size="xs" c="dimmed">
          {t('decision.ruleSet', {
            name: configuration.ruleSet.name,
            version: configuration.ruleSet.version,
          })}
        </Text>
      </Stack>
    </Alert>
  );
}

export function OfferStep({
  draft,
  update,
  flow,
  decision,
  onAnswer,
}: Omit<StepProps, 'configuration'> & { decision: ScreeningDecision; onAnswer: () => void }) {
  const { t } = useTranslation('field');
  if (decision.status === 'ineligible') {
    return (
      <Alert variant="light" color="gray" title={t('offer.ineligibleTitle')} data-testid="offer-recorded">
        {t('offer.ineligibleBody')}
      </Alert>
    );
  }
  if (decision.status === 'needs_information') {
    return (
      <Stack>
        <Alert variant="light" color="yellow" title={t('offer.needsTitle')} data-testid="offer-recorded">
          {t('offer.needsBody')}
        </Alert>
        <Button variant="default" size="lg" onClick={onAnswer}>
          {t('offer.goBack')}
        </Button>
      </Stack>
    );
  }
  const choices: OfferChoice[] = ['accepted', 'declined', 'officer_discretion', 'pending'];
  return (
    <Stack gap="lg">
      <SingleChoice
        label={t('offer.legend')}
        options={choices.map((choice) => ({
          value: choice,
          label: t(`offer.${choice}`),
          description:
            flow === 'request' && choice === 'pending'
              ? t('screenRequest.pendingHint', { ns: 'program' })
              : t(`offer.${choice}Hint`),
        }))}
        value={draft.offer}
        onChange={(offer) => update({ offer: offer as OfferChoice })}
      />
      {draft.offer === 'declined' && (
        <TextInput
          {...INPUT}
          label={t('offer.declineReason')}
          value={draft.declineReason}
          maxLength={500}
          onChange={(event) => update({ declineReason: event.currentTarget.value })}
        />
      )}
      {draft.offer === 'officer_discretion' && (
        <TextInput
          {...INPUT}
          label={t('offer.discretionNote')}
          value={draft.discretionNote}
          maxLength={500}
          onChange={(event) => update({ discretionNote: event.currentTarget.value })}
        />
      )}
    </Stack>
  );
}
