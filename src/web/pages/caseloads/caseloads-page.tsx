import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import type { SessionSite } from '../../api/types.ts';
import { AppLink } from '../../components/app-link.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { PageTitle } from '../../components/page-title.tsx';
import { useEngagementList } from '../participant/care-api.ts';
import { EngagementBadge } from '../participant/engagement-badge.tsx';
import { participantPath } from '../participant/paths.ts';
import { AppointmentSettingsCard } from './appointment-settings-card.tsx';
import {
  type Caseloads,
  type StaffCaseload,
  useAssignCaseManager,
  useCaseloads,
  useSaveCaseManagementSettings,
  useSaveFte,
} from './caseloads-api.ts';

const STANDING_COLORS = { under: 'green', at: 'yellow', over: 'red' } as const;
/** "Going in the wind": people this many days or fewer from the threshold, or past it. */
const GOING_WITHIN_DAYS = 14;

/**
 * Caseloads: the people going "in the wind" (the signed-in person's, or everyone's), each care-team
 * member's load against the caps, assigning a case manager (a program manager may go past the hard
 * maximum with a reason), and, for program managers, the caps, thresholds and FTEs, and the site's
 * appointment reminders and missed-appointments policy.
 */
export function CaseloadsPage({ site }: { site: SessionSite }) {
  const { t } = useTranslation('participant');
  const caseloads = useCaseloads(site.id);
  const manages = site.actions.includes('caseloads:manage');
  return (
    <>
      <PageTitle>{t('caseloads.title')}</PageTitle>
      <Stack gap="xl">
        <GoingInTheWind site={site} />
        {caseloads.isPending && <PageLoader />}
        {caseloads.isError && <ErrorAlert error={caseloads.error} onRetry={() => void caseloads.refetch()} />}
        {caseloads.data && (
          <>
            <StaffLoads site={site} caseloads={caseloads.data} manages={manages} />
            <AssignForm site={site} staff={caseloads.data.staff} />
            {manages && (
              <SettingsForm
                key={JSON.stringify(caseloads.data.settings)}
                site={site}
                caseloads={caseloads.data}
              />
            )}
          </>
        )}
        {site.actions.includes('appointments:settings') && <AppointmentSettingsCard site={site} />}
      </Stack>
    </>
  );
}

function GoingInTheWind({ site }: { site: SessionSite }) {
  const { t } = useTranslation('participant');
  const [whose, setWhose] = useState<'me' | 'all'>('me');
  const [onlyGoing, setOnlyGoing] = useState(true);
  const list = useEngagementList(site.id, {
    caseload: whose,
    ...(onlyGoing ? { goingInTheWindWithinDays: GOING_WITHIN_DAYS } : {}),
  });
  return (
    <section aria-labelledby="in-the-wind-heading" id="in-the-wind">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="in-the-wind-heading">
          {onlyGoing ? t('caseloads.goingInTheWind') : t('caseloads.engagement')}
        </Title>
        <SegmentedControl
          value={whose}
          onChange={(value) => setWhose(value as 'me' | 'all')}
          data={[
            { value: 'me', label: t('caseloads.mine') },
            { value: 'all', label: t('caseloads.everyone') },
          ]}
        />
      </Group>
      <Switch
        mb="xs"
        label={t('caseloads.onlyGoing', { days: GOING_WITHIN_DAYS })}
        checked={onlyGoing}
        onChange={(event) => setOnlyGoing(event.currentTarget.checked)}
      />
      <Text size="sm" c="dimmed" mb="xs">
        {onlyGoing
          ? t('caseloads.goingInTheWindHint', { days: GOING_WITHIN_DAYS })
          : t('caseloads.engagementHint')}
      </Text>
      {list.isPending && <PageLoader />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data &&
        (list.data.participants.length === 0 ? (
          <Text c="dimmed">{onlyGoing ? t('caseloads.noOneGoing') : t('caseloads.noOne')}</Text>
        ) : (
          <Stack
            component="ul"
            gap="xs"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            data-testid="going-in-the-wind"
          >
            {list.data.participants.map((row) => (
              <Card component="li" withBorder padding="xs" key={row.participantId}>
                <Group justify="space-between" gap="xs">
                  <AppLink to={participantPath(row.participantId)} fw={600}>
                    {row.personName}
                  </AppLink>
                  <EngagementBadge engagement={row.engagement} />
                </Group>
                <Text size="sm" c="dimmed">
                  {row.caseManagerName ?? t('summary.noCaseManager')}
                </Text>
              </Card>
            ))}
          </Stack>
        ))}
    </section>
  );
}

function StaffLoads({
  site,
  caseloads,
  manages,
}: {
  site: SessionSite;
  caseloads: Caseloads;
  manages: boolean;
}) {
  const { t } = useTranslation('participant');
  return (
    <section aria-labelledby="loads-heading">
      <Title order={2} size="h3" id="loads-heading" mb="xs">
        {t('caseloads.loads')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('caseloads.capsLine', {
          average: caseloads.settings.caseloadAveragePerFte,
          max: caseloads.settings.caseloadHardMax,
        })}{' '}
        {t('caseloads.unassigned', { count: caseloads.unassigned })}
      </Text>
      <Table.ScrollContainer minWidth={320}>
        <Table striped verticalSpacing="xs" data-testid="caseloads">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('caseloads.person')}</Table.Th>
              <Table.Th>{t('caseloads.load')}</Table.Th>
              <Table.Th>{t('caseloads.fte')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {caseloads.staff.map((member) => (
              <Table.Tr key={member.userId}>
                <Table.Td>{member.displayName}</Table.Td>
                <Table.Td>
                  {t('caseloads.loadOf', { load: member.load, target: member.target, max: member.hardMax })}{' '}
                  <Badge color={STANDING_COLORS[member.standing]} variant="light" tt="none">
                    {t(`caseloads.standingLevel.${member.standing}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{manages ? <FteInput site={site} member={member} /> : member.fte}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function FteInput({ site, member }: { site: SessionSite; member: StaffCaseload }) {
  const { t } = useTranslation('participant');
  const save = useSaveFte(site.id);
  const [fte, setFte] = useState<number | string>(member.fte);
  const valid = typeof fte === 'number' && fte > 0 && fte <= 1;
  return (
    <Group gap={4} wrap="nowrap">
      <NumberInput
        aria-label={t('caseloads.fteOf', { name: member.displayName })}
        value={fte}
        onChange={setFte}
        min={0.01}
        max={1}
        step={0.1}
        decimalScale={2}
        w={90}
        error={valid ? undefined : true}
      />
      <Button
        size="compact-sm"
        variant="default"
        disabled={!valid || fte === member.fte}
        loading={save.isPending}
        onClick={() => typeof fte === 'number' && save.mutate({ userId: member.userId, fte })}
      >
        {t('caseloads.save')}
      </Button>
    </Group>
  );
}

function AssignForm({ site, staff }: { site: SessionSite; staff: StaffCaseload[] }) {
  const { t } = useTranslation('participant');
  const everyone = useEngagementList(site.id, { caseload: 'all' });
  const assign = useAssignCaseManager(site.id);
  const [participantId, setParticipantId] = useState<string | null>(null);
  const [caseManagerId, setCaseManagerId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const mayOverride = site.actions.includes('caseloads:manage');
  const full = assign.error instanceof ApiError && assign.error.code === 'CASELOAD_FULL';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!participantId || !caseManagerId) return;
    setDone(false);
    assign.mutate(
      {
        participantId,
        body: {
          caseManagerId,
          ...(full && mayOverride && reason.trim() ? { overrideReason: reason.trim() } : {}),
        },
      },
      {
        onSuccess: () => {
          setReason('');
          setDone(true);
        },
      },
    );
  };
  return (
    <section aria-labelledby="assign-heading">
      <Title order={2} size="h3" id="assign-heading" mb="xs">
        {t('caseloads.assign')}
      </Title>
      <Card withBorder padding="sm" component="form" onSubmit={submit} aria-label={t('caseloads.assign')}>
        <Group gap="sm" align="flex-end" wrap="wrap">
          <Select
            label={t('caseloads.participant')}
            searchable
            data={(everyone.data?.participants ?? []).map((row) => ({
              value: row.participantId,
              label: `${row.personName} (${row.caseManagerName ?? t('summary.noCaseManager')})`,
            }))}
            value={participantId}
            onChange={setParticipantId}
            w={{ base: '100%', xs: 300 }}
          />
          <Select
            label={t('caseloads.caseManager')}
            data={staff.map((member) => ({
              value: member.userId,
              label: `${member.displayName} (${member.load}/${member.hardMax})`,
            }))}
            value={caseManagerId}
            onChange={(value) => {
              setCaseManagerId(value);
              assign.reset();
            }}
            w={{ base: '100%', xs: 300 }}
          />
        </Group>
        {full && mayOverride && (
          <Textarea
            mt="sm"
            label={t('caseloads.overrideReason')}
            description={t('caseloads.overrideHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
        )}
        {assign.isError && <ErrorAlert error={assign.error} />}
        {done && (
          <Alert color="green" variant="light" mt="sm" role="status">
            {t('caseloads.assigned')}
          </Alert>
        )}
        <Button
          type="submit"
          mt="sm"
          size="md"
          disabled={!participantId || !caseManagerId || (full && (!mayOverride || !reason.trim()))}
          loading={assign.isPending}
        >
          {full && mayOverride ? t('caseloads.assignOverride') : t('caseloads.assign')}
        </Button>
      </Card>
    </section>
  );
}

function SettingsForm({ site, caseloads }: { site: SessionSite; caseloads: Caseloads }) {
  const { t } = useTranslation('participant');
  const save = useSaveCaseManagementSettings(site.id);
  const [values, setValues] = useState<Record<keyof Caseloads['settings'], number | string>>(
    caseloads.settings,
  );
  const numbers = Object.values(values).every(
    (value) => typeof value === 'number' && Number.isInteger(value),
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!numbers) return;
    save.mutate(values as Caseloads['settings']);
  };
  const field = (name: keyof Caseloads['settings'], min: number, max: number) => (
    <NumberInput
      label={t(`caseloads.settings.${name}`)}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      min={min}
      max={max}
      allowDecimal={false}
      w={{ base: '100%', xs: 220 }}
    />
  );
  return (
    <section aria-labelledby="caseload-settings-heading">
      <Title order={2} size="h3" id="caseload-settings-heading" mb="xs">
        {t('caseloads.settings.title')}
      </Title>
      <Card
        withBorder
        padding="sm"
        component="form"
        onSubmit={submit}
        aria-label={t('caseloads.settings.title')}
      >
        <Group gap="sm" align="flex-start" wrap="wrap">
          {field('caseloadAveragePerFte', 1, 200)}
          {field('caseloadHardMax', 1, 500)}
          {field('engagementInactiveDays', 1, 3650)}
          {field('engagementInTheWindDays', 2, 3650)}
        </Group>
        <Text size="sm" c="dimmed" mt="xs">
          {t('caseloads.settings.hint')}
        </Text>
        {save.isError && <ErrorAlert error={save.error} />}
        {save.isSuccess && (
          <Alert color="green" variant="light" mt="sm" role="status">
            {t('caseloads.settings.saved')}
          </Alert>
        )}
        <Button type="submit" mt="sm" disabled={!numbers} loading={save.isPending}>
          {t('caseloads.save')}
        </Button>
      </Card>
    </section>
  );
}
