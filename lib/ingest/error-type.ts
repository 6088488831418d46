// Derives an error_type for a failed run that did not send one, from its error message.
// Order matters: a "429 rate limit" message must not fall into api_error because of "error".
const RULES: Array<[type: string, pattern: RegExp]> = [
  ['timeout', /time(d)?[\s_-]?out|deadline exceeded|ETIMEDOUT|\b504\b|\b408\b/i],
  ['rate_limit', /rate[\s_-]?limit|too many requests|\b429\b|quota|throttl/i],
  ['auth_error', /unauthori[sz]ed|forbidden|invalid api key|api key|authentication|permission denied|\b401\b|\b403\b/i],
  ['validation_error', /validation|invalid (json|input|request|schema|argument)|schema|parse error|unprocessable|\b400\b|\b422\b/i],
  ['api_error', /\b5\d\d\b|internal server error|bad gateway|service unavailable|overloaded|upstream|api error|connection (reset|refused)|ECONNRESET|ECONNREFUSED/i],
];

export function deriveErrorType(message: string | null | undefined): string {
  if (!message) return 'other';
  for (const [type, pattern] of RULES) if (pattern.test(message)) return type;
  return 'other';
}
