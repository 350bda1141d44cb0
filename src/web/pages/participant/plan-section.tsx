import { Badge, Button, Card, Chip, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_STATUSES,
  type GoalStatus,
  NEED_DOMAINS,
  type NeedDomain,
} from '../../../contracts/participant-plan.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDateTime } from '../review/format.ts';
import { type Goal, useAddGoal, useChangeGoal, usePlan } from './care-api.ts';
import type { ParticipantSectionProps } from './section.ts';

const STATUS_COLORS: Record<GoalStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  achieved: 'green',
  set_aside: 'yellow',
};

/** The person's plan: goals in their own words, the needs each answers, and where each stands. */
export function PlanSection({ site, participant }: ParticipantSectionProps) {
  const { t } = useTranslation('participant');
  const plan = usePlan(site.id, participant.id);
  return (
    <section aria-labelledby="plan-heading">
      <Title order={2} size="h3" id="plan-heading" mb="xs">
        {t('plan.heading')}
      </Title>
      {plan.isPending && <PageLoader />}
      {plan.isError && <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data && (
        <Stack gap="sm">
          {plan.data.goals.length === 0 && <Text c="dimmed">{t('plan.none')}</Text>}
          {plan.data.goals.map((goal) => (
            <GoalCard key={goal.id} siteId={site.id} participantId={participant.id} goal={goal} />
          ))}
          <AddGoalForm siteId={site.id} participantId={participant.id} />
        </Stack>
      )}
    </section>
  );
}

function NeedChips({ value, onChange }: { value: NeedDomain[]; onChange: (needs: NeedDomain[]) => void }) {
  const { t } = useTranslation('participant');
  return (
    <Chip.Group multiple value={value} onChange={(next) => onChange(next as NeedDomain[])}>
      <Group gap={6}>
        {NEED_DOMAINS.map((need) => (
          <Chip key={need} value={need} size="sm">
            {t(`need.${need}`)}
          </Chip>
        ))}
      </Group>
    </Chip.Group>
  );
}

function AddGoalForm({ siteId, participantId }: { siteId: string; participantId: string }) {
  const { t } = useTranslation('participant');
  const add = useAddGoal(siteId, participantId);
  const [goal, setGoal] = useState('');
  const [needs, setNeeds] = useState<NeedDomain[]>([]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!goal.trim()) return;
    add.mutate(
      { goal: goal.trim(), needs },
      {
        onSuccess: () => {
          setGoal('');
          setNeeds([]);
        },
      },
    );
  };
  return (
    <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('plan.addTitle')}>
      <Textarea
        label={t('plan.goal')}
        description={t('plan.goalHint')}
        value={goal}
        onChange={(event) => setGoal(event.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={1000}
      />
      <Text size="sm" mt="sm" mb={4}>
        {t('plan.needs')}
      </Text>
      <NeedChips value={needs} onChange={setNeeds} />
      {add.isError && <ErrorAlert error={add.error} />}
      <Button type="submit" mt="sm" size="md" disabled={!goal.trim()} loading={add.isPending}>
        {t('plan.add')}
      </Button>
    </Card>
  );
}

function GoalCard({ siteId, participantId, goal }: { siteId: string; participantId: string; goal: Goal }) {
  const { t, i18n } = useTranslation('participant');
  const change = useChangeGoal(siteId, participantId);
  const [showHistory, setShowHistory] = useState(false);
  return (
    <Card withBorder padding="sm" data-testid="goal">
      <Group justify="space-between" align="flex-start" gap="xs">
        <Text fw={600} style={{ overflowWrap: 'anywhere', flex: 1 }}>
          “{goal.goal}”
        </Text>
        <Badge color={STATUS_COLORS[goal.status]} variant="light" tt="none">
          {t(`plan.status.${goal.status}`)}
        </Badge>
      </Group>
      {goal.needs.length > 0 && (
        <Group gap={4} mt={4}>
          {goal.needs.map((need) => (
            <Badge key={need} variant="outline" color="gray" tt="none" size="sm">
              {t(`need.${need}`)}
            </Badge>
          ))}
        </Group>
      )}
      <Select
        mt="xs"
        label={t('plan.changeStatus')}
        data={GOAL_STATUSES.map((status) => ({ value: status, label: t(`plan.status.${status}`) }))}
        value={goal.status}
        allowDeselect={false}
        onChange={(status) =>
          status &&
          status !== goal.status &&
          change.mutate({ goalId: goal.id, body: { status: status as GoalStatus } })
        }
        disabled={change.isPending}
        w={{ base: '100%', xs: 240 }}
      />
      {change.isError && <ErrorAlert error={change.error} />}
      <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShowHistory(!showHistory)}>
        {showHistory ? t('plan.hideHistory') : t('plan.showHistory', { count: goal.history.length })}
      </Button>
      {showHistory && (
        <Stack component="ol" gap={2} pl="lg" m={0}>
          {goal.history.map((event) => (
            <Text component="li" size="sm" key={`${event.at}-${event.event}`}>
              {formatDateTime(event.at, i18n.language)} ·{' '}
              {event.event === 'status_changed' && event.toStatus
                ? t('plan.history.status', { status: t(`plan.status.${event.toStatus}`) })
                : t(`plan.history.${event.event}`)}
              {event.note ? ` — ${event.note}` : ''}
            </Text>
          ))}
        </Stack>
      )}
    </Card>
  );
}
