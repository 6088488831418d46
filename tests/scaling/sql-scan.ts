import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// Finds the SQL statements in TypeScript sources: every template or string literal that reads or
// writes a table (FROM / JOIN / INTO / UPDATE <table>), with the tables it names. Template
// literals are taken whole (their interpolations included, as source text), so a condition that a
// helper adds (`${scopeWhere(orgId, …)}`) is seen as that call.

export interface SqlLiteral {
  file: string;
  line: number;
  text: string;
  tables: string[];
}

const TABLE_REF = /\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

export function sqlLiterals(file: string, source: string, tableNames: ReadonlySet<string>): SqlLiteral[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const out: SqlLiteral[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTemplateExpression(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isStringLiteral(node)) {
      const text = node.getText(sf);
      const tables = [...new Set([...text.matchAll(TABLE_REF)].map((m) => m[1].toLowerCase()).filter((t) => tableNames.has(t)))];
      if (tables.length > 0) out.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1, text, tables });
      // A whole template counts as one statement: its nested templates are part of it.
      if (ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

/** Production TypeScript files under `dir` (tests and generated code left out). */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated' && entry.name !== 'node_modules') out.push(...sourceFiles(p));
    } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(p);
  }
  return out;
}
