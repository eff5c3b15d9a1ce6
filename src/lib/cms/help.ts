/**
 * The web editor's Swedish help: a line above each policy's list of versions,
 * and the steps shown at the top of every version's form. Plain data only:
 * this module also runs in the browser.
 */

/** One step of the help, as a heading and a few sentences. */
export interface HelpStep {
  title: string;
  text: string;
}

/** The line above the list of a policy's versions. */
export function collectionDescription(definite: string, singular: string): string {
  return (
    `Varje post är en version av ${definite}, med dagen den börjar gälla. En publicerad version ändras aldrig: ` +
    `för att ändra vad policyn säger klickar du på "Ny ${singular}", som börjar från den senaste versionen. ` +
    'Hjälpen överst i formuläret går igenom stegen.'
  );
}

/** The steps from a new version to a published one, shown at the top of the form. */
export const HELP_STEPS: readonly HelpStep[] = [
  {
    title: '1. Börja från versionen som gäller',
    text:
      '"Ny version" börjar som en kopia av den senaste versionen, också om den ännu är under arbete: texten, ' +
      'cookiedeklarationen eller registret över behandlingar och nästa versionsnummer är redan ifyllda. ' +
      'Du skriver dagen den nya versionen ska börja gälla och en rad om vad som ändras.',
  },
  {
    title: '2. Ändra texten och fälten',
    text:
      'Texten skrivs i Markdown: ## ger en rubrik, **ord** fetstil och en rad som börjar med - en punkt i en lista. ' +
      'Ändra bara det som ska ändras: besökarna ser varje ändrat ord på versionens ändringssida. ' +
      'Under varje fält står vad det betyder och vad som inte godtas.',
  },
  {
    title: '3. Väsentlig ändring',
    text:
      'En ändring är väsentlig när den påverkar besökarnas rättigheter eller hur deras uppgifter behandlas, ' +
      'till exempel ett nytt ändamål, en ny mottagare eller en längre lagringstid. Slå då på "Väsentlig ändring" ' +
      'och ge versionen ett datum en tid framåt: den visas som kommande, så att besökarna hinner läsa den.',
  },
  {
    title: '4. Under arbete',
    text:
      'Låt "Under arbete" vara på så länge versionen inte är klar, till exempel medan en uppgift saknas. ' +
      'Den kan då förhandsvisas men publiceras aldrig. Slå av den när versionen ska publiceras.',
  },
  {
    title: '5. Spara, granska och publicera',
    text:
      'På webbplatsen sparas versionen som ett utkast i arbetsflödet. Sätt den till "Under granskning" när den är klar: ' +
      'en automatisk kontroll prövar den mot gällande lag och registrerar den som publicerad, och någon annan läser den. ' +
      'Först när granskaren har godkänt och publicerat den kommer den ut på webbplatsen. ' +
      'Redigerar du på din egen dator (npm run edit) sparas den direkt i filen och går samma väg genom git.',
  },
  {
    title: 'Publicerade versioner',
    text:
      'En version som har publicerats kan inte sparas med ändringar, eftersom besökare och jurister förlitar sig på ' +
      'att den är oförändrad. Ska policyn säga något annat börjar du en ny version. Ett stavfel eller en trasig länk ' +
      'rättas med en rättelse, som den som förvaltar webbplatsen registrerar.',
  },
];

/** The notice on a published version's form, above the steps. */
export const PUBLISHED_NOTICE =
  'Den här versionen är publicerad. Du kan läsa den och förhandsvisa den, men inte spara ändringar i den.';
