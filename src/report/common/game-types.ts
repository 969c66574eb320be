/** Names and colours of the 2x2 game types, shared by the game and study reports. */
import { OKABE_ITO } from './palette.js';

export const GAME_TYPE_LABELS: Record<string, string> = {
  'prisoners-dilemma': "Prisoner's dilemma",
  'stag-hunt': 'Stag hunt',
  chicken: 'Chicken',
  harmony: 'Harmony',
  deadlock: 'Deadlock',
  other: 'Other',
  asymmetric: 'Asymmetric',
  indeterminate: 'Indeterminate',
};
export const GAME_TYPE_COLOURS: Record<string, string> = {
  "Prisoner's dilemma": OKABE_ITO.vermillion,
  'Stag hunt': OKABE_ITO.blue,
  Chicken: OKABE_ITO.orange,
  Harmony: OKABE_ITO.bluishGreen,
  Deadlock: OKABE_ITO.reddishPurple,
  Other: '#999999',
  Asymmetric: OKABE_ITO.skyBlue,
  Indeterminate: '#dddddd',
};
