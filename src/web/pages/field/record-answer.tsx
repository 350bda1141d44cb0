// Recording the answer to a "decide later" referral: used by the officer (my referrals) and by
// the care team (a referral's page). Each caller gives its own words; the events are the same.
import { Alert, Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import {
  canApply,
  type ReferralEvent as DomainReferralEvent,
  type ReferralFacts,
  type ReferralStatus,
} from '../../../domain/referrals/lifecycle.ts';
import { useApi } from '../../api/api-context.tsx';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { type ReferralEvent, type ReferralSummary, recordReferralEvent } from '../../offline/field-api.ts';
import { newIdempotencyKey } from '../../offline/keys.ts';
import { SingleChoice } from './choice.tsx';

export type Answer = 'accept' | 'decline' | 'not_offer';

/** The words the form needs, in the caller's namespace. */
export type AnswerWord =
  | 'legend'
  | Answer
  | 'declineReason'
  | 'notOfferNote'
  | 'save'
  | 'cancel'
  | 'conflict'
  | 'refresh';

type Awaiting = { status: string; screening?: string | null };

/** What the lifecycle (the one authority on status changes) would accept for this referral. */
function accepts(referral: Awaiting, event: DomainReferralEvent): boolean {
  return canApply(referral.status as ReferralStatus, event, {
    screening: (referral.screening ?? null) as ReferralFacts['screening'],
    pathway: 'social_contact', // the pathway changes where an accepted referral goes, not whether it can be
    prosecutorApprovalRequired: false,
  });
}

/** Whether a referral is waiting for an answer: an offer can still be made, or answered. */
export function awaitsAnswer(referral: Awaiting): boolean {
  return accepts(referral, { type: 'offer' }) || accepts(referral, { type: 'accept' });
}

/** The events that take a "decide later" referral (screened or offered) to its answer. */
export function eventsFor(status: string, answer: Answer, text: string): ReferralEvent[] {
  if (answer === 'not_offer') return [{ type: 'not_offer', reason: 'officer_discretion', note: text }];
  const outcome: ReferralEvent = answer === 'accept' ? { type: 'accept' } : { type: 'decline', reason: text };
  return status === 'screened' ? [{ type: 'offer' }, outcome] : [outcome];
}

/**
 * The form: accepted, declined (with why) or, before an offer, not offered (with why). A refused
 * change (409 INVALID_TRANSITION: someone recorded something else meanwhile) is said in plain
 * words, with a way to read the referral again.
 */
export function RecordAnswer({
  siteId,
  referral,
  words,
  onSaved,
  onCancel,
  onRefresh,
}: {
  siteId: string;
  referral: { id: string; status: string; screening?: string | null };
  words: (word: AnswerWord) => string;
  onSaved: (result: ReferralSummary | undefined) => void | Promise<void>;
  onCancel?: (() => void) | undefined;
  onRefresh?: (() => void) | undefined;
}) {
  const api = useApi();
  const [answer, setAnswer] = useState<Answer>();
  const [text, setText] = useState('');
  // One key per distinct event, kept while the form is open: pressing save again after a lost
  // answer replays the first request instead of recording the answer twice.
  const keys = useRef(new Map<string, string>());
  const keyFor = (event: ReferralEvent) => {
    const id = JSON.stringify(event);
    const key = keys.current.get(id) ?? newIdempotencyKey();
    keys.current.set(id, key);
    return key;
  };
  const save = useMutation({
    mutationFn: async (events: ReferralEvent[]) => {
      let last: ReferralSummary | undefined;
      for (const event of events) {
        last = await recordReferralEvent(api, siteId, referral.id, event, keyFor(event));
      }
      return last;
    },
    onSuccess: (result) => onSaved(result),
  });
  const options: Answer[] = accepts(referral, { type: 'not_offer', reason: 'officer_discretion', note: '-' })
    ? ['accept', 'decline', 'not_offer']
    : ['accept', 'decline'];
  const needsText = answer === 'decline' || answer === 'not_offer';
  const conflict = save.error instanceof ApiError && save.error.code === 'INVALID_TRANSITION';
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!answer || (needsText && !text.trim())) return;
        save.mutate(eventsFor(referral.status, answer, text.trim()));
      }}
    >
      <Stack gap="sm" mt="sm">
        <SingleChoice
          label={words('legend')}
          options={options.map((value) => ({ value, label: words(value) }))}
          value={answer}
          onChange={(value) => setAnswer(value as Answer)}
        />
        {needsText && (
          <TextInput
            size="lg"
            required
            maxLength={500}
            label={answer === 'decline' ? words('declineReason') : words('notOfferNote')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
        )}
        {conflict && (
          <Alert color="yellow" variant="light" role="alert" data-testid="answer-conflict">
            {words('conflict')}
            {onRefresh && (
              <Button variant="default" size="xs" ml="sm" onClick={onRefresh}>
                {words('refresh')}
              </Button>
            )}
          </Alert>
        )}
        {save.isError && !conflict && <ErrorAlert error={save.error} />}
        <Group grow>
          {onCancel && (
            <Button variant="default" size="lg" onClick={onCancel}>
              {words('cancel')}
            </Button>
          )}
          <Button
            type="submit"
            size="lg"
            loading={save.isPending}
            disabled={!answer || (needsText && !text.trim())}
          >
            {words('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
