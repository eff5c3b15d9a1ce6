// The scan as a self-contained HTML report in Swedish, for the company to keep
// as evidence of what its site stored and called on the day: the findings
// first, then each consent state, the declaration compared with, and every
// observation. No external assets: it opens the same in ten years.
import { PARTY_LABELS } from '#lib/consent/declaration.ts';
import { DECLARATION_DOCUMENT_PATH } from '#lib/consent/declarationDocument.ts';
import { formatSwedishDate } from '#lib/dates.ts';
import { escapeHtml } from '#lib/escapeHtml.ts';
import { matchEntry, withoutQuery } from '../compare.ts';
import type { DeclarationDocument, Finding, ScanResult, StateResult, StoredItem } from '../types.ts';
import { categoryTitle, FINDING_TITLES, formatLifetime, stateHowSv, stateLabel, STORAGE_NAMES } from './labels.ts';
import { STYLE } from './style.ts';
import { stateItems, stateOrigins } from './text.ts';

const esc = (text: unknown) => escapeHtml(String(text));

const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  dateStyle: 'long',
  timeStyle: 'medium',
  timeZone: 'Europe/Stockholm',
});
const SHORT_TIME = new Intl.DateTimeFormat('sv-SE', { timeStyle: 'medium', timeZone: 'Europe/Stockholm' });

const dateTime = (iso: string) => DATE_TIME.format(new Date(iso));
const day = formatSwedishDate;

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

const itemName = (item: StoredItem) => `${STORAGE_NAMES[item.storage].sv} ${item.name}`;

/**
 * A finding in Swedish.
 */
export function findingTextSv(finding: Finding, result: ScanResult): string {
  const { declaration } = result;
  const category = (id: string | undefined) => categoryTitle(declaration, id);
  const item = finding.item;
  const what = item ? `${itemName(item)} (${item.where})` : finding.subject;
  switch (finding.name) {
    case 'undeclared':
      return `${what} finns inte i deklarationen.`;
    case 'before-consent':
      return `${what} lagras utan samtycke (före något val eller efter Avvisa alla), men ${
        finding.entry ? `är deklarerad som ${category(finding.entry.category)}` : 'är inte deklarerad som nödvändig'
      }.`;
    case 'wrong-category':
      return `${what} är deklarerad som ${category(finding.entry?.category)}, som besökaren inte har godkänt.`;
    case 'lifetime-exceeds-declaration':
      return `${what} sparas i ${formatLifetime(item?.lifetimeSeconds, 'sv')}, men deklarationen anger ”${finding.entry?.duration ?? ''}”.`;
    case 'wrong-party':
      return item?.party === 'third'
        ? `${what} lagras under en annan webbplats än ${new URL(result.origin).hostname}, men är deklarerad som förstapart.`
        : `${what} är deklarerad som tredjepart, men bara webbplatsens egen kod skrev den (${item?.writers.join(', ') ?? ''}).`;
    case 'survives-withdrawal':
      return `${what} finns kvar efter att ${category(finding.entry?.category)} återkallats.`;
    case 'tool-request-without-consent':
      return `${finding.tools?.join(' / ') ?? finding.subject} anropades (${finding.request ? withoutQuery(finding.request.url) : ''}) utan samtycke till verktygets kategori.`;
    case 'never-seen':
      return `${finding.subject} (${category(finding.entry?.category)}) är deklarerad men sågs inte i något läge. Är deklarationen inaktuell?`;
    case 'third-party-request':
      return `${finding.subject} anropades (${finding.request ? withoutQuery(finding.request.url) : ''}) men är varken ett deklarerat verktyg eller en deklarerad tjänst.`;
    case 'unreadable-duration':
      return `Lagringstiden ”${finding.entry?.duration ?? ''}” för ${finding.entry?.name ?? ''} går inte att tolka, så livslängden kontrollerades inte.`;
  }
}

const pagesHtml = (pages: string[], total: number) =>
  pages.length === total && total > 1 ? `alla ${total}` : pages.map((page) => `<code>${esc(page)}</code>`).join(', ');

const badge = (severity: Finding['severity']) =>
  severity === 'error'
    ? '<span class="badge badge--error">Fel</span>'
    : '<span class="badge badge--warning">Varning</span>';

/** A table; `rows` are already HTML, one `<tr>` each. */
function tableHtml(caption: string, headers: string[], rows: string[], className = ''): string {
  return `<div class="table-wrap"><table${className ? ` class="${className}"` : ''}>
<caption>${caption}</caption>
<thead><tr>${headers.map((header) => `<th scope="col">${header}</th>`).join('')}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table></div>`;
}

/**
 * What an item is declared as, or that it is not.
 */
function declaredAs(declaration: DeclarationDocument, item: StoredItem): string {
  const entry = matchEntry(declaration.entries, item);
  return entry
    ? `${esc(categoryTitle(declaration, entry.category))}, ${esc(entry.duration)}, ${PARTY_LABELS[entry.party].toLowerCase()} <span class="muted">(${esc(entry.name)})</span>`
    : '<strong class="missing">Inte deklarerad</strong>';
}

/**
 * Everything else the scan saw of an item, in a line.
 */
function itemDetails(item: StoredItem): string {
  const expiry =
    item.storage !== 'cookie' || item.transient
      ? ''
      : item.expires
        ? `upphör ${dateTime(item.expires)}`
        : 'sessionscookie';
  return [
    item.where,
    item.path && item.path !== '/' ? `sökväg ${item.path}` : '',
    expiry,
    item.httpOnly ? 'HttpOnly' : '',
    item.secure ? 'Secure' : '',
    item.sameSite ? `SameSite=${item.sameSite}` : '',
    item.transient ? 'skrevs och togs bort under besöket' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function lifetimeHtml(item: StoredItem): string {
  if (item.storage !== 'cookie') return '<span class="muted">–</span>';
  if (item.lifetimeSeconds === null || item.lifetimeSeconds === undefined) return 'Sessionen';
  return esc(formatLifetime(item.lifetimeSeconds, 'sv'));
}

/** One state: what it stored and called, with its findings counted. */
function stateSection(state: StateResult, index: number, result: ScanResult): string {
  const { declaration } = result;
  const total = result.pages.length;
  const items = stateItems(state);
  const origins = stateOrigins(state, declaration);
  const findings = result.findings.filter((finding) => finding.states.includes(state.id));
  const withdrawal = state.kind === 'withdrawn';
  const itemRows = items.map(
    ({ item, pages, withdrawn }) => `<tr${withdrawn ? ' class="after"' : ''}>
<th scope="row" class="name"><code>${esc(item.name)}</code>${item.transient ? ' <span class="muted">(skrevs och togs bort)</span>' : ''}</th>
<td>${esc(STORAGE_NAMES[item.storage].sv)}</td>
<td class="name"><code>${esc(item.where)}</code></td>
<td>${PARTY_LABELS[item.party]}</td>
<td>${lifetimeHtml(item)}</td>
<td>${declaredAs(declaration, item)}</td>
${withdrawal ? `<td>${withdrawn ? 'Efter återkallelsen' : 'Före återkallelsen'}</td>` : ''}
<td>${pagesHtml(pages, total)}</td>
</tr>`,
  );
  const originRows = origins.map(
    (entry) => `<tr>
<th scope="row" class="name"><code>${esc(entry.origin)}</code></th>
<td>${entry.what === 'not declared' ? '<strong class="missing">Inte deklarerat</strong>' : esc(entry.what)}</td>
<td class="num">${entry.count}</td>
<td>${pagesHtml([...entry.pages], total)}</td>
</tr>`,
  );
  return `<section id="lage-${esc(state.id)}" aria-labelledby="lage-${esc(state.id)}-rubrik">
<h2 id="lage-${esc(state.id)}-rubrik">Läge ${index + 1}: ${esc(stateLabel(state, declaration, 'sv'))}</h2>
<p>${esc(stateHowSv(state, declaration))}</p>
<p>${findings.length === 0 ? 'Inga avvikelser i det här läget.' : `<strong>${plural(findings.filter((finding) => finding.severity === 'error').length, 'fel', 'fel')}</strong> och ${plural(findings.filter((finding) => finding.severity === 'warning').length, 'varning', 'varningar')} i det här läget (se Avvikelser).`}</p>
${
  items.length === 0
    ? '<p class="empty">Inget lagrades i webbläsaren: inga cookies, ingen lokal lagring, inga databaser, cacheminnen eller service workers.</p>'
    : tableHtml(
        `Lagrat i webbläsaren, ${esc(stateLabel(state, declaration, 'sv').toLowerCase())}`,
        [
          'Namn',
          'Typ',
          'Domän eller ursprung',
          'Part',
          'Livslängd',
          'Deklarerad som',
          ...(withdrawal ? ['När'] : []),
          'Sidor',
        ],
        itemRows,
      )
}
${
  origins.length === 0
    ? '<p class="empty">Inga anrop till andra ursprung än webbplatsens eget.</p>'
    : tableHtml(
        `Anrop till andra ursprung, ${esc(stateLabel(state, declaration, 'sv').toLowerCase())}`,
        ['Ursprung', 'Vad', 'Antal', 'Sidor'],
        originRows,
      )
}
</section>`;
}

/**
 * Every observation of a state, page by page: the appendix.
 */
function observationsSection(state: StateResult, index: number, result: ScanResult): string {
  const label = esc(stateLabel(state, result.declaration, 'sv'));
  const groups = state.snapshots.map((snapshot) => {
    const when = `${esc(SHORT_TIME.format(new Date(snapshot.at)))}${snapshot.phase === 'withdrawn' ? ', efter återkallelse' : ''}`;
    const status = snapshot.status && snapshot.status !== 200 ? `, HTTP ${snapshot.status}` : '';
    const cells = [
      ...snapshot.items.map(
        (item) =>
          `<td>${esc(STORAGE_NAMES[item.storage].sv)}</td><td class="name"><code>${esc(item.name)}</code></td><td>${esc(
            itemDetails(item),
          )}</td><td>${item.writers.length > 0 ? item.writers.map((writer) => `<code>${esc(writer)}</code>`).join('<br>') : '<span class="muted">okänt</span>'}</td>`,
      ),
      ...snapshot.requests.map(
        (request) =>
          `<td>Anrop</td><td colspan="3" class="url"><code>${esc(request.method)} ${esc(request.url)}</code> <span class="muted">(${esc(request.type)})</span></td>`,
      ),
    ];
    if (cells.length === 0)
      cells.push('<td colspan="4" class="muted">Inget lagrat och inga anrop till andra ursprung.</td>');
    const page = `<th scope="rowgroup" rowspan="${cells.length}"><code>${esc(snapshot.page)}</code><br><span class="muted">${when}${status}</span></th>`;
    return `<tbody>\n${cells.map((cell, row) => `<tr>${row === 0 ? page : ''}${cell}</tr>`).join('\n')}\n</tbody>`;
  });
  return `<section aria-labelledby="obs-${esc(state.id)}">
<h3 id="obs-${esc(state.id)}">Läge ${index + 1}: ${label}</h3>
<div class="table-wrap"><table class="observations">
<caption>Varje observation, ${label.toLowerCase()}</caption>
<thead><tr>${['Sida och tid', 'Typ', 'Namn eller adress', 'Detaljer', 'Skrevs av'].map((header) => `<th scope="col">${header}</th>`).join('')}</tr></thead>
${groups.join('\n')}
</table></div>
</section>`;
}

/**
 * The report, as one HTML document.
 */
export function htmlReport(result: ScanResult): string {
  const { declaration } = result;
  const host = new URL(result.origin).host;
  const errors = result.findings.filter((finding) => finding.severity === 'error');
  const warnings = result.findings.filter((finding) => finding.severity === 'warning');
  const stateName = (id: string) => {
    const state = result.states.find((candidate) => candidate.id === id);
    return state ? stateLabel(state, declaration, 'sv') : id;
  };
  const findingRows = result.findings.map(
    (finding) => `<tr>
<td>${badge(finding.severity)}</td>
<th scope="row">${esc(FINDING_TITLES[finding.name].sv)}<span class="finding-name"><code>${esc(finding.name)}</code></span></th>
<td>${esc(findingTextSv(finding, result))}</td>
<td>${finding.states.length > 0 ? finding.states.map((id) => esc(stateName(id))).join('<br>') : '<span class="muted">Alla lägen</span>'}</td>
<td>${finding.pages.length > 0 ? pagesHtml(finding.pages, result.pages.length) : '<span class="muted">–</span>'}</td>
</tr>`,
  );
  const overviewRows = result.states.map((state, index) => {
    const items = stateItems(state);
    const cookies = new Set(items.filter(({ item }) => item.storage === 'cookie').map(({ item }) => item.name)).size;
    const other = new Set(
      items.filter(({ item }) => item.storage !== 'cookie').map(({ item }) => `${item.storage}|${item.name}`),
    ).size;
    const requests = state.snapshots.reduce((sum, snapshot) => sum + snapshot.requests.length, 0);
    const stateErrors = errors.filter((finding) => finding.states.includes(state.id)).length;
    return `<tr>
<th scope="row"><a href="#lage-${esc(state.id)}">${index + 1}. ${esc(stateLabel(state, declaration, 'sv'))}</a></th>
<td class="num">${cookies}</td><td class="num">${other}</td><td class="num">${requests}</td>
<td class="num">${stateErrors === 0 ? '0' : `<strong class="missing">${stateErrors}</strong>`}</td>
</tr>`;
  });
  const entryRows = declaration.entries.map(
    (entry) => `<tr>
<th scope="row"><code>${esc(entry.name)}</code></th>
<td>${esc(STORAGE_NAMES[entry.storage].sv)}</td>
<td>${esc(categoryTitle(declaration, entry.category))}</td>
<td>${esc(entry.provider)}</td>
<td>${PARTY_LABELS[entry.party]}</td>
<td>${esc(entry.duration)}</td>
<td>${esc(entry.purpose)}</td>
</tr>`,
  );
  const toolRows = [
    ...declaration.tools.map(
      (tool) =>
        `<tr><th scope="row">${esc(tool.name)}</th><td>${esc(categoryTitle(declaration, tool.category))}</td><td>${[...tool.origins, ...tool.urls].map((url) => `<code>${esc(url)}</code>`).join('<br>')}</td></tr>`,
    ),
    ...declaration.endpoints.map(
      (endpoint) =>
        `<tr><th scope="row">${esc(endpoint.name)}</th><td>${esc(categoryTitle(declaration, endpoint.category))}</td><td><code>${esc(endpoint.url)}</code></td></tr>`,
    ),
  ];
  const verdict =
    errors.length === 0
      ? `<p class="verdict verdict--pass">Godkänd: inga fel${warnings.length > 0 ? `, ${plural(warnings.length, 'varning', 'varningar')}` : ''}.<small>Webbplatsen lagrade och anropade bara det som deklarationen tillåter i varje läge.</small></p>`
      : `<p class="verdict verdict--fail">Underkänd: ${plural(errors.length, 'fel', 'fel')}${warnings.length > 0 ? ` och ${plural(warnings.length, 'varning', 'varningar')}` : ''}.<small>Webbplatsen lagrade eller anropade något som deklarationen inte tillåter. Se Avvikelser.</small></p>`;

  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cookieskanning av ${esc(host)}, ${esc(dateTime(result.startedAt))}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="page">
<header>
<p class="kicker">Cookie- och lagringsskanning</p>
<h1>${esc(host)}</h1>
<dl class="facts">
<dt>Skannad</dt><dd>${esc(dateTime(result.startedAt))} (svensk tid), ${esc(result.seconds.toFixed(1).replace('.', ','))} sekunder</dd>
<dt>Adress</dt><dd><code>${esc(result.origin)}</code>${result.url !== result.origin ? ` (angiven som <code>${esc(result.url)}</code>)` : ''}</dd>
<dt>Deklaration</dt><dd>Cookiepolicy version ${esc(declaration.policy.version)}, gäller från ${esc(day(declaration.policy.effective))}: <a href="${esc(declaration.policy.permanentUrl)}">${esc(declaration.policy.permanentUrl)}</a></dd>
<dt>Omfattning</dt><dd>${plural(result.pages.length, 'sida', 'sidor')} ur webbplatsens sitemap, i ${plural(result.states.length, 'samtyckesläge', 'samtyckeslägen')}${result.states.length < result.stateIds.length ? ` av webbplatsens ${result.stateIds.length} (ett urval)` : ''}</dd>
<dt>Webbläsare</dt><dd>${esc(result.browser)}, utan tillägg, ny profil för varje läge</dd>
</dl>
${verdict}
<nav aria-label="Rapportens delar">
<ol>
<li><a href="#avvikelser">Avvikelser</a></li>
<li><a href="#lagen">Lägena i korthet</a></li>
${result.states.map((state, index) => `<li><a href="#lage-${esc(state.id)}">Läge ${index + 1}: ${esc(stateLabel(state, declaration, 'sv'))}</a></li>`).join('\n')}
<li><a href="#deklarationen">Deklarationen som jämfördes</a></li>
<li><a href="#sidor">Skannade sidor</a></li>
<li><a href="#observationer">Varje observation</a></li>
<li><a href="#metod">Så gjordes skanningen</a></li>
</ol>
</nav>
</header>
<main>
<section id="avvikelser" aria-labelledby="avvikelser-rubrik">
<h2 id="avvikelser-rubrik">Avvikelser</h2>
${
  result.findings.length === 0
    ? '<p class="empty">Inga avvikelser. Allt som lagrades fanns i deklarationen, i en kategori som besökaren hade godkänt, med rätt part och inom den deklarerade lagringstiden, och inga verktyg anropades utan samtycke.</p>'
    : tableHtml(
        `${plural(errors.length, 'fel', 'fel')} och ${plural(warnings.length, 'varning', 'varningar')}`,
        ['Allvar', 'Avvikelse', 'Vad', 'Läge', 'Sidor'],
        findingRows,
      )
}
</section>
<section id="lagen" aria-labelledby="lagen-rubrik">
<h2 id="lagen-rubrik">Lägena i korthet</h2>
${tableHtml('Vad som lagrades och anropades i varje läge', ['Läge', 'Cookies', 'Annan lagring', 'Anrop till andra ursprung', 'Fel'], overviewRows)}
</section>
${result.states.map((state, index) => stateSection(state, index, result)).join('\n')}
<section id="deklarationen" aria-labelledby="deklarationen-rubrik">
<h2 id="deklarationen-rubrik">Deklarationen som jämfördes</h2>
<p>Hämtad från webbplatsen själv, <code>${esc(new URL(DECLARATION_DOCUMENT_PATH, result.origin).href)}</code>, när skanningen började.</p>
${tableHtml('Deklarerade cookies och annan lagring', ['Namn', 'Typ', 'Kategori', 'Leverantör', 'Part', 'Lagringstid', 'Syfte'], entryRows)}
${toolRows.length > 0 ? tableHtml('Verktyg och tjänster som webbplatsen anropar', ['Namn', 'Kategori', 'Ursprung och adresser'], toolRows) : '<p class="empty">Inga verktyg eller tjänster är deklarerade.</p>'}
</section>
<section id="sidor" aria-labelledby="sidor-rubrik">
<h2 id="sidor-rubrik">Skannade sidor</h2>
<ol>${result.pages.map((page) => `<li><code>${esc(page)}</code></li>`).join('')}</ol>
</section>
<section id="observationer" aria-labelledby="observationer-rubrik">
<h2 id="observationer-rubrik">Varje observation</h2>
<p>Allt som fanns i webbläsaren när varje sida hade laddat klart, och varje anrop till ett annat ursprung under besöket. Cookies räknas från hela webbläsarprofilen, även de som sattes på tidigare sidor.</p>
${result.states.map((state, index) => observationsSection(state, index, result)).join('\n')}
</section>
<section id="metod" aria-labelledby="metod-rubrik">
<h2 id="metod-rubrik">Så gjordes skanningen</h2>
<ul>
<li>Varje läge skannas i en ny webbläsarprofil. Valet görs i bannern på första sidan, precis som en besökare gör det; sedan besöks varje sida i webbplatsens sitemap.</li>
<li>Cookies läses via Chromiums utvecklarprotokoll, så att även cookies som satts av HTTP-svar och av andra webbplatser syns. Lokal lagring, sessionslagring, IndexedDB, Cache Storage och service workers läses i varje ram på sidan. Skript som skriver cookies eller lagring noteras medan sidan körs, så att även det som skrivs och tas bort syns.</li>
<li>Part: en cookie är förstapart när den lagras under webbplatsens egen domän (registrerbar domän enligt Public Suffix List), annars tredjepart. En tredjepartscookie som är deklarerad som förstapart är ett fel. En cookie under webbplatsens domän får vara deklarerad som tredjepart när en annan parts skript skrev den, men inte när bara webbplatsens egen kod gjorde det.</li>
<li>Livslängd: tiden från observationen till att cookien upphör. Den jämförs med den deklarerade lagringstiden tolkad som längsta möjliga (till exempel 6 månader = 184 dagar), med en minuts marginal för klockskillnader. ”Sessionen” och ”Tills du stänger webbläsaren” betyder att cookien inte får ha något slutdatum.</li>
<li>Fel gör att skanningen misslyckas (avslutningskod 1). Varningar är saker att se över: en deklarerad post som aldrig syntes kan vara inaktuell, och ett anrop till tredje part som inte är ett deklarerat verktyg bör förklaras.</li>
</ul>
</section>
</main>
<footer>
<p>Skapad med <code>npm run scan</code>. Rapporten är fristående: den hämtar inget från nätet och kan sparas som den är.</p>
</footer>
</div>
</body>
</html>
`;
}
