import type { PipelineSpec } from './types';

// The steady-state demo organisation. Shapes differ on purpose (1 to 6 stages, non-model stages,
// a reasoning model, prompt caching, a night-time batch) so every chart and detector has something
// to show. Models are real catalog names so ingest prices them; medians are loosely based on what
// such workloads look like in production. Token/latency spreads (sigma ≤ 0.5) keep week-over-week
// noise of even the smallest pipeline far below the detectors' 30–50% thresholds.

export const DEMO_PIPELINES: readonly PipelineSpec[] = [
  {
    id: 'support-bot', share: 0.26, profile: 'always-on', failureRate: 0.015, cancelRate: 0.004,
    errorMix: { rate_limit: 3, timeout: 2, api_error: 3, auth_error: 0.3, other: 0.5 },
    timeoutMs: 30000, version: '3.2.1',
    stages: [
      { kind: 'model', id: 'classify-intent', type: 'classification', provider: 'openai', model: 'gpt-4o-mini',
        inputMedian: 450, inputSigma: 0.3, outputMedian: 12, outputSigma: 0.4, firstTokenMs: 280, msPerOutputToken: 9 },
      { kind: 'model', id: 'respond', type: 'llm', provider: 'anthropic', model: 'claude-3-5-sonnet-20241022',
        inputMedian: 1600, inputSigma: 0.35, outputMedian: 240, outputSigma: 0.45, cacheProbability: 0.6,
        firstTokenMs: 650, msPerOutputToken: 14 },
    ],
  },
  {
    id: 'rag-answer', share: 0.18, profile: 'business', failureRate: 0.02, cancelRate: 0.003,
    errorMix: { timeout: 2, api_error: 3, rate_limit: 2, validation_error: 0.5, other: 0.5 },
    timeoutMs: 30000, version: '2.0.4',
    stages: [
      // Vector search: no model and no tokens, so it must not be counted as an unpriced model call.
      { kind: 'tool', id: 'retrieve', type: 'retrieval', durationMedianMs: 140, durationSigma: 0.35 },
      { kind: 'model', id: 'rerank', type: 'rerank', provider: 'google', model: 'gemini-1.5-flash',
        inputMedian: 2400, inputSigma: 0.3, outputMedian: 40, outputSigma: 0.3, firstTokenMs: 260, msPerOutputToken: 4 },
      { kind: 'model', id: 'generate', type: 'llm', provider: 'openai', model: 'gpt-4o',
        inputMedian: 3000, inputSigma: 0.3, outputMedian: 330, outputSigma: 0.4, cacheProbability: 0.25,
        firstTokenMs: 520, msPerOutputToken: 11 },
    ],
  },
  {
    id: 'doc-summarizer', share: 0.1, profile: 'business', failureRate: 0.025, cancelRate: 0.005,
    errorMix: { timeout: 3, api_error: 2, rate_limit: 2, validation_error: 1, other: 0.5 },
    timeoutMs: 60000, version: '1.7.3',
    stages: [
      { kind: 'tool', id: 'extract-text', type: 'tool', durationMedianMs: 380, durationSigma: 0.4 },
      // Long outputs: the summariser is the pipeline's cost driver (and the planted cost spike's target).
      { kind: 'model', id: 'summarize-chunks', type: 'llm', provider: 'anthropic', model: 'claude-3-5-haiku-20241022',
        inputMedian: 8000, inputSigma: 0.4, outputMedian: 1200, outputSigma: 0.35, firstTokenMs: 700, msPerOutputToken: 7 },
      { kind: 'model', id: 'combine', type: 'llm', provider: 'anthropic', model: 'claude-3-5-haiku-20241022',
        inputMedian: 2000, inputSigma: 0.3, outputMedian: 600, outputSigma: 0.3, firstTokenMs: 500, msPerOutputToken: 7 },
    ],
  },
  {
    id: 'code-review', share: 0.08, profile: 'office', failureRate: 0.02, cancelRate: 0.006,
    // No timeouts: a 120 s timeout among ~10 weekend runs would make that day a latency outlier.
    errorMix: { rate_limit: 2, api_error: 2, validation_error: 1, auth_error: 0.3 },
    timeoutMs: 120000, version: '0.9.2',
    stages: [
      { kind: 'tool', id: 'fetch-diff', type: 'tool', durationMedianMs: 220, durationSigma: 0.4 },
      // Reasoning model: output_tokens includes reasoning_tokens, as OpenAI reports and bills them.
      { kind: 'model', id: 'review', type: 'reasoning', provider: 'openai', model: 'o3-mini',
        inputMedian: 6000, inputSigma: 0.45, outputMedian: 700, outputSigma: 0.3, reasoningMedian: 2400,
        cacheProbability: 0.3, firstTokenMs: 900, msPerOutputToken: 6 },
      { kind: 'model', id: 'format-comments', type: 'llm', provider: 'openai', model: 'gpt-4o-mini',
        inputMedian: 1200, inputSigma: 0.3, outputMedian: 300, outputSigma: 0.35, firstTokenMs: 300, msPerOutputToken: 8 },
    ],
  },
  {
    id: 'ticket-classifier', share: 0.16, profile: 'always-on', failureRate: 0.01, cancelRate: 0.001,
    // No timeouts here: one 10 s timeout moves the weekly average of a 300 ms pipeline by several
    // percent, which would make this steady pipeline's latency look noisy week over week.
    errorMix: { rate_limit: 3, api_error: 2, validation_error: 2 },
    timeoutMs: 10000, version: '5.1.0',
    stages: [
      { kind: 'model', id: 'classify', type: 'classification', provider: 'google', model: 'gemini-1.5-flash',
        inputMedian: 420, inputSigma: 0.35, outputMedian: 8, outputSigma: 0.3, firstTokenMs: 240, msPerOutputToken: 4 },
    ],
  },
  {
    id: 'invoice-extraction', share: 0.1, profile: 'business', failureRate: 0.02, cancelRate: 0.002,
    errorMix: { validation_error: 3, api_error: 2, timeout: 1.5, rate_limit: 1.5, other: 0.5 },
    timeoutMs: 30000, version: '4.3.0',
    stages: [
      { kind: 'tool', id: 'ocr', type: 'tool', durationMedianMs: 900, durationSigma: 0.35 },
      { kind: 'model', id: 'extract-fields', type: 'extraction', provider: 'openai', model: 'gpt-4o',
        inputMedian: 2500, inputSigma: 0.35, outputMedian: 380, outputSigma: 0.3, firstTokenMs: 480, msPerOutputToken: 10 },
      { kind: 'model', id: 'validate-fields', type: 'validation', provider: 'openai', model: 'gpt-4o-mini',
        inputMedian: 900, inputSigma: 0.3, outputMedian: 60, outputSigma: 0.3, firstTokenMs: 260, msPerOutputToken: 8 },
    ],
  },
  {
    id: 'translation', share: 0.07, profile: 'business', failureRate: 0.015, cancelRate: 0.003,
    errorMix: { rate_limit: 2, api_error: 2, timeout: 1, validation_error: 0.5, auth_error: 0.3 },
    timeoutMs: 30000, version: '1.2.0',
    stages: [
      { kind: 'model', id: 'translate', type: 'llm', provider: 'google', model: 'gemini-1.5-pro',
        inputMedian: 1200, inputSigma: 0.4, outputMedian: 1300, outputSigma: 0.4, firstTokenMs: 600, msPerOutputToken: 6 },
      { kind: 'model', id: 'quality-check', type: 'evaluation', provider: 'anthropic', model: 'claude-3-5-haiku-20241022',
        inputMedian: 2600, inputSigma: 0.4, outputMedian: 90, outputSigma: 0.3, firstTokenMs: 450, msPerOutputToken: 7 },
    ],
  },
  {
    // Batch job: runs every night (weekends included), six stages, big cached prompts.
    id: 'nightly-enrichment', share: 0.05, profile: 'nightly', failureRate: 0.03, cancelRate: 0.002,
    errorMix: { rate_limit: 4, timeout: 1, api_error: 2, validation_error: 1, other: 0.5 },
    timeoutMs: 60000, version: '2.6.1',
    stages: [
      { kind: 'tool', id: 'load-batch', type: 'tool', durationMedianMs: 1500, durationSigma: 0.3 },
      { kind: 'model', id: 'enrich', type: 'llm', provider: 'google', model: 'gemini-1.5-flash',
        inputMedian: 18000, inputSigma: 0.3, outputMedian: 1800, outputSigma: 0.3, cacheProbability: 0.8,
        firstTokenMs: 900, msPerOutputToken: 4 },
      { kind: 'model', id: 'categorize', type: 'classification', provider: 'openai', model: 'gpt-4o-mini',
        inputMedian: 3000, inputSigma: 0.3, outputMedian: 150, outputSigma: 0.3, firstTokenMs: 300, msPerOutputToken: 8 },
      { kind: 'tool', id: 'dedupe', type: 'tool', durationMedianMs: 600, durationSigma: 0.3 },
      { kind: 'model', id: 'score', type: 'evaluation', provider: 'anthropic', model: 'claude-3-5-haiku-20241022',
        inputMedian: 1500, inputSigma: 0.3, outputMedian: 100, outputSigma: 0.3, firstTokenMs: 450, msPerOutputToken: 7 },
      { kind: 'tool', id: 'write-back', type: 'tool', durationMedianMs: 800, durationSigma: 0.3 },
    ],
  },
];
