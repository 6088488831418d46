// What a chart draws: one entry per data key, with its unit formatter for tooltips and tables.
export type SeriesKind = 'bar' | 'line' | 'area';

export type Series = {
  key: string;
  name: string;
  kind: SeriesKind;
  color: string;
  format: (value: number) => string;
  dashed?: boolean;
  /** Second y-axis (right), e.g. counts next to a rate. */
  right?: boolean;
  /** Areas with the same stack id pile up (a band = an invisible base + its width). */
  stackId?: string;
  /** Drawn without fill or stroke (the base of a band); left out of legend and tooltip. */
  invisible?: boolean;
};
