import type { RouteDefinition } from '../route.ts';
import { appointmentRoutes } from './appointments.ts';
import { authRoutes } from './auth.ts';
import { caseloadRoutes } from './caseloads.ts';
import { directoryRoutes } from './directory.ts';
import { fundRoutes } from './funds.ts';
import { handoffOperationsRoutes } from './handoff-operations.ts';
import { handoffRoutes } from './handoffs.ts';
import { healthRoutes } from './health.ts';
import { intakeDeadlineRoutes } from './intake-deadlines.ts';
import { liveRoutes } from './live.ts';
import { onCallRoutes } from './on-call.ts';
import { participantCareRoutes } from './participant-care.ts';
import { participantExitRoutes } from './participant-exits.ts';
import { participantRoutes } from './participants.ts';
import { referralRoutes } from './referrals.ts';
import { screeningRoutes } from './screening.ts';
import { serviceReferralRoutes } from './service-referrals.ts';
import { siteRoutes } from './sites.ts';

/** The route table: every route the server has, each with its declared access. */
export const ROUTES: RouteDefinition[] = [
  ...healthRoutes,
  ...authRoutes,
  ...siteRoutes,
  ...screeningRoutes,
  ...referralRoutes,
  ...onCallRoutes,
  ...intakeDeadlineRoutes,
  ...handoffRoutes,
  ...handoffOperationsRoutes,
  ...participantRoutes,
  ...participantExitRoutes,
  ...appointmentRoutes,
  ...fundRoutes,
  ...caseloadRoutes,
  ...participantCareRoutes,
  ...directoryRoutes,
  ...serviceReferralRoutes,
  ...liveRoutes,
];
