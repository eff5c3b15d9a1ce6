/**
 * The letter route, loaded only when a visitor chooses to send a letter: its composer, the
 * personnummer check (the letter is the one place a personnummer goes) and the letter shown
 * for printing. Registered for ./submit.ts (see ./registry.ts).
 */
import { composeLetter } from '../../lib/requests/composeLetter.ts';
import { validatePersonnummer } from '../../lib/requests/personnummer.ts';
import { showLetter } from './letter.ts';

// The letter's print button, wired as the letter first loads.
document.querySelector('[data-print]')?.addEventListener('click', () => print());

globalThis.__requestLetter = { composeLetter, validatePersonnummer, showLetter };
