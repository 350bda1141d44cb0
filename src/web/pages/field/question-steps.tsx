// The screening questions, generated from the site's rules: one control per rule kind.
import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { wholeYearsBetween } from '../../../domain/eligibility/calendar-date.ts';
import type { Rule } from '../../../domain/eligibility/rules.ts';
import { SingleChoice } from './choice.tsx';
import { answersOf, questionPages, type Tristate } from './draft.ts';

import { INPUT, type StepProps } from './steps.tsx';

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
