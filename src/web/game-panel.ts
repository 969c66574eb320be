/// <reference lib="dom" />
/**
 * The Game tab's DOM: one payoff matrix per lens (src/web/game-view.ts), the
 * game's type in words, and why the lenses may differ. A matrix computed
 * before the settings changed is greyed out with a note (`markGameStale`), so
 * a stale matrix is never read as the current one.
 */
import { fmt, headerCell, textElement } from './dom.js';
import { compareLenses, type LensGame } from './game-view.js';

export const STALE_NOTE = 'Settings changed since this matrix was computed: run again to see the game of the current settings.';

function matrixTable(game: LensGame, names: string[]): HTMLTableElement {
  const table = document.createElement('table');
  table.className = 'matrix';
  table.dataset.lens = game.lens;
  table.append(
    textElement('caption', `${game.caption}, billion yuan: mean [95% interval] over ${game.replications} replication${game.replications === 1 ? '' : 's'}; ★ = Nash equilibrium`),
  );
  const head = document.createElement('tr');
  head.append(headerCell(`${names[0]} \\ ${names[1]}`, ''));
  for (const s of game.cells[0]) head.append(headerCell(`${names[1]}: ${s.strategies[1]}`));
  table.append(head);
  for (const row of game.cells) {
    const tr = document.createElement('tr');
    tr.append(headerCell(`${names[0]}: ${row[0].strategies[0]}`, 'row'));
    for (const cell of row) {
      const td = document.createElement('td');
      cell.means.forEach((m, p) => {
        const [lo, hi] = cell.intervals[p];
        td.append(textElement('span', `${names[p]}: ${fmt(m)} [${fmt(lo)}, ${fmt(hi)}]`, 'payoff'));
      });
      if (cell.equilibrium !== 'no') td.append(textElement('span', cell.equilibrium === 'yes' ? '★ equilibrium' : '(possible equilibrium)', 'eq-mark'));
      if (cell.equilibrium === 'yes') td.className = 'eq';
      tr.append(td);
    }
    table.append(tr);
  }
  return table;
}

/** The two lenses' matrices, each with its type in words, then the comparison. */
export function renderLensGames(games: LensGame[], names: string[]): HTMLElement[] {
  const sections = games.map((game) => {
    const section = document.createElement('section');
    section.className = 'lens-game';
    section.dataset.lens = game.lens;
    const sentence = textElement('p', `The game: ${game.sentence}`, 'sentence');
    sentence.id = `game-sentence-${game.lens}`;
    section.append(textElement('h3', game.title), matrixTable(game, names), sentence, textElement('p', `${game.orderings} (T temptation, R reward, P punishment, S sucker)`, 'help'));
    return section;
  });
  const compare = textElement('p', compareLenses(games), 'lens-compare');
  compare.id = 'game-sentence';
  return [...sections, compare];
}

/** Greys out the result box and says why (visibly and to screen readers), or clears that. */
export function markGameStale(box: HTMLElement, stale: boolean): void {
  box.querySelector('.stale-note')?.remove();
  box.classList.toggle('stale', stale);
  box.dataset.stale = String(stale);
  for (const table of box.querySelectorAll('table')) {
    if (stale) table.setAttribute('aria-describedby', 'game-stale-note');
    else table.removeAttribute('aria-describedby');
  }
  if (!stale) return;
  const note = textElement('p', STALE_NOTE, 'stale-note');
  note.id = 'game-stale-note';
  note.setAttribute('role', 'status');
  box.prepend(note);
}
