// The live decision and the offer's outcome.
import { Alert, Button, List, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScreeningDecision } from '../../../domain/eligibility/evaluate.ts';
import type { ScreeningConfiguration } from '../../offline/field-api.ts';
import { SingleChoice } from './choice.tsx';
import type { OfferChoice } from './draft.ts';
import { failingRuleWords, unansweredWords } from './rule-words.ts';

import { INPUT, type StepProps } from './steps.tsx';

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
