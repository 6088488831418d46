import { z } from 'zod';
import { INSIGHT_DATA, type Unit } from '@/lib/schemas/insight-data';
import type { Insight } from '@/lib/schemas/insights';

// The fields of an insight's `data` with the unit its schema gives each one (no guessing from
// key names): what the detail page lists. Nested findings (a folded organisation-wide finding,
// a success-rate drop) come with their own fields; maps (errors by type) as counts.

export interface DataField {
  key: string;
  unit?: Unit;
  value: unknown;
  children?: DataField[];
}

type Shape = Record<string, z.ZodType>;

function unwrap(t: z.ZodType): z.ZodType {
  let cur = t;
  while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
  return cur;
}

function shapeOf(schema: z.ZodType, value: Record<string, unknown>): Shape | null {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return s.shape as Shape;
  if (s instanceof z.ZodDiscriminatedUnion) {
    for (const option of s.options as z.ZodType[]) {
      const shape = shapeOf(option, value);
      const kind = shape?.kind;
      if (shape && kind instanceof z.ZodLiteral && kind.value === value.kind) return shape;
    }
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fieldsOf(shape: Shape, data: Record<string, unknown>): DataField[] {
  return Object.entries(data).map(([key, value]) => {
    const schema = shape[key] ? unwrap(shape[key]) : undefined;
    const unit = schema?.meta()?.unit as Unit | undefined;
    if (schema instanceof z.ZodRecord && isRecord(value)) {
      return { key, value, children: Object.entries(value).map(([k, v]) => ({ key: k, unit: 'count' as const, value: v })) };
    }
    if (schema && isRecord(value)) {
      const inner = shapeOf(schema, value);
      return { key, value, children: inner ? fieldsOf(inner, value) : [] };
    }
    return { key, unit, value };
  });
}

export function insightFields(insight: Insight): DataField[] {
  const data = insight.data as Record<string, unknown>;
  const shape = shapeOf(INSIGHT_DATA[insight.type], data);
  return shape ? fieldsOf(shape, data) : [];
}
