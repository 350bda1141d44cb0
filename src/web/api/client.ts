// The one place the web app talks to the server: JSON in and out, the CSRF header on every
// state-changing request, and errors turned into ApiError with the server's code.
import type {
  AddStaffRequest,
  AuditList,
  ErrorBody,
  LoginRequest,
  MfaEnrolment,
  MfaVerifyRequest,
  RecoveryCodes,
  Session,
  StaffList,
  StaffMember,
} from './types.ts';

/** An error answer from the API (or no answer at all: status 0, code NETWORK_ERROR). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Codes meaning the session is gone: the app goes back to the sign-in page. */
export const SIGNED_OUT_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED']);

/** Codes meaning the second factor must be done first: the app re-reads the session. */
export const MFA_CODES: ReadonlySet<string> = new Set(['MFA_REQUIRED', 'MFA_ENROLMENT_REQUIRED']);

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function readJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The typed API. Holds the CSRF token from the latest session answer; one per app. */
export class ApiClient {
  private csrfToken: string | undefined;

  constructor(private readonly baseUrl = '') {}

  async request<T>(method: Method, path: string, options: { body?: unknown; headers?: object } = {}) {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
    let body: string | undefined;
    if (method !== 'GET') {
      if (this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body ?? {});
    }
    let response: Response;
    try {
      response = await fetch(this.baseUrl + path, { method, headers, body, credentials: 'same-origin' });
    } catch {
      throw new ApiError(0, 'NETWORK_ERROR', 'The server could not be reached.');
    }
    const json = readJson(await response.text());
    if (!response.ok) {
      const error = (json as Partial<ErrorBody> | undefined)?.error;
      throw new ApiError(
        response.status,
        error?.code ?? `HTTP_${response.status}`,
        error?.message ?? response.statusText,
      );
    }
    return json as T;
  }

  private remember(session: Session): Session {
    this.csrfToken = session.csrfToken;
    return session;
  }

  /** The signed-in session, or null when nobody is signed in. */
  async getSession(): Promise<Session | null> {
    try {
      return this.remember(await this.request<Session>('GET', '/api/v1/auth/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.csrfToken = undefined;
        return null;
      }
      throw error;
    }
  }

  async logIn(credentials: LoginRequest): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/api/v1/auth/login', { body: credentials }));
  }

  async verifyMfa(body: MfaVerifyRequest): Promise<Session> {
    return this.remember(await this.request<Session>('POST', '/api/v1/auth/mfa/verify', { body }));
  }

  startMfaEnrolment(): Promise<MfaEnrolment> {
    return this.request('POST', '/api/v1/auth/mfa/enrolment');
  }

  confirmMfaEnrolment(code: string): Promise<RecoveryCodes> {
    return this.request('POST', '/api/v1/auth/mfa/enrolment/confirm', { body: { code } });
  }

  async logOut(): Promise<void> {
    await this.request('POST', '/api/v1/auth/logout');
    this.csrfToken = undefined;
  }

  listStaff(siteId: string): Promise<StaffList> {
    return this.request('GET', `/api/v1/sites/${encodeURIComponent(siteId)}/staff`);
  }

  /** Gives a role; `idempotencyKey` is fresh per form submission, so a retry is never doubled. */
  addStaff(siteId: string, body: AddStaffRequest, idempotencyKey: string): Promise<StaffMember> {
    return this.request('POST', `/api/v1/sites/${encodeURIComponent(siteId)}/staff`, {
      body,
      headers: { 'idempotency-key': idempotencyKey },
    });
  }

  listAudit(siteId: string, page: { before?: number | undefined; limit: number }): Promise<AuditList> {
    const query = new URLSearchParams({ limit: String(page.limit) });
    if (page.before !== undefined) query.set('before', String(page.before));
    return this.request('GET', `/api/v1/sites/${encodeURIComponent(siteId)}/audit?${query}`);
  }
}
