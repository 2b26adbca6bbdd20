import { parseImageRef } from './ImageRef.js';

/** What an Event Grid event from Azure Container Registry means to Slotpilot. */
export type PushedImage =
  | {
      kind: 'push';
      registry: string;
      repository: string;
      tag: string;
      digest: string;
      /** Who pushed, when ACR says (`data.actor.name`). */
      actor?: string;
      /** The event id, for logs. */
      eventId: string;
      /**
       * When the image was pushed (ISO, ms precision): `data.timestamp`, else the event's
       * `eventTime` / `time`; absent when none is a time. Orders releases for superseding.
       */
      pushedAt?: string;
    }
  | { kind: 'ignored'; reason: string };

const imagePushed = 'Microsoft.ContainerRegistry.ImagePushed';
const manifestTypes = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.oci.image.index.v1+json',
];
const signatureTag = /^sha256-[0-9a-f]{64}(\.\w+)?$/;

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Loose) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Reads one Event Grid (or CloudEvents) event. Only `ImagePushed` events for a tagged image
 * manifest become a push; everything else is `ignored` with the reason: other event types,
 * per-platform manifests and referrers pushed without a tag, signature tags, malformed data.
 */
export function parseImagePushedEvent(event: unknown): PushedImage {
  const e = obj(event);
  if (e === undefined) return { kind: 'ignored', reason: 'the event is not an object' };
  const type = str(e.eventType) ?? str(e.type);
  if (type !== imagePushed)
    return { kind: 'ignored', reason: `event type ${String(type)} is not ${imagePushed}` };
  const data = obj(e.data);
  const target = obj(data?.target);
  const request = obj(data?.request);
  if (target === undefined) return { kind: 'ignored', reason: 'data.target is missing' };
  const tag = str(target.tag);
  if (tag === undefined)
    return {
      kind: 'ignored',
      reason: 'the push has no tag (a per-platform manifest, signature or attestation)',
    };
  if (signatureTag.test(tag))
    return { kind: 'ignored', reason: `tag ${tag} is a signature or attestation` };
  const mediaType = str(target.mediaType);
  if (mediaType !== undefined && !manifestTypes.includes(mediaType))
    return { kind: 'ignored', reason: `media type ${mediaType} is not a container image manifest` };
  const host = str(request?.host);
  if (host === undefined)
    return { kind: 'ignored', reason: 'data.request.host (the registry) is missing' };
  const repository = str(target.repository);
  const digest = str(target.digest);
  let ref;
  try {
    ref = parseImageRef(`${host}/${repository ?? ''}:${tag}@${digest ?? ''}`, 'data.target');
  } catch (error) {
    return { kind: 'ignored', reason: (error as Error).message };
  }
  const actor = str(obj(data?.actor)?.name);
  const pushedAt = isoTime(data?.timestamp) ?? isoTime(e.eventTime) ?? isoTime(e.time);
  return {
    kind: 'push',
    registry: ref.registry,
    repository: ref.repository,
    tag,
    digest: ref.digest ?? '',
    eventId: str(e.id) ?? '',
    ...(actor === undefined ? {} : { actor }),
    ...(pushedAt === undefined ? {} : { pushedAt }),
  };
}

/** A time as ISO text with millisecond precision (Event Grid writes up to 7 digits). */
function isoTime(value: unknown): string | undefined {
  const text = str(value);
  const ms = text === undefined ? Number.NaN : Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
