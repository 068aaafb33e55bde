import type { SafetyAnswers } from '../../../src/domain/safety';
import type { LoginBody, MeView, SessionList, SignupBody, UpdateMeBody, UserView } from '../../../src/features/auth/auth.schema';
import type { ClientConfig } from '../../../src/features/health/client-config.schema';
import type { SafetyView } from '../../../src/features/safety/safety.schema';
import type { InviteCreated, InviteList, InvitePreview, SpaceView } from '../../../src/features/spaces/spaces.schema';

// Types only: nothing from the server's schema modules (or valibot) reaches the browser bundle.

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfter: number | null = null,
  ) {
    super(message);
  }
}

const OFFLINE_MESSAGE = 'We could not reach Attune. Please check your connection and try again.';

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers:
        body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', OFFLINE_MESSAGE);
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (res.ok) return data as T;
  const err = (data as { error?: { code?: string; message?: string; fields?: FieldError[] } } | null)?.error;
  const retry = Number(res.headers.get('retry-after'));
  throw new ApiError(
    res.status,
    err?.code ?? 'unknown',
    err?.message ?? 'Something went wrong on our side. Please try again in a moment.',
    Array.isArray(err?.fields) ? err.fields : [],
    Number.isFinite(retry) && retry > 0 ? retry : null,
  );
}

const enc = encodeURIComponent;

export const api = {
  config: () => request<ClientConfig>('GET', '/config'),

  signup: (body: SignupBody) => request<UserView>('POST', '/auth/signup', body),
  login: (body: LoginBody) => request<UserView>('POST', '/auth/login', body),
  logout: () => request<void>('POST', '/auth/logout'),
  me: () => request<MeView>('GET', '/me'),
  updateMe: (body: UpdateMeBody) => request<MeView>('PATCH', '/me', body),
  sessions: () => request<SessionList>('GET', '/auth/sessions'),
  endSession: (id: string) => request<void>('DELETE', `/auth/sessions/${enc(id)}`),
  signOutEverywhere: () => request<void>('POST', '/auth/sessions/sign-out-everywhere'),
  requestReset: (email: string) => request<{ message: string }>('POST', '/auth/password-reset', { email }),
  confirmReset: (token: string, password: string) =>
    request<UserView>('POST', '/auth/password-reset/confirm', { token, password }),

  space: () => request<SpaceView>('GET', '/space'),
  createInvite: () => request<InviteCreated>('POST', '/space/invites'),
  invites: () => request<InviteList>('GET', '/space/invites'),
  revokeInvite: (id: string) => request<void>('DELETE', `/space/invites/${enc(id)}`),
  previewInvite: (token: string) => request<InvitePreview>('GET', `/invites/${enc(token)}`),
  acceptInvite: (token: string) => request<SpaceView>('POST', `/invites/${enc(token)}/accept`),
  leaveSpace: () => request<SpaceView>('POST', '/space/leave'),
  dismissNotice: (id: string) => request<void>('DELETE', `/space/notices/${enc(id)}`),
  safety: () => request<SafetyView>('GET', '/safety'),
  saveSafety: (answers: SafetyAnswers) => request<SafetyView>('PUT', '/safety', { answers }),
  forgetSafety: () => request<void>('DELETE', '/safety'),
};

export type { SessionView } from '../../../src/features/auth/auth.schema';
export type { SafetyView } from '../../../src/features/safety/safety.schema';
export type { InviteView } from '../../../src/features/spaces/spaces.schema';
export type { ClientConfig, InviteCreated, InviteList, InvitePreview, MeView, SessionList, SpaceView, UserView };
