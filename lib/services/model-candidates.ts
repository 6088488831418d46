import { findProvider } from '@pydantic/genai-prices';
import { catalogProviderId, providerModels, type CatalogModel } from '@/lib/pricing/catalog';

// Which catalog models may be proposed as a cheaper replacement. The catalog lists everything a
// provider ever priced: embeddings, speech, image and realtime models, fine-tune surcharges,
// retired completions models, and other vendors' models resold (Claude on Vertex). Taking the
// priciest model under 50% from that list proposes "claude-3-opus → claude-2" or
// "gpt-4o → gpt-3.5-0301". A candidate must therefore be a current, general text model of the
// same family as the model in use:
//   - not flagged deprecated, and not described as retired / legacy / previous generation;
//   - not a special-purpose model (by id: embeddings, speech, audio, image, realtime, search,
//     moderation, fine-tunes, instruct / completions models);
//   - a long context (≥ 100k tokens), which every current chat model has and legacy ones lack;
//   - the same family, i.e. the first part of the id (gpt, claude, gemini, o3 …): a reasoning
//     o-model is not swapped for a chat model, nor a Gemini for a resold Claude.

const SPECIAL_PURPOSE =
  /(embed|tts|transcribe|whisper|audio|realtime|image|vision|moderation|safeguard|search|computer-use|deep-research|instruct|codex|^ft:|\.ft-|^(ada|babbage|curie|davinci|text-))/i;
const RETIRED = /\b(retired|legacy|deprecated|previous generation|outdated)\b/i;
const MIN_CONTEXT = 100_000;

/** `gpt-4o-mini` → `gpt`, `claude-3-5-haiku-20241022` → `claude`, `o3-mini` → `o3`. */
export const modelFamily = (model: string) => model.toLowerCase().split(/[-.:_/]/)[0];

type CatalogEntry = { id: string; deprecated?: boolean; description?: string; context_window?: number };

export function isReplacementCandidate(entry: CatalogEntry, forModel: string): boolean {
  return (
    !entry.deprecated &&
    !RETIRED.test(entry.description ?? '') &&
    !SPECIAL_PURPOSE.test(entry.id) &&
    (entry.context_window ?? 0) >= MIN_CONTEXT &&
    modelFamily(entry.id) === modelFamily(forModel)
  );
}

/** Flat-priced catalog models of `provider` that could replace `model`. */
export function replacementCandidates(provider: string, model: string): CatalogModel[] {
  const info = new Map<string, CatalogEntry>(
    (findProvider({ providerId: catalogProviderId(provider) ?? provider })?.models ?? []).map((m) => [m.id, m as CatalogEntry]),
  );
  return providerModels(provider).filter((m) => {
    const entry = info.get(m.modelId);
    return entry !== undefined && entry.id !== model && isReplacementCandidate(entry, model);
  });
}
