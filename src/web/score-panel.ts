/// <reference lib="dom" />
/** Play mode's score: the game replayed over several replications, against both benchmarks, in a table and in words. */
import { fmt, headerCell, textElement } from './dom.js';
import { describeDifference, type PlayScore } from './play-score.js';

export function renderScore(score: PlayScore, regions: { name: string }[]): HTMLElement {
  const i = score.student;
  const o = 1 - i;
  const box = document.createElement('div');
  box.className = 'score';
  box.dataset.replications = String(score.replications);
  const table = document.createElement('table');
  table.append(
    textElement('caption', `Cumulative payoffs after ${score.years} years (billion yuan), mean over ${score.replications} replications of seed ${score.seed} (replication 1 is the game you played)`),
  );
  const head = document.createElement('tr');
  for (const t of ['', `${regions[i].name} (you)`, regions[o].name, 'Zone']) head.append(headerCell(t));
  table.append(head);
  const rows: [string, number[]][] = [
    ['Your moves', score.played],
    ['If both had cooperated', score.mutualCooperation],
    ['If both had competed', score.mutualCompetition],
  ];
  for (const [name, values] of rows) {
    const tr = document.createElement('tr');
    tr.append(headerCell(name, 'row', 'text'));
    for (const v of [values[i], values[o], values[i] + values[o]]) tr.append(textElement('td', fmt(v, 1)));
    table.append(tr);
  }
  const money = (v: number) => fmt(v, 0);
  const you = textElement(
    'p',
    `Replaying your exact moves (and ${regions[o].name}'s rule) with the same random draws as the two benchmarks: you ` +
      `${describeDifference(score.vsCooperation, 'mutual cooperation', money)}, and you ` +
      `${describeDifference(score.vsCompetition, 'mutual competition', money)}.`,
    'score-you',
  );
  const zone = textElement(
    'p',
    `The zone as a whole ${describeDifference(score.zoneVsCooperation, 'mutual cooperation', money)}, and ` +
      `${describeDifference(score.zoneVsCompetition, 'mutual competition', money)}.`,
    'score-zone',
  );
  box.append(textElement('h3', 'Your score'), table, you, zone);
  return box;
}
