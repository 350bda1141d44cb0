import {
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ETHNICITIES, GENDERS, MISSING_REASONS, RACES } from '../../../contracts/demographic-codes.ts';
import { CONTACT_METHOD_KINDS, NEED_DOMAINS, NEED_LEVELS } from '../../../domain/participants/intake.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MultiChoice, SingleChoice } from '../field/choice.tsx';
import { type ParticipantDetail, type SaveIntakeBody, useSaveIntake } from './participant-api.ts';

type Need = { level: (typeof NEED_LEVELS)[number]; notes: string };
type ContactMethod = {
  key: string;
  kind: (typeof CONTACT_METHOD_KINDS)[number];
  value: string;
  note: string;
  remindersAllowed: boolean;
};
type Demographics = {
  race?: string[];
  raceMissing?: string;
  ethnicity?: string;
  ethnicityMissing?: string;
  gender?: string[];
  genderMissing?: string;
};

/** The demographics only once each of race, ethnicity and gender is answered or recorded as missing. */
function completeDemographics(value: Demographics): SaveIntakeBody['demographics'] | undefined {
  const race = value.race?.length
    ? { race: value.race }
    : value.raceMissing
      ? { raceMissing: value.raceMissing }
      : undefined;
  const ethnicity = value.ethnicity
    ? { ethnicity: value.ethnicity }
    : value.ethnicityMissing
      ? { ethnicityMissing: value.ethnicityMissing }
      : undefined;
  const gender = value.gender?.length
    ? { gender: value.gender }
    : value.genderMissing
      ? { genderMissing: value.genderMissing }
      : undefined;
  if (!race || !ethnicity || !gender) return undefined;
  return { ...race, ...ethnicity, ...gender } as SaveIntakeBody['demographics'];
}

/**
 * The intake's answers: what the person needs right now, needs by domain, self-reported
 * demographics and ways to reach them. Saved as a draft as often as needed.
 */
export function IntakeForm({ siteId, participant }: { siteId: string; participant: ParticipantDetail }) {
  const { t } = useTranslation('participant');
  const { t: field } = useTranslation('field');
  const { t: program } = useTranslation('program');
  const save = useSaveIntake(siteId, participant.id);
  const intake = participant.intake;
  const [neededNow, setNeededNow] = useState(intake?.neededNow ?? '');
  const [immediateNeeds, setImmediateNeeds] = useState(intake?.immediateNeeds ?? '');
  const [priorities, setPriorities] = useState(intake?.priorities ?? '');
  const [needs, setNeeds] = useState<Record<string, Need>>(() =>
    Object.fromEntries(
      (intake?.needs ?? []).map((need) => [need.domain, { level: need.level, notes: need.notes ?? '' }]),
    ),
  );
  const [demographics, setDemographics] = useState<Demographics>(
    () => (intake?.demographics ?? {}) as Demographics,
  );
  const [methods, setMethods] = useState<ContactMethod[]>(() =>
    participant.contactMethods.map((method) => ({
      ...method,
      key: crypto.randomUUID(),
      note: method.note ?? '',
    })),
  );
  const [saved, setSaved] = useState(false);

  const setNeed = (domain: string, change: Partial<Need>) =>
    setNeeds((all) => ({ ...all, [domain]: { level: 'none', notes: '', ...all[domain], ...change } }));
  const setMethod = (index: number, change: Partial<ContactMethod>) =>
    setMethods((all) => all.map((each, at) => (at === index ? { ...each, ...change } : each)));
  const text = (value: string) => (value.trim() ? value.trim() : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const answered = completeDemographics(demographics);
    const body: SaveIntakeBody = {
      neededNow: text(neededNow),
      immediateNeeds: text(immediateNeeds),
      priorities: text(priorities),
      needs: Object.entries(needs).map(([domain, need]) => ({
        domain: domain as (typeof NEED_DOMAINS)[number],
        level: need.level,
        ...(need.notes.trim() ? { notes: need.notes.trim() } : {}),
      })),
      ...(answered ? { demographics: answered } : {}),
      contactMethods: methods
        .filter((method) => method.value.trim())
        .map((method) => ({
          kind: method.kind,
          value: method.value.trim(),
          remindersAllowed: method.remindersAllowed,
          ...(method.note.trim() ? { note: method.note.trim() } : {}),
        })),
    };
    setSaved(false);
    save.mutate(body, { onSuccess: () => setSaved(true) });
  };
  const missingOptions = MISSING_REASONS.map((reason) => ({
    value: reason,
    label: program(`screenRequest.demographics.missing.${reason}`),
  }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Textarea
          label={t('intake.neededNow')}
          description={t('intake.neededNowHint')}
          autosize
          minRows={2}
          size="md"
          value={neededNow}
          onChange={(event) => setNeededNow(event.currentTarget.value)}
        />
        <Textarea
          label={t('intake.immediateNeeds')}
          autosize
          minRows={2}
          size="md"
          value={immediateNeeds}
          onChange={(event) => setImmediateNeeds(event.currentTarget.value)}
        />
        <Textarea
          label={t('intake.priorities')}
          autosize
          minRows={2}
          size="md"
          value={priorities}
          onChange={(event) => setPriorities(event.currentTarget.value)}
        />

        <section aria-labelledby="needs-heading">
          <Title order={2} size="h3" id="needs-heading" mb="xs">
            {t('intake.needsHeading')}
          </Title>
          <Stack gap="sm">
            {NEED_DOMAINS.map((domain) => (
              <Card key={domain} withBorder padding="sm" data-testid={`need-${domain}`}>
                <Text fw={600} id={`need-${domain}-label`} mb={4}>
                  {t(`need.${domain}`)}
                </Text>
                <SegmentedControl
                  fullWidth
                  aria-labelledby={`need-${domain}-label`}
                  value={needs[domain]?.level ?? 'none'}
                  onChange={(level) => setNeed(domain, { level: level as Need['level'] })}
                  data={NEED_LEVELS.map((level) => ({ value: level, label: t(`level.${level}`) }))}
                />
                {needs[domain] && needs[domain].level !== 'none' && (
                  <TextInput
                    mt="xs"
                    size="md"
                    label={t('intake.needNotes')}
                    value={needs[domain].notes}
                    onChange={(event) => setNeed(domain, { notes: event.currentTarget.value })}
                  />
                )}
              </Card>
            ))}
          </Stack>
        </section>

        <section aria-labelledby="demographics-heading">
          <Title order={2} size="h3" id="demographics-heading" mb="xs">
            {t('intake.demographicsHeading')}
          </Title>
          <Text size="sm" mb="sm">
            {program('screenRequest.demographics.intro')}
          </Text>
          <Stack gap="lg">
            <MultiChoice
              label={field('steps.race')}
              options={RACES.map((value) => ({ value, label: field(`demographics.race.${value}`) }))}
              values={demographics.race ?? []}
              onChange={(race) => setDemographics((all) => ({ ...all, race, raceMissing: undefined }))}
            />
            <SingleChoice
              label={field('demographics.orMissing')}
              options={missingOptions}
              value={demographics.raceMissing}
              onChange={(raceMissing) => setDemographics((all) => ({ ...all, raceMissing, race: [] }))}
            />
            <SingleChoice
              label={field('steps.ethnicity')}
              options={ETHNICITIES.map((value) => ({
                value,
                label: field(`demographics.ethnicity.${value}`),
              }))}
              value={demographics.ethnicity}
              onChange={(ethnicity) =>
                setDemographics((all) => ({ ...all, ethnicity, ethnicityMissing: undefined }))
              }
            />
            <SingleChoice
              label={field('demographics.orMissing')}
              options={missingOptions}
              value={demographics.ethnicityMissing}
              onChange={(ethnicityMissing) =>
                setDemographics((all) => ({ ...all, ethnicityMissing, ethnicity: undefined }))
              }
            />
            <MultiChoice
              label={field('steps.gender')}
              options={GENDERS.map((value) => ({ value, label: field(`demographics.gender.${value}`) }))}
              values={demographics.gender ?? []}
              onChange={(gender) => setDemographics((all) => ({ ...all, gender, genderMissing: undefined }))}
            />
            <SingleChoice
              label={field('demographics.orMissing')}
              options={missingOptions}
              value={demographics.genderMissing}
              onChange={(genderMissing) => setDemographics((all) => ({ ...all, genderMissing, gender: [] }))}
            />
          </Stack>
        </section>

        <section aria-labelledby="reach-heading">
          <Title order={2} size="h3" id="reach-heading" mb="xs">
            {t('intake.reachHeading')}
          </Title>
          <Stack gap="sm">
            {methods.map((method, index) => (
              <Card key={method.key} withBorder padding="sm">
                <Stack gap="xs">
                  <NativeSelect
                    label={t('intake.methodKind')}
                    size="md"
                    value={method.kind}
                    data={CONTACT_METHOD_KINDS.map((kind) => ({ value: kind, label: t(`method.${kind}`) }))}
                    onChange={(event) =>
                      setMethod(index, { kind: event.currentTarget.value as ContactMethod['kind'] })
                    }
                  />
                  <TextInput
                    label={t('intake.methodValue')}
                    size="md"
                    value={method.value}
                    onChange={(event) => setMethod(index, { value: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('intake.methodNote')}
                    placeholder={t('intake.methodNoteExample')}
                    size="md"
                    value={method.note}
                    onChange={(event) => setMethod(index, { note: event.currentTarget.value })}
                  />
                  <Checkbox
                    size="md"
                    label={t('intake.remindersAllowed')}
                    checked={method.remindersAllowed}
                    onChange={(event) => setMethod(index, { remindersAllowed: event.currentTarget.checked })}
                  />
                </Stack>
              </Card>
            ))}
            <Button
              variant="light"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                setMethods((all) => [
                  ...all,
                  { key: crypto.randomUUID(), kind: 'sms', value: '', note: '', remindersAllowed: false },
                ])
              }
            >
              {t('intake.addMethod')}
            </Button>
          </Stack>
        </section>

        {save.isError && <ErrorAlert error={save.error} />}
        {saved && (
          <Text c="green.9" role="status" data-testid="draft-saved">
            {t('intake.saved')}
          </Text>
        )}
        <Group>
          <Button type="submit" size="lg" variant="outline" loading={save.isPending}>
            {t('intake.saveDraft')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
