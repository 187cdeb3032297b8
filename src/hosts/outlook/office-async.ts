/**
 * office-js reports through callbacks; every callback API is wrapped in a promise once, here,
 * so that no caller reads a value before its callback has run.
 */

export class OfficeCallError extends Error {
  constructor(
    message: string,
    readonly code?: number | string,
  ) {
    super(message);
    this.name = 'OfficeCallError';
  }
}

/** Run an office-js `…Async(…, callback)` call and resolve with its value, or reject with its error. */
export function officeCall<T>(invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      invoke((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(new OfficeCallError(result.error?.message ?? 'Outlook reported an error.', result.error?.code));
      });
    } catch (error) {
      reject(error);
    }
  });
}
