// A participant's appointments, funds and exit (src/http/routes/appointments.ts, funds.ts,
// participant-exits.ts), and the site's funds totals.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  appointment,
  appointmentChangeRequest,
  appointmentOutcomeResponse,
  appointmentRequest,
  appointmentSettings,
  appointmentSettingsRequest,
  appointmentsResponse,
} from '../../../contracts/appointments.ts';
import type {
  fundEntry,
  fundEntryRequest,
  fundingSourcesResponse,
  fundTotals,
  participantFundsResponse,
} from '../../../contracts/funds.ts';
import type {
  exitRequest,
  participantStatusResponse,
  reEntryRequest,
} from '../../../contracts/participant-status.ts';
import { useApi } from '../../api/api-context.tsx';

export type Appointment = z.infer<typeof appointment>;
export type Appointments = z.infer<typeof appointmentsResponse>;
export type AppointmentBody = z.input<typeof appointmentRequest>;
export type AppointmentChangeBody = z.input<typeof appointmentChangeRequest>;
export type AppointmentSettings = z.infer<typeof appointmentSettings>;
export type AppointmentSettingsBody = z.input<typeof appointmentSettingsRequest>;
export type AppointmentOutcome = z.infer<typeof appointmentOutcomeResponse>;
export type FundEntry = z.infer<typeof fundEntry>;
export type FundEntryBody = z.input<typeof fundEntryRequest>;
export type FundTotals = z.infer<typeof fundTotals>;
export type ParticipantFunds = z.infer<typeof participantFundsResponse>;
export type FundingSources = z.infer<typeof fundingSourcesResponse>;
export type ParticipantStatus = z.infer<typeof participantStatusResponse>;
export type ExitBody = z.input<typeof exitRequest>;
export type ReEntryBody = z.input<typeof reEntryRequest>;

const sitePath = (siteId: string) => `/api/v1/sites/${encodeURIComponent(siteId)}`;
const participantUrl = (siteId: string, participantId: string) =>
  `${sitePath(siteId)}/participants/${encodeURIComponent(participantId)}`;

/** Every query here sits under ['participants', siteId], so any change refreshes the page (and its timeline). */
function useCaseworkQuery<T>(siteId: string, key: string[], path: string) {
  const api = useApi();
  return useQuery({
    queryKey: ['participants', siteId, ...key],
    queryFn: () => api.request<T>('GET', path),
  });
}

export const useAppointments = (siteId: string, participantId: string) =>
  useCaseworkQuery<Appointments>(
    siteId,
    ['appointments', participantId],
    `${participantUrl(siteId, participantId)}/appointments`,
  );

export const useParticipantFunds = (siteId: string, participantId: string) =>
  useCaseworkQuery<ParticipantFunds>(
    siteId,
    ['funds', participantId],
    `${participantUrl(siteId, participantId)}/funds`,
  );

export const useFundingSources = (siteId: string) =>
  useCaseworkQuery<FundingSources>(siteId, ['funding-sources'], `${sitePath(siteId)}/funding-sources`);

export const useParticipantStatus = (siteId: string, participantId: string) =>
  useCaseworkQuery<ParticipantStatus>(
    siteId,
    ['status', participantId],
    `${participantUrl(siteId, participantId)}/status`,
  );

export function useFundTotals(siteId: string, period: { from: string; to: string }, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: ['funds-totals', siteId, period.from, period.to],
    queryFn: () =>
      api.request<FundTotals>('GET', `${sitePath(siteId)}/funds/totals?${new URLSearchParams(period)}`),
    enabled,
  });
}

function useCaseworkMutation<Input, Output>(
  siteId: string,
  request: (input: Input) => { method: 'POST' | 'PATCH'; path: string; body?: unknown },
) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: 'always',
    mutationFn: (input: Input) => {
      const { method, path, body } = request(input);
      return api.request<Output>(method, path, { body: body ?? {} });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['participants', siteId] }),
  });
}

export const useBookAppointment = (siteId: string, participantId: string) =>
  useCaseworkMutation<AppointmentBody, Appointment>(siteId, (body) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/appointments`,
    body,
  }));

/** Moves (or otherwise changes) a scheduled appointment; a new time replaces its reminders. */
export const useMoveAppointment = (siteId: string, participantId: string) =>
  useCaseworkMutation<{ appointmentId: string; changes: AppointmentChangeBody }, Appointment>(
    siteId,
    (input) => ({
      method: 'PATCH',
      path: `${participantUrl(siteId, participantId)}/appointments/${encodeURIComponent(input.appointmentId)}`,
      body: input.changes,
    }),
  );

/** The site's reminder offsets and missed-appointments exit policy. */
export const useAppointmentSettings = (siteId: string) =>
  useCaseworkQuery<AppointmentSettings>(
    siteId,
    ['appointment-settings'],
    `${sitePath(siteId)}/appointment-settings`,
  );

export const useSaveAppointmentSettings = (siteId: string) =>
  useCaseworkMutation<AppointmentSettingsBody, AppointmentSettings>(siteId, (body) => ({
    method: 'PATCH',
    path: `${sitePath(siteId)}/appointment-settings`,
    body,
  }));

export const useRecordAppointment = (siteId: string, participantId: string) =>
  useCaseworkMutation<
    { appointmentId: string; status: 'attended' | 'missed' | 'cancelled' },
    AppointmentOutcome
  >(siteId, (input) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/appointments/${encodeURIComponent(input.appointmentId)}/status`,
    body: { status: input.status },
  }));

export const useRecordFundEntry = (siteId: string, participantId: string) =>
  useCaseworkMutation<FundEntryBody, FundEntry>(siteId, (body) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/funds`,
    body,
  }));

export const useReverseFundEntry = (siteId: string, participantId: string) =>
  useCaseworkMutation<{ entryId: string; date: string }, FundEntry>(siteId, (input) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/funds/${encodeURIComponent(input.entryId)}/reversal`,
    body: { date: input.date },
  }));

export const useExitParticipant = (siteId: string, participantId: string) =>
  useCaseworkMutation<ExitBody, ParticipantStatus>(siteId, (body) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/exit`,
    body,
  }));

export const useReEnterParticipant = (siteId: string, participantId: string) =>
  useCaseworkMutation<ReEntryBody, ParticipantStatus>(siteId, (body) => ({
    method: 'POST',
    path: `${participantUrl(siteId, participantId)}/re-entry`,
    body,
  }));

export const useAddFundingSource = (siteId: string) =>
  useCaseworkMutation<{ name: string }, unknown>(siteId, (body) => ({
    method: 'POST',
    path: `${sitePath(siteId)}/funding-sources`,
    body,
  }));

export const useSetFundingSourceActive = (siteId: string) =>
  useCaseworkMutation<{ id: string; active: boolean }, unknown>(siteId, (input) => ({
    method: 'PATCH',
    path: `${sitePath(siteId)}/funding-sources/${encodeURIComponent(input.id)}`,
    body: { active: input.active },
  }));

/** Today's date in the site's time zone, 'YYYY-MM-DD' (the default date of a ledger entry). */
export function todayAt(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** Cents as money in the reader's language ("$12.50", "12,50 US$"). */
export function formatCents(cents: number, language: string): string {
  return new Intl.NumberFormat(language, { style: 'currency', currency: 'USD' }).format(cents / 100);
}
