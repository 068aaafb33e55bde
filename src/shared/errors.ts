/** The one error shape of the API: { error: { code, message, fields? } }. */
export interface FieldError {
  path: string;
  message: string;
}

export interface ErrorBody {
  error: { code: string; message: string; fields?: FieldError[] };
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503;

export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) },
    };
  }
}

export const notFound = () => new AppError(404, 'not_found', 'We could not find that.');
export const signedOut = () => new AppError(401, 'signed_out', 'Please sign in to continue.');
export const forbidden = (message = 'This is yours to see, but not yours to change.') => new AppError(403, 'forbidden', message);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const badInput = (fields: FieldError[], message = 'Some details need another look.') =>
  new AppError(400, 'invalid_input', message, fields);
