import { randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

// Standard Webhooks signing (https://www.standardwebhooks.com) with the reference library:
// secret `whsec_<base64 of 24 random bytes>`; signature = HMAC-SHA256 over
// `<webhook-id>.<webhook-timestamp>.<body>`, sent as `v1,<base64>`. The webhook-id is the delivery
// id, the same on every retry, so a receiver can drop a message it has already processed; the
// timestamp is the attempt's, so a retry is never rejected as too old by the receiver's 5-minute
// tolerance.

export const generateSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

/** The message id of a delivery (stable across retries). */
export const messageId = (deliveryId: string) => `msg_${deliveryId}`;

export function signedHeaders(secret: string, msgId: string, body: string, at: Date): Record<string, string> {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}
