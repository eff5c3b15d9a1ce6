// How the banner reports a choice to the consent log (see banner.ts).

/**
 * Sends a report to the consent log. A browser may refuse a beacon (too much
 * queued, a blocker, or no sendBeacon at all): the report then goes once as a
 * fetch that, like a beacon, outlives the page.
 */
export function sendReport(url: string, body: URLSearchParams): void {
  if (!navigator.sendBeacon?.(url, body))
    void fetch(url, { method: 'POST', body, keepalive: true, mode: 'no-cors' }).catch(() => {});
}
