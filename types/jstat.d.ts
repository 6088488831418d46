// Minimal types for the parts of jstat (1.9.x, no bundled types) that the insights engine uses.
declare module 'jstat' {
  interface Distribution {
    cdf(x: number, ...params: number[]): number;
    inv(p: number, ...params: number[]): number;
  }
  interface JStatStatic {
    normal: Distribution;
    studentt: Distribution;
  }
  const jStat: JStatStatic & { jStat: JStatStatic };
  export default jStat;
}
