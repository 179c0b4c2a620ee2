/** A problem with how kam was called or with the repo as a whole: reported in one line, exit 2. */
export class KamError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'KamError';
  }
}
