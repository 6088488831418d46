import type { Insight } from '@/lib/schemas/insights';
import { SEVERITY_RANK } from './insight';
import { formatPercent, roundRate } from './math';

// One incident, one finding. Detectors look at the same numbers through several lenses and at
// several scopes, so a single incident can be seen more than once:
//  - organisation-wide and in the pipeline that caused it (a pipeline's cost spike moves the
//    organisation's cost too): when one pipeline's finding accounts for ≥ ORG_SHARE of the
//    organisation's change, the organisation-wide finding is folded into the pipeline's;
//  - as a failure rate and as a success-rate drop in the same scope: the reliability finding is
//    folded into the failure_pattern finding.
// Folding keeps the numbers (they move into the surviving finding's `data`) and the surviving
// finding's id, so alerts fire once per incident and acknowledgements stay attached.

/** Share of an organisation-wide change a single pipeline must explain to absorb the finding. */
export const ORG_SHARE = 0.9;

/** The additive quantity that changed (cost, executions), for types whose change adds up over pipelines. */
function additiveChange(i: Insight): number | null {
  switch (i.type) {
    case 'cost_spike':
      return i.data.increase_usd;
    case 'usage_surge':
    case 'usage_drop':
      return i.data.current_executions - i.data.previous_executions;
    default:
      return null;
  }
}

/** The pipeline finding that explains an organisation-wide one, with its share of the change. */
function explainer(org: Insight, found: readonly Insight[]): { insight: Insight; share: number } | null {
  const total = additiveChange(org);
  if (total === null || total === 0) return null;
  for (const p of found) {
    if (p.pipeline_id === null || p.type !== org.type) continue;
    const part = additiveChange(p);
    if (part === null) continue;
    const share = part / total;
    if (share >= ORG_SHARE) return { insight: p, share };
  }
  return null;
}

/** The pipeline finding with the organisation's numbers folded into its data (same type on both sides). */
function withOrganisation(p: Insight, org: Insight, share: number): Insight {
  const share_of_change = roundRate(share);
  if (p.type === 'cost_spike' && org.type === 'cost_spike') return { ...p, data: { ...p.data, organisation: { ...withoutFold(org.data), share_of_change } } };
  if ((p.type === 'usage_surge' || p.type === 'usage_drop') && (org.type === 'usage_surge' || org.type === 'usage_drop')) {
    return { ...p, data: { ...p.data, organisation: { ...withoutFold(org.data), share_of_change } } } as Insight;
  }
  return p;
}

const withoutFold = <T extends { organisation?: unknown }>({ organisation: _o, ...facts }: T) => facts;

/**
 * A share above 100% is real, not an error: the other pipelines moved the other way, so this
 * one's change is larger than the organisation's net change. Say so instead of printing "102%".
 */
export function shareSentence(share: number): string {
  if (share <= 1) return `This pipeline accounts for ${formatPercent(share * 100)} of the organisation's change`;
  return `This pipeline's change is ${formatPercent(share * 100)} of the organisation's net change: the other pipelines together moved the other way by ${formatPercent((share - 1) * 100)} of it`;
}

function foldOrgWide(found: Insight[]): Insight[] {
  const out = new Map(found.map((i) => [i.id, i]));
  for (const org of found) {
    if (org.pipeline_id !== null) continue;
    const hit = explainer(org, found);
    if (!hit) continue;
    const p = out.get(hit.insight.id)!;
    out.delete(org.id);
    out.set(p.id, {
      ...withOrganisation(p, org, hit.share),
      severity: rankMax(p.severity, org.severity),
      description: `${p.description} ${shareSentence(hit.share)} (${org.title.toLowerCase()}).`,
    });
  }
  return [...out.values()];
}

function foldReliability(found: Insight[]): Insight[] {
  const patterns = new Set(found.filter((i) => i.type === 'failure_pattern').map((i) => i.pipeline_id));
  const drops = new Map(found.filter((i) => i.type === 'reliability').map((i) => [i.pipeline_id, i]));
  return found.flatMap((i): Insight[] => {
    if (i.type === 'reliability') return patterns.has(i.pipeline_id) ? [] : [i];
    if (i.type !== 'failure_pattern') return [i];
    const drop = drops.get(i.pipeline_id);
    return drop?.type === 'reliability' ? [{ ...i, description: `${i.description} ${drop.description}`, data: { ...i.data, success_rate_drop: drop.data } }] : [i];
  });
}

function rankMax(a: Insight['severity'], b: Insight['severity']): Insight['severity'] {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

/** Every incident once (see the top of this file); order is left to the ranking that follows. */
export function foldDuplicates(found: Insight[]): Insight[] {
  return foldReliability(foldOrgWide(found));
}
