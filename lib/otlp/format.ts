// The two OTLP/HTTP encodings, told apart by Content-Type (application/protobuf is the newer name).

export type OtlpFormat = 'json' | 'protobuf';
export type OtlpBody = { format: OtlpFormat; bytes: Buffer };

const MEDIA_TYPES = new Map<string, OtlpFormat>([
  ['application/json', 'json'],
  ['application/x-protobuf', 'protobuf'],
  ['application/protobuf', 'protobuf'],
]);

/** The format of a media type (lower case, without parameters), or null. */
export const otlpMediaFormat = (mediaType: string): OtlpFormat | null => MEDIA_TYPES.get(mediaType) ?? null;

/** The format of a Content-Type header, or null. */
export const otlpFormat = (contentType: string | null): OtlpFormat | null =>
  otlpMediaFormat((contentType ?? '').split(';')[0].trim().toLowerCase());
