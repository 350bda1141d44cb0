import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AddRuleForm } from './add-rule-form.tsx';
import { RuleCode } from './rule-code.tsx';
import type { Rule, StoredRuleSet } from './rule-sets-api.ts';
import { checkRules, ruleInWords, ruleNumber, withNumber } from './rule-words.ts';

/** One rule: its description, code and plain-words meaning; with `onChange`, its number is editable. */
export function RuleCard({
  rule,
  onChange,
  onRemove,
}: {
  rule: Rule;
  onChange?: ((rule: Rule) => void) | undefined;
  onRemove?: (() => void) | undefined;
}) {
  const { t } = useTranslation('program');
  const number = ruleNumber(rule);
  return (
    <Card component="li" withBorder padding="sm" data-rule-code={rule.code}>
      <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
        {rule.description}
      </Title>
      <Group gap="xs" mt={4} wrap="wrap">
        <Badge
          variant="outline"
          color="gray"
          tt="none"
          c="dark.7"
          h="auto"
          styles={{ label: { whiteSpace: 'normal' } }}
        >
          <RuleCode code={rule.code} />
        </Badge>
        <Text size="sm">{ruleInWords(rule, t)}</Text>
      </Group>
      {onChange && (
        <Group gap="sm" mt="sm" align="flex-end" wrap="wrap">
          {number && (
            <NumberInput
              label={
                <>
                  {t(number.labelKey)}
                  <span className="visually-hidden"> ({rule.code})</span>
                </>
              }
              value={Number.isNaN(number.value) ? '' : number.value}
              onChange={(value) => onChange(withNumber(rule, typeof value === 'number' ? value : Number.NaN))}
              min={number.min}
              max={number.max}
              allowDecimal={false}
              allowNegative={false}
              w={200}
            />
          )}
          {onRemove && (
            <Button
              variant="default"
              color="red"
              onClick={onRemove}
              aria-label={t('rules.remove', { code: rule.code })}
            >
              {t('rules.removeShort')}
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}

export function RuleList({ rules }: { rules: Rule[] }) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
      {rules.map((rule) => (
        <RuleCard key={rule.code} rule={rule} />
      ))}
    </Stack>
  );
}

/**
 * The current rules as a draft the program manager changes: numbers, removals, additions. Nothing
 * is stored until "Save": that makes the next version, and earlier screenings keep theirs.
 */
export function RuleEditor({
  current,
  saving,
  onSave,
}: {
  current: StoredRuleSet;
  saving: boolean;
  onSave: (rules: Rule[]) => void;
}) {
  const { t } = useTranslation('program');
  const [draft, setDraft] = useState<Rule[]>(current.rules);
  const [problem, setProblem] = useState<string | undefined>();
  const changed = JSON.stringify(draft) !== JSON.stringify(current.rules);
  const replace = (index: number, rule: Rule) => {
    setDraft(draft.map((each, at) => (at === index ? rule : each)));
    setProblem(undefined);
  };
  const save = () => {
    const found = checkRules(draft);
    setProblem(found);
    if (!found) onSave(draft);
  };
  return (
    <>
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {draft.map((rule, index) => (
          <RuleCard
            key={rule.code}
            rule={rule}
            onChange={(next) => replace(index, next)}
            onRemove={() => {
              setDraft(draft.filter((_, at) => at !== index));
              setProblem(undefined);
            }}
          />
        ))}
      </Stack>
      {draft.length === 0 && <Text c="dimmed">{t('rules.noRules')}</Text>}
      <AddRuleForm
        existingCodes={draft.map((rule) => rule.code)}
        onAdd={(rule) => {
          setDraft([...draft, rule]);
          setProblem(undefined);
        }}
      />
      <Card withBorder padding="md" mt="lg" bg={changed ? 'yellow.0' : undefined}>
        <Text fw={changed ? 600 : 400} role="status">
          {changed ? t('rules.unsaved', { version: current.version + 1 }) : t('rules.noChanges')}
        </Text>
        {problem && (
          <Alert color="red" variant="light" role="alert" mt="sm">
            {t(problem)}
          </Alert>
        )}
        <Group gap="sm" mt="sm">
          <Button onClick={save} disabled={!changed} loading={saving}>
            {t('rules.save', { version: current.version + 1 })}
          </Button>
          <Button
            variant="default"
            disabled={!changed}
            onClick={() => {
              setDraft(current.rules);
              setProblem(undefined);
            }}
          >
            {t('rules.undo')}
          </Button>
        </Group>
      </Card>
    </>
  );
}
