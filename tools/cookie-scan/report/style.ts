// The HTML report's stylesheet, inlined into the report so that it needs nothing
// from the network: readable on screen, printable as evidence.

/** The report's CSS. */
export const STYLE = `
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --line: #cbd5e1; --soft: #f1f5f9; --brand: #1e3a8a; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
.page { max-width: 80rem; margin: 0 auto; padding: 2rem 1.25rem 4rem; }
a { color: var(--brand); }
a:focus-visible, summary:focus-visible { outline: 3px solid #1d4ed8; outline-offset: 2px; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0.25rem 0 1rem; overflow-wrap: anywhere; }
h2 { font-size: 1.5rem; margin: 2.75rem 0 0.5rem; padding-top: 1rem; border-top: 2px solid var(--line); }
h3 { font-size: 1.15rem; margin: 2rem 0 0.5rem; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; font-weight: 700; color: var(--muted); }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1.5rem; margin: 0 0 1.5rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.verdict { font-size: 1.25rem; font-weight: 700; padding: 1rem 1.25rem; border-radius: 0.5rem; border: 2px solid; margin: 0 0 1.5rem; }
.verdict--pass { color: #14532d; background: #f0fdf4; border-color: #166534; }
.verdict--fail { color: #7f1d1d; background: #fef2f2; border-color: #b91c1c; }
.verdict small { display: block; font-size: 0.95rem; font-weight: 400; margin-top: 0.25rem; }
nav ol { columns: 2 18rem; padding-left: 1.25rem; margin: 0; }
.table-wrap { overflow-x: auto; margin: 0.75rem 0 1.25rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.4rem; color: var(--muted); }
th, td { text-align: left; vertical-align: top; padding: 0.45rem 0.6rem; border: 1px solid var(--line); }
thead th { background: var(--soft); }
tbody th { font-weight: 500; }
tbody tr:nth-child(even) td, tbody tr:nth-child(even) th { background: #f8fafc; }
tr.after td, tr.after th { background: #eff6ff; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.url code, td code { overflow-wrap: anywhere; }
.name code { white-space: nowrap; }
.observations tbody { border-top: 2px solid #94a3b8; }
.observations tbody tr td, .observations tbody tr th { background: #fff; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.88em; }
.badge { display: inline-block; font-size: 0.8rem; font-weight: 700; padding: 0.1rem 0.5rem; border-radius: 999px; color: #fff; white-space: nowrap; }
.badge--error { background: #b91c1c; }
.badge--warning { background: #92400e; }
.missing { color: #991b1b; }
.muted { color: var(--muted); }
.empty { padding: 0.75rem 1rem; background: var(--soft); border-radius: 0.375rem; }
.finding-name { display: block; font-size: 0.8rem; color: var(--muted); }
.observations { font-size: 0.85rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: 0.9rem; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  h2 { break-before: auto; break-after: avoid; }
  tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  a { color: inherit; }
}
`;
