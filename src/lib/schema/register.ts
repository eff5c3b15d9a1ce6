/**
 * The schema of the processing register a privacy policy version carries
 * (GDPR art. 13–14) and of its data protection officer. The plain types and
 * the checks that span fields are in src/lib/privacy/register.ts.
 */
import { z } from 'astro/zod';
// Types the editor's metadata in .meta() below: label, hint, options.
import type {} from '../fieldMeta.ts';
import {
  entryProblems,
  LEGAL_BASES,
  LEGAL_BASIS_IDS,
  RECIPIENT_ROLES,
  registerProblems,
  type RecipientRole,
  SAFEGUARD_IDS,
  SAFEGUARD_LABELS,
  SYSTEM_IDS,
  type SystemId,
} from '../privacy/register.ts';
import { message, oneOf, requiredText, textList, trueOrFalse } from './messages.ts';

/**
 * Someone who receives the data: a processor acting for the company, a
 * controller of its own, or a joint controller with the company.
 */
const recipientSchema = z.strictObject({
  /** The recipient's name ("Fortnox AB") or category ("vår revisor"). Required. */
  name: requiredText('name', 'who receives the data, by name or category').meta({
    label: 'Namn',
    hint: 'Mottagarens namn ("Fortnox AB") eller slag ("vår revisor"). Får inte vara tomt.',
  }),
  /**
   * processor (personuppgiftsbiträde), controller (självständigt
   * personuppgiftsansvarig) or joint-controller (gemensamt personuppgiftsansvarig). Required.
   */
  role: oneOf('role', RECIPIENT_ROLES).meta({
    label: 'Roll',
    hint: 'Ett personuppgiftsbiträde behandlar uppgifterna för vår räkning; en självständigt personuppgiftsansvarig, som en revisor, för egen räkning; en gemensamt personuppgiftsansvarig bestämmer ändamål och medel tillsammans med oss, som Google för det som Googles taggar på webbplatsen samlar in och skickar.',
    options: {
      processor: 'Personuppgiftsbiträde',
      controller: 'Självständigt personuppgiftsansvarig',
      'joint-controller': 'Gemensamt personuppgiftsansvarig',
    } satisfies Record<RecipientRole, string>,
  }),
  /** With joint-controller only: the essence of the arrangement, in Swedish (GDPR art. 26(2)). */
  arrangement: requiredText('arrangement', 'the essence of the arrangement between the joint controllers')
    .optional()
    .meta({
      label: 'Det väsentliga i arrangemanget',
      hint: 'Bara med gemensamt personuppgiftsansvarig: vem av er som ansvarar för vad, till exempel för informationen till besökarna och för att svara när någon använder sina rättigheter (artikel 26.2). Bygget kräver det med den rollen och vägrar det med en annan.',
      multiline: true,
    }),
});

/** A transfer outside the EU/EEA, with its safeguard. */
const transferSchema = z.strictObject({
  /** The country, in Swedish: "USA". Required. */
  country: requiredText('country', 'the country outside the EU/EEA, in Swedish').meta({
    label: 'Land',
    hint: 'Landet utanför EU/EES, på svenska: "USA". Får inte vara tomt.',
  }),
  /** Who receives the data there. Optional. */
  recipient: requiredText('recipient', 'who receives the data there')
    .optional()
    .meta({ label: 'Mottagare', hint: 'Vem som tar emot uppgifterna där. Valfritt.' }),
  /** adequacy, data-privacy-framework or standard-contractual-clauses. Required. */
  safeguard: oneOf('safeguard', SAFEGUARD_IDS).meta({
    label: 'Skyddsåtgärd',
    hint: 'Det som gör överföringen laglig (dataskyddsförordningen artikel 45–46).',
    options: SAFEGUARD_LABELS,
  }),
  /** The safeguard should the first one fall, such as standard-contractual-clauses. Optional. */
  fallback: oneOf('fallback', SAFEGUARD_IDS).optional().meta({
    label: 'Skyddsåtgärd om den första upphör',
    hint: 'Den skyddsåtgärd överföringen vilar på om den första upphör att gälla, till exempel standardavtalsklausuler om ett beslut om adekvat skyddsnivå upphävs. Valfritt; bygget vägrar samma skyddsåtgärd två gånger.',
    options: SAFEGUARD_LABELS,
  }),
});

/** Whether the person must provide the data, and what follows if they don't. */
const requirementSchema = z.strictObject({
  /** True when the person has to provide the data. Required. */
  mandatory: trueOrFalse('mandatory').meta({
    label: 'Skyldig att lämna uppgifterna',
    hint: 'Slå på när personen måste lämna uppgifterna, enligt lag eller avtal eller för att ingå ett avtal.',
  }),
  /** Why, and what follows if they don't, in Swedish. Required. */
  consequence: requiredText('consequence', "why, and what follows if the person doesn't provide the data").meta({
    label: 'Varför, och vad som händer annars',
    hint: 'Varför uppgifterna behövs och vad som händer om personen inte lämnar dem, på svenska. Får inte vara tomt.',
    multiline: true,
  }),
});

const system = oneOf('tool', SYSTEM_IDS);

/** The systems as the web editor names them. */
const SYSTEM_OPTIONS = {
  matomo: 'Matomo (besöksstatistik)',
  gtm: 'Google Tag Manager (marknadsföring)',
  consentLog: 'Samtyckesloggen',
  requestEndpoint: 'Formuläret för begäranden (mottagaren på webben)',
  requestEmail: 'Begäranden via e-post',
} as const satisfies Record<SystemId, string>;

/** One purpose of the processing register (GDPR art. 13–14). */
export const processingEntrySchema = z
  .strictObject({
    /** The purpose (ändamål), in Swedish. Required. */
    purpose: requiredText('purpose', 'the purpose of the processing, in Swedish').meta({
      label: 'Ändamål',
      hint: 'Varför uppgifterna behandlas, på svenska. Får inte vara tomt.',
    }),
    /** The categories of personal data. Required, at least one. */
    data: textList('data', 'the categories of personal data, in Swedish').meta({
      label: 'Personuppgifter',
      item: 'uppgift',
      hint: 'Vilka slags personuppgifter, en per rad: namn, e-postadress. Minst en.',
    }),
    /** Whose data it is: kunder, besökare, de som kontaktar oss. Required, at least one. */
    subjects: textList('subjects', 'whose data it is, in Swedish').meta({
      label: 'Vems uppgifter',
      item: 'grupp',
      hint: 'Vems uppgifterna är: kunder, besökare, de som kontaktar oss. Minst en.',
    }),
    /** The legal basis, GDPR art. 6(1)(a)–(f). Required. */
    legalBasis: oneOf('legalBasis', LEGAL_BASIS_IDS).meta({
      label: 'Rättslig grund',
      hint: 'Den rättsliga grunden enligt dataskyddsförordningen artikel 6.1. Med rättslig förpliktelse anger du lagen, med berättigat intresse intresset; bygget vägrar annars.',
      options: Object.fromEntries(
        LEGAL_BASIS_IDS.map((id) => [id, `${LEGAL_BASES[id].title} (${LEGAL_BASES[id].article})`]),
      ),
    }),
    /** With legitimate-interests: the interest, in words. */
    interest: requiredText('interest', 'the legitimate interest, in Swedish').optional().meta({
      label: 'Berättigat intresse',
      hint: 'Bara med berättigat intresse: intresset, i ord. Bygget vägrar det med en annan rättslig grund.',
      multiline: true,
    }),
    /** With legal-obligation: the law, such as bokföringslagen (1999:1078). */
    law: requiredText('law', 'the law that requires the processing').optional().meta({
      label: 'Lag',
      hint: 'Bara med rättslig förpliktelse: lagen, till exempel bokföringslagen (1999:1078). Bygget vägrar den med en annan rättslig grund.',
    }),
    /** How long the data are kept, or what decides it. Required. */
    retention: requiredText('retention', 'how long the data are kept, or what decides it').meta({
      label: 'Lagringstid',
      hint: 'Hur länge uppgifterna sparas, eller vad som avgör det. Får inte vara tom.',
      multiline: true,
    }),
    /** Who receives the data; [] when nobody outside the company does. Required. */
    recipients: z
      .array(recipientSchema, {
        error: message.notList('recipients', 'recipients; write [] when nobody outside the company receives the data'),
      })
      .meta({
        label: 'Mottagare',
        item: 'mottagare',
        summary: '{{fields.name}}',
        hint: 'Vilka utanför företaget som får uppgifterna. Lämna listan tom när ingen gör det.',
      }),
    /** Transfers outside the EU/EEA; [] when there are none. Required. */
    transfers: z
      .array(transferSchema, {
        error: message.notList('transfers', 'transfers outside the EU/EEA; write [] when there are none'),
      })
      .meta({
        label: 'Överföringar utanför EU/EES',
        item: 'överföring',
        summary: '{{fields.country}}',
        hint: 'Varje land utanför EU/EES dit uppgifterna förs, med skyddsåtgärd. Lämna listan tom när inga uppgifter lämnar EU/EES.',
      }),
    /** Where the data come from, when not from the person (art. 14). */
    source: requiredText('source', 'where the data come from').optional().meta({
      label: 'Källa',
      hint: 'Varifrån uppgifterna kommer, när de inte kommer från personen själv (artikel 14). Valfritt.',
    }),
    /** Whether the person must provide the data (art. 13(2)(e)). Required unless `source` says they come from elsewhere. */
    required: requirementSchema.optional().meta({
      label: 'Krav att lämna uppgifterna',
      hint: 'Om personen måste lämna uppgifterna och vad som händer annars (artikel 13.2 e). Bygget kräver det när Källa inte är ifylld.',
    }),
    /** Automated decisions, profiling included (art. 22), where there are any. */
    automatedDecisions: requiredText('automatedDecisions', 'the automated decisions and what they mean for the person')
      .optional()
      .meta({
        label: 'Automatiserade beslut',
        hint: 'Bara om det finns automatiserade beslut eller profilering (artikel 22): vilka, och vad de betyder för personen.',
        multiline: true,
      }),
    /** The configured system the entry covers, or a list of them. Optional. */
    tool: z
      .union([system, z.array(system)], {
        error: message.mustBe('tool', `one of ${SYSTEM_IDS.join(', ')}, or a list of them`),
      })
      .optional()
      .meta({
        label: 'Verktyg och kanaler',
        hint: 'Vilka av webbplatsens verktyg och kanaler posten gäller. Bygget vägrar ett register som inte täcker varje verktyg och kanal som webbplatsen är inställd att använda, och säger vilket som saknas.',
        options: SYSTEM_OPTIONS,
      }),
  })
  .superRefine((entry, context) => {
    for (const { field, at, message } of entryProblems(entry)) {
      context.addIssue({
        code: 'custom',
        path: [field, ...(at ?? [])],
        message: `${message} (purpose "${entry.purpose}")`,
      });
    }
  });

/** The data protection officer, where the company has one (GDPR art. 13(1)(b)). */
export const dpoSchema = z.strictObject({
  /** The officer's name, or the function's. Required. */
  name: requiredText('name', "the data protection officer's name").meta({
    label: 'Namn',
    hint: 'Dataskyddsombudets namn, eller funktionens: "Dataskyddsombudet".',
  }),
  /** Where to reach them. Required. */
  email: z.email({ error: message.mustBe('email', 'an e-mail address') }).meta({
    label: 'E-post',
    hint: 'Där dataskyddsombudet nås. Bygget vägrar något som inte är en e-postadress.',
    pattern: ['^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$', 'Skriv en e-postadress, till exempel dataskydd@techtroopers.com'],
  }),
  /** Optional. */
  phone: requiredText('phone', "the data protection officer's phone number")
    .optional()
    .meta({ label: 'Telefon', hint: 'Dataskyddsombudets telefonnummer. Valfritt.' }),
});

/**
 * The register: one entry per purpose, at least one, no purpose twice. A
 * problem is named by the entry's index and field (`processing.2.purpose`).
 */
export const processingRegisterSchema = z
  .array(processingEntrySchema, { error: message.notList('processing', 'purposes') })
  .min(1, '"processing" must list at least one purpose, or be left out')
  .superRefine((entries, context) => {
    for (const { index, message: text } of registerProblems(entries)) {
      context.addIssue({ code: 'custom', path: [index, 'purpose'], message: text });
    }
  });
