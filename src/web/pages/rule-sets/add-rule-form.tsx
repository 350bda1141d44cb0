import { Button, NativeSelect, NumberInput, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule, RuleKind } from './rule-sets-api.ts';
import { EVENT_QUESTIONS, isRuleCode, RULE_KINDS, YES_NO_QUESTIONS } from './rule-words.ts';

type Fields = {
  kind: RuleKind;
  code: string;
  description: string;
  number: number | '';
  yesNoQuestion: (typeof YES_NO_QUESTIONS)[number];
  eventQuestion: (typeof EVENT_QUESTIONS)[number];
};

const EMPTY: Fields = {
  kind: 'yes_no_disqualifier',
  code: '',
  description: '',
  number: '',
  yesNoQuestion: 'involvedInDistribution',
  eventQuestion: 'violentCrimeDates',
};

const NUMBER_LABEL: Record<RuleKind, string | undefined> = {
  minimum_age: 'rules.number.minimumYears',
  quantity_over_limit: 'rules.number.limit',
  event_within_years: 'rules.number.years',
  yes_no_disqualifier: undefined,
};

function build(fields: Fields): Rule | undefined {
  const common = { code: fields.code, description: fields.description.trim() };
  const number = fields.number === '' ? undefined : fields.number;
  switch (fields.kind) {
    case 'minimum_age':
      return number === undefined ? undefined : { kind: 'minimum_age', ...common, minimumYears: number };
    case 'quantity_over_limit':
      return number === undefined
        ? undefined
        : { kind: 'quantity_over_limit', ...common, question: 'opioidDosageUnits', limit: number };
    case 'yes_no_disqualifier':
      return { kind: 'yes_no_disqualifier', ...common, question: fields.yesNoQuestion };
    case 'event_within_years':
      return number === undefined || number < 1
        ? undefined
        : { kind: 'event_within_years', ...common, question: fields.eventQuestion, years: number };
  }
}

/** Adds a rule of one of the four kinds to the draft (saved with the others). */
export function AddRuleForm({
  existingCodes,
  onAdd,
}: {
  existingCodes: string[];
  onAdd: (rule: Rule) => void;
}) {
  const { t } = useTranslation('program');
  const [fields, setFields] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<'code' | 'description' | 'number', string>>>({});
  const numberLabel = NUMBER_LABEL[fields.kind];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (!isRuleCode(fields.code)) found.code = t('rules.errors.code');
    else if (existingCodes.includes(fields.code)) found.code = t('rules.errors.duplicateCode');
    if (!fields.description.trim()) found.description = t('rules.errors.description');
    const rule = build(fields);
    if (numberLabel && !rule) found.number = t('rules.errors.number');
    setErrors(found);
    if (Object.keys(found).length > 0 || !rule) return;
    onAdd(rule);
    setFields(EMPTY);
  };

  return (
    <section aria-labelledby="add-rule-heading">
      <Title order={3} size="h4" id="add-rule-heading" mt="lg">
        {t('rules.addTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('rules.addIntro')}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" maw={640}>
          <NativeSelect
            label={t('rules.kindLabel')}
            value={fields.kind}
            onChange={(event) =>
              setFields({ ...fields, kind: event.currentTarget.value as RuleKind, number: '' })
            }
            data={RULE_KINDS.map((kind) => ({ value: kind, label: t(`rules.kinds.${kind}`) }))}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('rules.code')}
              description={t('rules.codeHint')}
              required
              value={fields.code}
              onChange={(event) =>
                setFields({
                  ...fields,
                  code: event.currentTarget.value.toUpperCase().replaceAll(/[^A-Z0-9_]/g, '_'),
                })
              }
              error={errors.code}
              maxLength={40}
              autoComplete="off"
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <TextInput
              label={t('rules.description')}
              description={t('rules.descriptionHint')}
              required
              value={fields.description}
              onChange={(event) => setFields({ ...fields, description: event.currentTarget.value })}
              error={errors.description}
              maxLength={300}
            />
          </SimpleGrid>
          {fields.kind === 'yes_no_disqualifier' && (
            <NativeSelect
              label={t('rules.question')}
              value={fields.yesNoQuestion}
              onChange={(event) =>
                setFields({ ...fields, yesNoQuestion: event.currentTarget.value as Fields['yesNoQuestion'] })
              }
              data={YES_NO_QUESTIONS.map((question) => ({
                value: question,
                label: t(`rules.questions.${question}`),
              }))}
            />
          )}
          {fields.kind === 'event_within_years' && (
            <NativeSelect
              label={t('rules.event')}
              value={fields.eventQuestion}
              onChange={(event) =>
                setFields({ ...fields, eventQuestion: event.currentTarget.value as Fields['eventQuestion'] })
              }
              data={EVENT_QUESTIONS.map((question) => ({
                value: question,
                label: t(`rules.questions.${question}`),
              }))}
            />
          )}
          {fields.kind === 'quantity_over_limit' && <Text size="sm">{t('rules.quantityQuestion')}</Text>}
          {numberLabel && (
            <NumberInput
              label={t(numberLabel)}
              required
              value={fields.number}
              onChange={(value) => setFields({ ...fields, number: typeof value === 'number' ? value : '' })}
              allowDecimal={false}
              allowNegative={false}
              error={errors.number}
              w={200}
            />
          )}
          <Button type="submit" variant="light" style={{ alignSelf: 'flex-start' }}>
            {t('rules.add')}
          </Button>
        </Stack>
      </form>
    </section>
  );
}
