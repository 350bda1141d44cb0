// The screening form as data: what the officer has entered so far, the steps it needs, and the
// request it becomes. Pure functions, so the rules of the form are tested without a browser.
import { evaluateScreening, type ScreeningDecision } from '../../../domain/eligibility/evaluate.ts';
import type {
  EventDatesQuestion,
  Rule,
  ScreeningAnswers,
  YesNoQuestion,
} from '../../../domain/eligibility/rules.ts';
import type {
  EncounterRequest,
  Pathway,
  ScreeningConfiguration,
  ScreenRequestBody,
} from '../../offline/field-api.ts';

type Demographics = EncounterRequest['perceivedDemographics'];
export type MissingReason = NonNullable<Demographics['raceMissing']>;
export type Race = NonNullable<Demographics['race']>[number];
export type Ethnicity = NonNullable<Demographics['ethnicity']>;
export type Gender = NonNullable<Demographics['gender']>[number];

export { ETHNICITIES, GENDERS, MISSING_REASONS, RACES } from '../../../contracts/demographic-codes.ts';
export type Tristate = 'yes' | 'no' | 'not_asked';
export type OfferChoice = 'accepted' | 'declined' | 'officer_discretion' | 'pending';
/** Who gave the race, ethnicity and gender: the person (asked), or the screener (perceived). */
export type DemographicsSource = ScreenRequestBody['demographicsSource'];

/**
 * Which screening the form is for. "field": the officer's encounter (how they met, the incident,
 * the person, where and when). "request": a community or self-referral the care team screens on
 * the phone; the request already has the pathway, the name and the time, so only the age, the
 * demographics, the questions and the offer are asked.
 */
export type Flow = 'field' | 'request';

export type Draft = {
  version: 1;
  userId: string;
  siteId: string;
  /** When the officer started: the default time of the encounter. */
  startedAt: string;
  /** The officer's local date when the screening started: ages and look-backs count from it. */
  screenedOn: string;
  step: string;
  pathway?: Pathway;
  incidentNumber: string;
  chargeCodes: string[];
  nameOrAlias: string;
  ageBy: 'dateOfBirth' | 'age' | 'unknown';
  dateOfBirth: string;
  age: string;
  race: Race[];
  raceMissing?: MissingReason;
  ethnicity?: Ethnicity;
  ethnicityMissing?: MissingReason;
  gender: Gender[];
  genderMissing?: MissingReason;
  /** Empty: not asked. */
  opioidDosageUnits: string;
  yesNo: Partial<Record<YesNoQuestion, Tristate>>;
  events: Partial<Record<EventDatesQuestion, { answer: Tristate; dates: string[] }>>;
  /** Unset in the field (always perceived); a request's screening asks the person by default. */
  demographicsSource?: DemographicsSource;
  offer?: OfferChoice;
  declineReason: string;
  discretionNote: string;
  area: string;
  /** A datetime-local value (local time, no zone). */
  occurredAt: string;
};

const pad = (value: number) => String(value).padStart(2, '0');

export function localDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function localDateTime(date: Date): string {
  return `${localDate(date)}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A time as an ISO timestamp with this device's offset ("2026-05-01T14:30:05-04:00"). */
export function isoWithOffset(date: Date): string {
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${localDateTime(date)}:${pad(date.getSeconds())}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** A datetime-local value as an ISO timestamp with this device's offset, or undefined. */
export function withOffset(local: string): string | undefined {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : isoWithOffset(date);
}

/** When the encounter happened: the time the officer entered, or (left as it was) the start, to the second. */
export function occurredAtOf(draft: Draft): string | undefined {
  const started = new Date(draft.startedAt);
  if (!Number.isNaN(started.getTime()) && draft.occurredAt === localDateTime(started))
    return isoWithOffset(started);
  return withOffset(draft.occurredAt);
}

export function newDraft(userId: string, siteId: string, now: Date): Draft {
  return {
    version: 1,
    userId,
    siteId,
    startedAt: now.toISOString(),
    screenedOn: localDate(now),
    step: 'pathway',
    incidentNumber: '',
    chargeCodes: [],
    nameOrAlias: '',
    ageBy: 'dateOfBirth',
    dateOfBirth: '',
    age: '',
    race: [],
    gender: [],
    opioidDosageUnits: '',
    yesNo: {},
    events: {},
    declineReason: '',
    discretionNote: '',
    area: '',
    occurredAt: localDateTime(now),
  };
}

/** The rules asked on the question pages (age comes from the person step), a few per page. */
export function questionPages(rules: Rule[]): Rule[][] {
  const asked = rules.filter((rule) => rule.kind !== 'minimum_age');
  const pages: Rule[][] = [];
  for (let index = 0; index < asked.length; index += 3) pages.push(asked.slice(index, index + 3));
  return pages;
}

/** The steps every screening has: demographics, the questions, the decision and the offer. */
function screeningSteps(rules: Rule[]): string[] {
  return [
    'race',
    'ethnicity',
    'gender',
    ...questionPages(rules).map((_, index) => `questions-${index + 1}`),
    'decision',
    'offer',
  ];
}

/**
 * Every step of the form for this draft, in order. In the field: how they met, the incident (arrest
 * diversions only), the person, the screening, then where and when. For a request: the age (the
 * request has the name), then the screening.
 */
export function stepsFor(draft: Draft, rules: Rule[], flow: Flow = 'field'): string[] {
  if (flow === 'request') return ['age', ...screeningSteps(rules)];
  return [
    'pathway',
    ...(draft.pathway === 'arrest_diversion' ? ['incident'] : []),
    'person',
    ...screeningSteps(rules),
    'place',
  ];
}

/** The step that asks the age in this flow (the decision sends the screener back to it). */
export function ageStepOf(flow: Flow): string {
  return flow === 'request' ? 'age' : 'person';
}

const isDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text));
const wholeNumber = (text: string, max: number) =>
  /^\d+$/.test(text.trim()) && Number(text) >= 0 && Number(text) <= max;

/** The screening answers: a question not answered is left out, never sent as "no". */
export function answersOf(draft: Draft): ScreeningAnswers {
  const answers: ScreeningAnswers = { screenedOn: draft.screenedOn };
  if (draft.ageBy === 'dateOfBirth' && isDate(draft.dateOfBirth) && draft.dateOfBirth <= draft.screenedOn)
    answers.dateOfBirth = draft.dateOfBirth;
  if (draft.ageBy === 'age' && wholeNumber(draft.age, 120)) answers.age = Number(draft.age);
  if (wholeNumber(draft.opioidDosageUnits, 1_000_000))
    answers.opioidDosageUnits = Number(draft.opioidDosageUnits);
  for (const [question, answer] of Object.entries(draft.yesNo) as [YesNoQuestion, Tristate][]) {
    if (answer === 'yes') answers[question] = true;
    if (answer === 'no') answers[question] = false;
  }
  for (const [question, event] of Object.entries(draft.events) as [
    EventDatesQuestion,
    { answer: Tristate; dates: string[] },
  ][]) {
    if (event.answer === 'no') answers[question] = [];
    if (event.answer === 'yes') {
      const dates = event.dates.filter((date) => isDate(date) && date <= draft.screenedOn);
      if (dates.length > 0) answers[question] = dates;
    }
  }
  return answers;
}

export function decide(draft: Draft, configuration: ScreeningConfiguration): ScreeningDecision {
  return evaluateScreening(configuration.ruleSet, answersOf(draft));
}

/** Problems that keep the officer on a step, as translation keys (field namespace). */
export function problemsAt(step: string, draft: Draft, rules: Rule[]): string[] {
  const problems: string[] = [];
  switch (step) {
    case 'pathway':
      if (!draft.pathway) problems.push('problems.pathway');
      break;
    case 'incident':
      if (!draft.incidentNumber.trim()) problems.push('problems.incidentNumber');
      if (draft.chargeCodes.length === 0) problems.push('problems.charges');
      break;
    case 'person':
      if (!draft.nameOrAlias.trim()) problems.push('problems.name');
      problems.push(...problemsAt('age', draft, rules));
      break;
    case 'age':
      if (draft.ageBy === 'dateOfBirth' && draft.dateOfBirth) {
        if (!isDate(draft.dateOfBirth)) problems.push('problems.dateOfBirth');
        else if (draft.dateOfBirth > draft.screenedOn) problems.push('problems.dateOfBirthFuture');
      }
      if (draft.ageBy === 'age' && draft.age && !wholeNumber(draft.age, 120)) problems.push('problems.age');
      break;
    case 'race':
      if (draft.race.length === 0 && !draft.raceMissing) problems.push('problems.race');
      break;
    case 'ethnicity':
      if (!draft.ethnicity && !draft.ethnicityMissing) problems.push('problems.ethnicity');
      break;
    case 'gender':
      if (draft.gender.length === 0 && !draft.genderMissing) problems.push('problems.gender');
      break;
    case 'offer':
      if (statusUnder(rules, draft) === 'eligible') {
        if (!draft.offer) problems.push('problems.offer');
        if (draft.offer === 'declined' && !draft.declineReason.trim())
          problems.push('problems.declineReason');
        if (draft.offer === 'officer_discretion' && !draft.discretionNote.trim())
          problems.push('problems.discretionNote');
      }
      break;
    case 'place':
      if (!withOffset(draft.occurredAt)) problems.push('problems.occurredAt');
      if (/-?\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}/.test(draft.area)) problems.push('problems.areaGps');
      break;
    default:
      if (step.startsWith('questions-')) {
        const page = questionPages(rules)[Number(step.slice('questions-'.length)) - 1] ?? [];
        for (const rule of page) {
          if (rule.kind === 'quantity_over_limit' && draft.opioidDosageUnits.trim()) {
            if (!wholeNumber(draft.opioidDosageUnits, 1_000_000)) problems.push('problems.quantity');
          }
          if (rule.kind === 'event_within_years') {
            const event = draft.events[rule.question];
            if (event?.answer === 'yes') {
              const entered = event.dates.filter((date) => date.trim());
              if (entered.length === 0) problems.push('problems.eventDate');
              else if (entered.some((date) => !isDate(date))) problems.push('problems.eventDateInvalid');
              else if (entered.some((date) => date > draft.screenedOn))
                problems.push('problems.eventDateFuture');
            }
          }
        }
      }
  }
  return problems;
}

function statusUnder(rules: Rule[], draft: Draft) {
  return evaluateScreening({ name: '', version: 0, rules }, answersOf(draft)).status;
}

/** The offer as the server takes it; an ineligible person is recorded "not offered: ineligible". */
export function offerOf(draft: Draft, status: ScreeningDecision['status']): EncounterRequest['offer'] {
  if (status === 'ineligible') return { outcome: 'not_offered', reason: 'ineligible' };
  if (status === 'needs_information') return { outcome: 'not_offered', reason: 'needs_information' };
  switch (draft.offer) {
    case 'declined':
      return { outcome: 'declined', reason: draft.declineReason.trim() };
    case 'officer_discretion':
      return { outcome: 'not_offered', reason: 'officer_discretion', note: draft.discretionNote.trim() };
    case 'pending':
      return { outcome: 'pending' };
    default:
      return { outcome: 'accepted' };
  }
}

/** Whether every step of the flow is complete (no problem left on any). */
export function isComplete(draft: Draft, rules: Rule[], flow: Flow = 'field'): boolean {
  return stepsFor(draft, rules, flow).every((step) => problemsAt(step, draft, rules).length === 0);
}

/** Race, ethnicity and gender as the server takes them: values, or why none is recorded. */
export function demographicsOf(draft: Draft): EncounterRequest['perceivedDemographics'] {
  return {
    ...(draft.raceMissing ? { raceMissing: draft.raceMissing } : { race: draft.race }),
    ...(draft.ethnicityMissing
      ? { ethnicityMissing: draft.ethnicityMissing }
      : draft.ethnicity
        ? { ethnicity: draft.ethnicity }
        : {}),
    ...(draft.genderMissing ? { genderMissing: draft.genderMissing } : { gender: draft.gender }),
  };
}

/** The request body for POST /encounters, or undefined while a step still has a problem. */
export function requestOf(draft: Draft, configuration: ScreeningConfiguration): EncounterRequest | undefined {
  const rules = configuration.ruleSet.rules;
  if (!isComplete(draft, rules)) return undefined;
  const occurredAt = occurredAtOf(draft);
  if (!draft.pathway || !occurredAt) return undefined;
  const decision = decide(draft, configuration);
  const arrest = draft.pathway === 'arrest_diversion';
  return {
    pathway: draft.pathway,
    occurredAt,
    ...(draft.area.trim() ? { area: draft.area.trim() } : {}),
    ...(arrest ? { incidentNumber: draft.incidentNumber.trim(), chargeCodes: draft.chargeCodes } : {}),
    person: { nameOrAlias: draft.nameOrAlias.trim() },
    perceivedDemographics: demographicsOf(draft),
    ruleSetId: configuration.ruleSet.id,
    answers: answersOf(draft),
    offer: offerOf(draft, decision.status),
  };
}

/**
 * The body for POST /referrals/<id>/screening (a request's screening), or undefined while a step
 * still has a problem. Demographics are self-reported unless the screener chose otherwise.
 */
export function screenRequestOf(
  draft: Draft,
  configuration: ScreeningConfiguration,
): ScreenRequestBody | undefined {
  if (!isComplete(draft, configuration.ruleSet.rules, 'request')) return undefined;
  return {
    demographics: demographicsOf(draft),
    demographicsSource: draft.demographicsSource ?? 'self_reported',
    ruleSetId: configuration.ruleSet.id,
    answers: answersOf(draft),
    offer: offerOf(draft, decide(draft, configuration).status),
  };
}
