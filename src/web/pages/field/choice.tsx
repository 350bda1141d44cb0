import { Checkbox, Group, Radio, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export type ChoiceOption = { value: string; label: string; description?: string | undefined };

function OptionText({ option, id }: { option: ChoiceOption; id: string }) {
  return (
    <div>
      <Text fw={600} id={`${id}-label`} lh={1.3}>
        {option.label}
      </Text>
      {option.description && (
        <Text size="sm" c="dimmed" id={`${id}-hint`} lh={1.3}>
          {option.description}
        </Text>
      )}
    </div>
  );
}

function GroupLabel({ id, label, hint }: { id: string; label: ReactNode; hint?: ReactNode }) {
  return (
    <div>
      <Text fw={700} id={id} size="md">
        {label}
      </Text>
      {hint && (
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      )}
    </div>
  );
}

/**
 * One answer from a few, as big cards (at least 48 px high) a thumb can hit. Arrow keys move
 * between them, as in any radio group.
 */
export function SingleChoice({
  label,
  hint,
  options,
  value,
  onChange,
  columns = 1,
}: {
  label: ReactNode;
  hint?: ReactNode;
  options: ChoiceOption[];
  value: string | undefined;
  onChange: (value: string) => void;
  columns?: number;
}) {
  const id = useId();
  return (
    <Stack gap={6}>
      <GroupLabel id={`${id}-group`} label={label} hint={hint} />
      <SimpleGrid cols={columns} spacing={8} role="radiogroup" aria-labelledby={`${id}-group`}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          return (
            <Radio.Card
              key={option.value}
              name={id}
              value={option.value}
              checked={value === option.value}
              onClick={() => onChange(option.value)}
              className="choice-card"
              aria-labelledby={`${optionId}-label`}
              aria-describedby={option.description ? `${optionId}-hint` : undefined}
            >
              <Group wrap="nowrap" gap="sm" align="center">
                <Radio.Indicator />
                <OptionText option={option} id={optionId} />
              </Group>
            </Radio.Card>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

/** Any number of answers from a list, as big cards. */
export function MultiChoice({
  label,
  hint,
  options,
  values,
  onChange,
}: {
  label: ReactNode;
  hint?: ReactNode;
  options: ChoiceOption[];
  values: string[];
  onChange: (values: string[]) => void;
}) {
  const id = useId();
  return (
    <Stack gap={6}>
      <GroupLabel id={`${id}-group`} label={label} hint={hint} />
      <Stack gap={8} role="group" aria-labelledby={`${id}-group`}>
        {options.map((option) => {
          const optionId = `${id}-${option.value}`;
          const checked = values.includes(option.value);
          return (
            <Checkbox.Card
              key={option.value}
              checked={checked}
              onClick={() =>
                onChange(checked ? values.filter((each) => each !== option.value) : [...values, option.value])
              }
              className="choice-card"
              aria-labelledby={`${optionId}-label`}
              aria-describedby={option.description ? `${optionId}-hint` : undefined}
            >
              <Group wrap="nowrap" gap="sm" align="center">
                <Checkbox.Indicator />
                <OptionText option={option} id={optionId} />
              </Group>
            </Checkbox.Card>
          );
        })}
      </Stack>
    </Stack>
  );
}
