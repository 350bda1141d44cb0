import { Badge, Button, Card, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUND_CATEGORIES } from '../../../domain/funds/fund-ledger.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageLoader } from '../../components/page-loader.tsx';
import { formatDate } from '../review/format.ts';
import {
  type FundEntry,
  formatCents,
  todayAt,
  useFundingSources,
  useParticipantFunds,
  useRecordFundEntry,
  useReverseFundEntry,
} from './casework-api.ts';
import type { ParticipantSectionProps } from './section.ts';

const NUMBER = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

/** "12.50" or "12" typed by a person, as cents; null when it is not an amount above zero. */
export function parseDollars(typed: string): number | null {
  const match = /^\s*\$?\s*(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(typed);
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return cents > 0 ? cents : null;
}

/** A participant's discretionary funds: totals by source, the ledger with reversals, and recording spending. */
export function FundsSection({ site, participant }: ParticipantSectionProps) {
  const { t, i18n } = useTranslation('casework');
  const funds = useParticipantFunds(site.id, participant.id);
  const [adding, setAdding] = useState(false);
  return (
    <section aria-labelledby="funds-heading">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h3" id="funds-heading">
          {t('funds.heading')}
        </Title>
        {!adding && (
          <Button size="md" onClick={() => setAdding(true)}>
            {t('funds.add')}
          </Button>
        )}
      </Group>
      {adding && (
        <FundEntryForm
          siteId={site.id}
          participantId={participant.id}
          timeZone={site.timezone}
          onDone={() => setAdding(false)}
        />
      )}
      {funds.isPending && <PageLoader />}
      {funds.isError && <ErrorAlert error={funds.error} onRetry={() => void funds.refetch()} />}
      {funds.data &&
        (funds.data.entries.length === 0 ? (
          <Text c="dimmed">{t('funds.none')}</Text>
        ) : (
          <Stack gap="sm">
            <Text fw={700} size="lg">
              {t('funds.total')}: {formatCents(funds.data.totals.totalCents, i18n.language)}
            </Text>
            <Text size="sm">
              {funds.data.totals.bySource
                .map(
                  (source) => `${source.fundingSourceName}: ${formatCents(source.totalCents, i18n.language)}`,
                )
                .join(' · ')}
            </Text>
            <Text size="sm" c="dimmed">
              {t('funds.correctionHint')}
            </Text>
            <Stack gap="xs">
              {funds.data.entries.map((entry) => (
                <FundEntryCard
                  key={entry.id}
                  siteId={site.id}
                  participantId={participant.id}
                  entry={entry}
                  timeZone={site.timezone}
                />
              ))}
            </Stack>
          </Stack>
        ))}
    </section>
  );
}

function FundEntryCard({
  siteId,
  participantId,
  entry,
  timeZone,
}: {
  siteId: string;
  participantId: string;
  entry: FundEntry;
  timeZone: string;
}) {
  const { t, i18n } = useTranslation('casework');
  const reverse = useReverseFundEntry(siteId, participantId);
  const [confirming, setConfirming] = useState(false);
  const reversal = entry.kind === 'reversal';
  return (
    <Card withBorder padding="sm" data-testid="fund-entry">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>
          {formatDate(`${entry.date}T12:00:00Z`, i18n.language)} · {t(`funds.categories.${entry.category}`)}
        </Text>
        <Text fw={700} style={NUMBER} c={reversal ? 'red' : undefined}>
          {formatCents(reversal ? -entry.amountCents : entry.amountCents, i18n.language)}
        </Text>
      </Group>
      <Group gap="xs">
        <Text size="sm">{entry.fundingSourceName}</Text>
        {reversal && (
          <Badge color="red" variant="light" tt="none">
            {t('funds.reversal')}
          </Badge>
        )}
        {entry.reversedBy && (
          <Badge color="gray" variant="light" tt="none">
            {t('funds.reversed')}
          </Badge>
        )}
      </Group>
      {entry.note && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {entry.note}
        </Text>
      )}
      {!reversal && !entry.reversedBy && (
        <Group mt="xs">
          {confirming ? (
            <>
              <Button
                size="sm"
                color="red"
                loading={reverse.isPending}
                onClick={() => reverse.mutate({ entryId: entry.id, date: todayAt(timeZone) })}
              >
                {t('funds.confirmReverse')}
              </Button>
              <Button size="sm" variant="subtle" onClick={() => setConfirming(false)}>
                {t('funds.close')}
              </Button>
            </>
          ) : (
            <Button size="sm" variant="subtle" color="red" onClick={() => setConfirming(true)}>
              {t('funds.reverse')}
            </Button>
          )}
        </Group>
      )}
      {reverse.isError && <ErrorAlert error={reverse.error} />}
    </Card>
  );
}

function FundEntryForm({
  siteId,
  participantId,
  timeZone,
  onDone,
}: {
  siteId: string;
  participantId: string;
  timeZone: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('casework');
  const sources = useFundingSources(siteId);
  const record = useRecordFundEntry(siteId, participantId);
  const active = sources.data?.fundingSources.filter((source) => source.active) ?? [];
  const [date, setDate] = useState(() => todayAt(timeZone));
  const [amount, setAmount] = useState('');
  const [category, setCategory] = useState<string>(FUND_CATEGORIES[0]);
  const [sourceId, setSourceId] = useState('');
  const [note, setNote] = useState('');
  const [amountInvalid, setAmountInvalid] = useState(false);
  const fundingSourceId = sourceId || active[0]?.id || '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cents = parseDollars(amount);
    setAmountInvalid(cents === null);
    const chosen = FUND_CATEGORIES.find((candidate) => candidate === category);
    if (cents === null || !chosen || !fundingSourceId) return;
    record.mutate(
      {
        date,
        amountCents: cents,
        category: chosen,
        fundingSourceId,
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  };
  return (
    <Card withBorder padding="md" mb="md" component="form" onSubmit={submit} aria-label={t('funds.add')}>
      <Stack gap="sm">
        {sources.isError && <ErrorAlert error={sources.error} />}
        {sources.data && active.length === 0 && <Text c="orange">{t('funds.noSources')}</Text>}
        <Group grow wrap="wrap">
          <TextInput
            label={t('funds.date')}
            type="date"
            size="md"
            required
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
          />
          <TextInput
            label={t('funds.amount')}
            inputMode="decimal"
            size="md"
            required
            value={amount}
            error={amountInvalid ? t('funds.amountInvalid') : undefined}
            onChange={(event) => setAmount(event.currentTarget.value)}
          />
        </Group>
        <NativeSelect
          label={t('funds.category')}
          size="md"
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
          data={FUND_CATEGORIES.map((value) => ({ value, label: t(`funds.categories.${value}`) }))}
        />
        <NativeSelect
          label={t('funds.source')}
          size="md"
          value={fundingSourceId}
          onChange={(event) => setSourceId(event.currentTarget.value)}
          data={active.map((source) => ({ value: source.id, label: source.name }))}
        />
        <TextInput
          label={t('funds.note')}
          size="md"
          maxLength={500}
          value={note}
          onChange={(event) => setNote(event.currentTarget.value)}
        />
        {record.isError && <ErrorAlert error={record.error} />}
        <Group>
          <Button type="submit" size="md" loading={record.isPending} disabled={!fundingSourceId}>
            {t('funds.save')}
          </Button>
          <Button size="md" variant="subtle" onClick={onDone}>
            {t('funds.close')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
