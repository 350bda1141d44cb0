// Types of what the API sends and accepts, inferred from the server's zod contracts. Type-only
// imports: nothing from zod ends up in the web bundle.
import type { z } from 'zod';
import type {
  loginRequest,
  mfaEnrolmentResponse,
  mfaStateSchema,
  recoveryCodesResponse,
  sessionResponse,
} from '../../contracts/auth.ts';
import type { errorResponse, roleSchema } from '../../contracts/common.ts';
import type {
  addStaffRequest,
  auditEntry,
  auditListResponse,
  staffListResponse,
  staffMember,
} from '../../contracts/sites.ts';

export type Session = z.infer<typeof sessionResponse>;
export type SessionSite = Session['sites'][number];
export type MfaState = z.infer<typeof mfaStateSchema>;
export type Role = z.infer<typeof roleSchema>;
export type LoginRequest = z.infer<typeof loginRequest>;
export type MfaEnrolment = z.infer<typeof mfaEnrolmentResponse>;
export type RecoveryCodes = z.infer<typeof recoveryCodesResponse>;
export type MfaVerifyRequest = { code: string } | { recoveryCode: string };
export type ErrorBody = z.infer<typeof errorResponse>;
export type StaffMember = z.infer<typeof staffMember>;
export type StaffList = z.infer<typeof staffListResponse>;
export type AddStaffRequest = z.input<typeof addStaffRequest>;
export type AuditEntry = z.infer<typeof auditEntry>;
export type AuditList = z.infer<typeof auditListResponse>;
