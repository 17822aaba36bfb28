/** The official colours of the 17 Sustainable Development Goals (UN SDG communications guidelines). */
export const SDG_COLOURS: readonly string[] = [
  '#E5243B',
  '#DDA63A',
  '#4C9F38',
  '#C5192D',
  '#FF3A21',
  '#26BDE2',
  '#FCC30B',
  '#A21942',
  '#FD6925',
  '#DD1367',
  '#FD9D24',
  '#BF8B2E',
  '#3F7E44',
  '#0A97D9',
  '#56C02B',
  '#00689D',
  '#19486A',
];

export function sdgColour(goal: number): string {
  return SDG_COLOURS[goal - 1] ?? '#888888';
}
