import { describe, expect, it } from 'vitest';
import { StageInput } from '@/lib/schemas/ingest';
import { isGenAiSpan, normalizeErrorType, spanToStage } from './gen-ai';
import { chatSpan, makeSpan } from '@/tests/support/otlp-spans';

const root = makeSpan({ name: 'pipeline' });

describe('spanToStage: GenAI semantic conventions', () => {
  it('maps the current attribute names to a stage the ingest schema accepts', () => {
    const span = chatSpan(root, {
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 310,
      'gen_ai.usage.cache_read.input_tokens': 200,
      'gen_ai.usage.reasoning_tokens': 40,
    }, { startMs: 5, durationMs: 1234 });
    const { stage, spanId, startNs } = spanToStage(span);
    expect(stage).toEqual({
      stage_id: 'chat gpt-4o',
      stage_type: 'chat',
      provider: 'openai',
      model: 'gpt-4o-2024-08-06',
      status: 'success',
      duration_ms: 1234,
      input_tokens: 1200,
      output_tokens: 310,
      cached_input_tokens: 200,
      reasoning_tokens: 40,
    });
    expect(spanId).toBe(span.spanId);
    expect(startNs).toBe(BigInt(Date.parse('2026-11-20T10:00:00.005Z')) * 1_000_000n);
    expect(StageInput.safeParse(stage).success).toBe(true);
  });

  it('falls back to the deprecated and older names', () => {
    const { stage } = spanToStage(chatSpan(root, {
      'gen_ai.provider.name': null,
      'gen_ai.system': 'anthropic',
      'gen_ai.request.model': 'claude-3-5-sonnet-20241022',
      'gen_ai.usage.prompt_tokens': 900,
      'gen_ai.usage.completion_tokens': 100,
      'gen_ai.usage.cache_read_input_tokens': 300,
      'gen_ai.usage.output_tokens_details.reasoning': 7,
    }));
    expect(stage).toMatchObject({ provider: 'anthropic', model: 'claude-3-5-sonnet-20241022', input_tokens: 900, output_tokens: 100, cached_input_tokens: 300, reasoning_tokens: 7 });
  });

  it('reads OpenInference LLM spans and their cost', () => {
    const span = makeSpan({ name: 'ChatOpenAI', attrs: {
      'openinference.span.kind': 'LLM', 'llm.provider': 'openai', 'llm.model_name': 'gpt-4o-mini',
      'llm.token_count.prompt': 50, 'llm.token_count.completion': 20, 'llm.cost.total': 0.0123,
    } });
    expect(isGenAiSpan(span)).toBe(true);
    expect(spanToStage(span).stage).toMatchObject({ stage_id: 'ChatOpenAI', stage_type: 'llm', provider: 'openai', model: 'gpt-4o-mini', input_tokens: 50, output_tokens: 20, cost_usd: 0.0123 });
  });

  it('takes a cost attribute as the stage cost (numeric strings too)', () => {
    expect(spanToStage(chatSpan(root, { 'gen_ai.usage.cost': 0.5 })).stage.cost_usd).toBe(0.5);
    expect(spanToStage(chatSpan(root, { 'gen_ai.usage.cost': '0.25' })).stage.cost_usd).toBe(0.25);
    expect(spanToStage(chatSpan(root, { 'gen_ai.usage.cost': 'n/a' })).stage).not.toHaveProperty('cost_usd');
  });

  it('adds cache reads to input tokens when an instrumentation reports them apart', () => {
    const { stage } = spanToStage(chatSpan(root, { 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.cache_read.input_tokens': 500 }));
    expect(stage).toMatchObject({ input_tokens: 510, cached_input_tokens: 500 });
    expect(StageInput.safeParse(stage).success).toBe(true);
  });

  it('maps semantic-convention provider names onto the catalog names', () => {
    const provider = (name: string) => spanToStage(chatSpan(root, { 'gen_ai.provider.name': name })).stage.provider;
    expect(provider('gcp.vertex_ai')).toBe('google');
    expect(provider('aws.bedrock')).toBe('aws');
    expect(provider('azure.ai.openai')).toBe('azure');
    expect(provider('Anthropic')).toBe('anthropic');
    expect(provider('some.new.vendor')).toBe('some.new.vendor');
  });

  it('marks an ERROR span failed with its error type folded into the taxonomy', () => {
    const failed = (attrs: Record<string, string>, msg = '') => spanToStage(chatSpan(root, attrs, { statusCode: 2, statusMessage: msg })).stage;
    expect(failed({ 'error.type': 'openai.RateLimitError' })).toMatchObject({ status: 'failed', error_type: 'rate_limit' });
    expect(failed({ 'error.type': '504' }).error_type).toBe('timeout');
    expect(failed({ 'error.type': 'ContentFilterError' }).error_type).toBe('ContentFilterError');
    expect(failed({}, 'Request timed out').error_type).toBe('timeout');
    expect(failed({}).error_type).toBe('other');
    // error.type alone (status left unset by the instrumentation) still means the call failed.
    expect(spanToStage(chatSpan(root, { 'error.type': 'timeout' })).stage).toMatchObject({ status: 'failed', error_type: 'timeout' });
  });

  it('clips long names to the column limits and names a nameless span after its operation', () => {
    const { stage } = spanToStage(chatSpan(root, { 'gen_ai.request.model': 'm'.repeat(300) }, { name: '' }));
    expect(stage.stage_id).toBe('chat');
    expect(stage.model).toHaveLength(128);
  });
});

describe('isGenAiSpan / normalizeErrorType', () => {
  it('needs a gen_ai.* attribute or an OpenInference LLM kind', () => {
    expect(isGenAiSpan(makeSpan({ attrs: { 'http.method': 'GET' } }))).toBe(false);
    expect(isGenAiSpan(makeSpan({ attrs: { 'openinference.span.kind': 'CHAIN' } }))).toBe(false);
    expect(isGenAiSpan(makeSpan({ attrs: { 'gen_ai.agent.name': 'x' } }))).toBe(true);
  });
  it('keeps unknown error types as sent, within 64 characters', () => {
    expect(normalizeErrorType(undefined)).toBeUndefined();
    expect(normalizeErrorType('x'.repeat(100))).toHaveLength(64);
  });
});
