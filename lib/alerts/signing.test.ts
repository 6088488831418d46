import { describe, expect, it } from 'vitest';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { generateSecret, messageId, signedHeaders } from './signing';

describe('Standard Webhooks signing', () => {
  it('secrets are whsec_ + base64 of 24 random bytes, different every time', () => {
    const a = generateSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(a.slice(6), 'base64')).toHaveLength(24);
    expect(generateSecret()).not.toBe(a);
  });

  it('the reference library verifies what we sign, and rejects a changed body or another secret', () => {
    const secret = generateSecret();
    const body = JSON.stringify({ type: 'insight.detected', timestamp: '2026-01-01T00:00:00Z', data: { id: 'x' } });
    const headers = signedHeaders(secret, messageId('d1'), body, new Date());
    expect(headers['webhook-id']).toBe('msg_d1');
    expect(headers['webhook-signature']).toMatch(/^v1,/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('x', 'y'), headers)).toThrow(WebhookVerificationError);
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow(WebhookVerificationError);
  });

  it('a stale timestamp fails verification (why each retry is signed anew)', () => {
    const secret = generateSecret();
    const headers = signedHeaders(secret, 'msg_1', '{}', new Date(Date.now() - 10 * 60_000));
    expect(() => new Webhook(secret).verify('{}', headers)).toThrow(/too old/);
  });
});
