// The screening form, one step at a time: a step indicator at the top, the step's few questions,
// and back / next at the bottom within reach of a thumb. Every change is saved to the device.
import { Alert, Box, Button, Group, List, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionPanel, OfferStep } from './decision-steps.tsx';
import { ageStepOf, decide, type Flow, isComplete, offerOf, problemsAt, stepsFor } from './draft.ts';
import { offerWords } from './offer-words.ts';
import { QuestionsStep } from './question-steps.tsx';
import {
  AgeStep,
  DemographicStep,
  IncidentStep,
  PathwayStep,
  PersonStep,
  type StepProps,
  useStepLabel,
} from './steps.tsx';

function PlaceStep({ draft, update, configuration }: StepProps) {
  const { t } = useTranslation('field');
  const decision = decide(draft, configuration);
  return (
    <Stack gap="lg">
      <TextInput
        size="lg"
        label={t('place.area')}
        description={t('place.areaHint')}
        autoComplete="off"
        maxLength={100}
        value={draft.area}
        onChange={(event) => update({ area: event.currentTarget.value })}
      />
      <TextInput
        size="lg"
        type="datetime-local"
        label={t('place.occurredAt')}
        value={draft.occurredAt}
        onChange={(event) => update({ occurredAt: event.currentTarget.value })}
      />
      <Box>
        <Title order={3} size="h5">
          {t('place.summary')}
        </Title>
        <dl className="field-summary">
          <dt>{t('place.summaryPerson')}</dt>
          <dd>{draft.nameOrAlias}</dd>
          <dt>{t('place.summaryPathway')}</dt>
          <dd>{draft.pathway ? t(`pathways.${draft.pathway}`) : ''}</dd>
          <dt>{t('place.summaryDecision')}</dt>
          <dd>{t(`decision.${decision.status}`)}</dd>
          <dt>{t('place.summaryOffer')}</dt>
          <dd>{offerWords(t, offerOf(draft, decision.status))}</dd>
        </dl>
      </Box>
    </Stack>
  );
}

/**
 * The form for either flow: the officer's encounter ("field", the default) or a request's screening
 * by the care team ("request", which starts at the age and ends with the offer). The caller turns
 * the finished draft into its request and sends it.
 */
export function ScreenForm({
  draft,
  update,
  configuration,
  flow = 'field',
  onSubmit,
  onStartOver,
  submitLabel,
  submitting = false,
  beforeNav,
}: StepProps & {
  flow?: Flow;
  onSubmit: () => void;
  onStartOver: () => void;
  /** The last button's words (default "Submit"). */
  submitLabel?: string;
  /** While the caller sends: the last button waits. */
  submitting?: boolean;
  /** Shown just above back / next (e.g. why sending failed). */
  beforeNav?: ReactNode;
}) {
  const { t } = useTranslation('field');
  const stepLabel = useStepLabel(draft, flow);
  const rules = configuration.ruleSet.rules;
  const steps = stepsFor(draft, rules, flow);
  const index = Math.max(0, steps.indexOf(draft.step));
  const step = steps[index] ?? steps[0] ?? 'pathway';
  const [showProblems, setShowProblems] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const shownStep = useRef(step);
  const decision = decide(draft, configuration);
  const problems = problemsAt(step, draft, rules);

  // A new step: start at its top, and tell screen readers where they are.
  useEffect(() => {
    if (shownStep.current === step) return;
    shownStep.current = step;
    window.scrollTo(0, 0);
    heading.current?.focus();
  });

  const goTo = (target: string) => {
    setShowProblems(false);
    update({ step: target });
  };
  const ageStep = ageStepOf(flow);
  const firstQuestions = steps.find((each) => each.startsWith('questions-')) ?? ageStep;
  const goToUnanswered = () => {
    // The age is asked in the person (or age) step; everything else on the question pages.
    const unknownAge = decision.decidedBy.some(
      (code) => rules.find((rule) => rule.code === code)?.kind === 'minimum_age',
    );
    goTo(unknownAge ? ageStep : firstQuestions);
  };
  const next = (event: FormEvent) => {
    event.preventDefault();
    if (problems.length > 0) {
      setShowProblems(true);
      requestAnimationFrame(() => problemsRef.current?.focus());
      return;
    }
    const following = steps[index + 1];
    if (following) {
      goTo(following);
      return;
    }
    if (submitting) return;
    if (!isComplete(draft, rules, flow)) {
      goTo(steps.find((each) => problemsAt(each, draft, rules).length > 0) ?? steps[0] ?? 'pathway');
      return;
    }
    onSubmit();
  };
  const stepProps = { draft, update, configuration, flow };
  const last = index === steps.length - 1;
  return (
    <form onSubmit={next} noValidate>
      <Stack gap={4} mb="md">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text size="sm" fw={600} data-testid="step-indicator">
            {t('screen.stepOf', { current: index + 1, total: steps.length })}
          </Text>
          <Button variant="subtle" size="compact-sm" onClick={onStartOver}>
            {t('screen.startOver')}
          </Button>
        </Group>
        <Progress value={((index + 1) / steps.length) * 100} size="md" aria-hidden="true" />
      </Stack>
      <Title order={2} size="h3" mb="md" tabIndex={-1} ref={heading} className="field-step-heading">
        {stepLabel(step)}
      </Title>
      {step === 'pathway' && <PathwayStep {...stepProps} />}
      {step === 'incident' && <IncidentStep {...stepProps} />}
      {step === 'person' && <PersonStep {...stepProps} />}
      {step === 'age' && <AgeStep {...stepProps} />}
      {(step === 'race' || step === 'ethnicity' || step === 'gender') && (
        <DemographicStep {...stepProps} field={step} />
      )}
      {step.startsWith('questions-') && (
        <QuestionsStep {...stepProps} page={Number(step.slice('questions-'.length))} />
      )}
      {step === 'decision' && (
        <DecisionPanel decision={decision} configuration={configuration} onAnswer={goToUnanswered} />
      )}
      {step === 'offer' && (
        <Stack gap="lg">
          <DecisionPanel decision={decision} configuration={configuration} />
          <OfferStep
            draft={draft}
            update={update}
            flow={flow}
            decision={decision}
            onAnswer={goToUnanswered}
          />
        </Stack>
      )}
      {step === 'place' && <PlaceStep {...stepProps} />}
      {showProblems && problems.length > 0 && (
        <Alert
          ref={problemsRef}
          tabIndex={-1}
          color="red"
          variant="light"
          role="alert"
          mt="lg"
          title={t('screen.problemsTitle')}
        >
          <List spacing={2}>
            {problems.map((problem) => (
              <List.Item key={problem}>{t(problem)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {beforeNav}
      <div className="field-nav">
        {index > 0 && (
          <Button variant="default" size="lg" onClick={() => goTo(steps[index - 1] ?? 'pathway')}>
            {t('screen.back')}
          </Button>
        )}
        <Button type="submit" size="lg" loading={last && submitting}>
          {last ? (submitLabel ?? t('screen.submit')) : t('screen.next')}
        </Button>
      </div>
    </form>
  );
}
