/**
 * A scan that cannot be made: the site is unreachable, or lacks what the scan
 * reads. Shown as its message alone, never with a stack trace.
 */
export class ScanInputError extends Error {
  override name = 'ScanInputError';
}
