/** What happens next: the reference, and the reply deadline as a date (GDPR art. 12(3)). */
import { addMonths, formatSwedishDate } from '../../lib/dates.ts';
import type { RequestAction } from '../../lib/requests/catalogue.ts';
import { setText } from './dom.ts';

export function showReceipt(receipt: HTMLElement, reference: string, today: string, route: RequestAction): void {
  const deadline = formatSwedishDate(addMonths(today, 1));
  setText(receipt, 'reference', reference);
  setText(
    receipt,
    'deadline',
    route === 'letter'
      ? `räknat från den dag brevet kommer fram. Kommer det fram i dag är sista dagen ${deadline}.`
      : `senast ${deadline}.`,
  );
  setText(receipt, 'extended', formatSwedishDate(addMonths(today, 3)));
  receipt.hidden = false;
}
