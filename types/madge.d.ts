// Minimal types for the parts of madge (8.x, no bundled types) that scripts/check-layers.ts uses.
declare module 'madge' {
  interface MadgeConfig {
    baseDir?: string;
    fileExtensions?: string[];
    tsConfig?: string;
    excludeRegExp?: RegExp[];
  }
  interface MadgeResult {
    /** Every module (path relative to baseDir) → the modules it imports. */
    obj(): Record<string, string[]>;
    /** The import cycles, each as the list of modules in it. */
    circular(): string[][];
  }
  export default function madge(path: string | string[], config?: MadgeConfig): Promise<MadgeResult>;
}
