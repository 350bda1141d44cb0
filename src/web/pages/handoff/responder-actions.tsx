import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { transition } from '../../../domain/handoffs/handoff.ts';
import { useApi } from '../../api/api-context.tsx';
import type { SessionSite } from '../../api/types.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { answerHandoff, type Handoff, type HandoffAnswer, type HandoffSummary } from './handoff-api.ts';

type Answerable = Pick<HandoffSummary, 'id' | 'state' | 'level' | 'offeredToMe'>;

/** Whether the viewer may answer: the person it is offered to, or a program manager (the API's rule). */
export function mayRespond(site: SessionSite, handoff: Pick<Handoff, 'offeredToMe'>): boolean {
  if (!site.actions.includes('handoffs:respond')) return false;
  return handoff.offeredToMe || site.roles.includes('program_manager');
}

/** Whether the one transition function would take `type` from this state (asked, not restated). */
function allows(handoff: Answerable, answer: HandoffAnswer): boolean {
  try {
    transition({ state: handoff.state, level: handoff.level as 1 | 2 | 3 }, answer);
    return true;
  } catch {
    return false;
  }
}

const DEFAULT_ETA = 15;

/**
 * The responder's buttons for one hand-off, large enough for a phone at night: acknowledge with an
 * estimated arrival (minutes), en route, arrived, by phone, or unable (with a reason). Only the
 * answers the hand-off's state allows are offered.
 */
export function ResponderActions({ site, handoff }: { site: SessionSite; handoff: Answerable }) {
  const { t } = useTranslation('dispatch');
  const api = useApi();
  const queryClient = useQueryClient();
  const etaId = useId();
  const [eta, setEta] = useState<number | string>(DEFAULT_ETA);
  const [unable, setUnable] = useState(false);
  const [reason, setReason] = useState('');
  const answer = useMutation({
    mutationFn: (body: HandoffAnswer) => answerHandoff(api, site.id, handoff.id, body, newIdempotencyKey()),
    onSuccess: () => {
      setUnable(false);
      setReason('');
      void queryClient.invalidateQueries({ queryKey: ['handoffs', site.id] });
      void queryClient.invalidateQueries({ queryKey: ['handoff', site.id, handoff.id] });
    },
  });
  const etaMinutes = typeof eta === 'number' ? eta : Number.parseInt(eta, 10);
  const etaValid = Number.isInteger(etaMinutes) && etaMinutes >= 0 && etaMinutes <= 600;
  const can = {
    acknowledge: allows(handoff, { type: 'acknowledge', etaMinutes: 0 }),
    en_route: allows(handoff, { type: 'en_route' }),
    arrived: allows(handoff, { type: 'arrived' }),
    by_phone: allows(handoff, { type: 'by_phone' }),
    unable: allows(handoff, { type: 'unable', reason: '-' }),
  };
  const busy = answer.isPending;
  const pending = (type: HandoffAnswer['type']) => busy && answer.variables?.type === type;
  return (
    <Stack gap="xs" role="group" aria-label={t('respond.actions')} data-testid="responder-actions">
      {can.acknowledge && (
        <Stack gap="xs">
          <NumberInput
            id={etaId}
            label={t('respond.eta')}
            value={eta}
            onChange={setEta}
            min={0}
            max={600}
            step={5}
            size="lg"
            allowDecimal={false}
            allowNegative={false}
            error={etaValid ? undefined : t('respond.etaInvalid')}
          />
          <Button
            size="lg"
            fullWidth
            color="green"
            disabled={busy || !etaValid}
            loading={pending('acknowledge')}
            onClick={() => answer.mutate({ type: 'acknowledge', etaMinutes })}
          >
            {t('respond.acknowledge')}
          </Button>
        </Stack>
      )}
      {(can.en_route || can.arrived || can.by_phone) && (
        <Group grow gap="xs">
          {can.en_route && (
            <Button
              size="lg"
              disabled={busy}
              loading={pending('en_route')}
              onClick={() => answer.mutate({ type: 'en_route' })}
            >
              {t('respond.enRoute')}
            </Button>
          )}
          {can.arrived && (
            <Button
              size="lg"
              color="green"
              disabled={busy}
              loading={pending('arrived')}
              onClick={() => answer.mutate({ type: 'arrived' })}
            >
              {t('respond.arrived')}
            </Button>
          )}
          {can.by_phone && (
            <Button
              size="lg"
              variant="light"
              disabled={busy}
              loading={pending('by_phone')}
              onClick={() => answer.mutate({ type: 'by_phone' })}
            >
              {t('respond.byPhone')}
            </Button>
          )}
        </Group>
      )}
      {can.unable && !unable && (
        <Button size="lg" variant="default" color="red" disabled={busy} onClick={() => setUnable(true)}>
          {t('respond.unable')}
        </Button>
      )}
      {can.unable && unable && (
        <Stack gap="xs">
          <Textarea
            label={t('respond.reason')}
            description={t('respond.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
            size="md"
          />
          <Group grow gap="xs">
            <Button
              size="lg"
              color="red"
              disabled={busy || reason.trim() === ''}
              loading={pending('unable')}
              onClick={() => answer.mutate({ type: 'unable', reason: reason.trim() })}
            >
              {t('respond.sendUnable')}
            </Button>
            <Button size="lg" variant="default" disabled={busy} onClick={() => setUnable(false)}>
              {t('respond.cancel')}
            </Button>
          </Group>
        </Stack>
      )}
      {answer.isError && <ErrorAlert error={answer.error} />}
      {!Object.values(can).some(Boolean) && (
        <Text size="sm" c="dimmed">
          {t('respond.nothing')}
        </Text>
      )}
    </Stack>
  );
}
