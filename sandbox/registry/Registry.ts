import { parseProfile, type Profile } from '../apps/Profile.js';
import { imageDigest } from './imageDigest.js';

/** An image the sandbox registry holds. */
export interface ImageRecord {
  repository: string;
  tag?: string;
  digest: string;
  profile: Profile;
  profileText: string;
  pushedAt: number;
  /** `loginServer/repository@digest`. */
  ref: string;
}

/** A parsed image reference: `[registry/]repo(:tag|@digest)`. */
export interface ImageRef {
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** Splits `registry/repo:tag`, `repo@sha256:…` and friends; throws naming the input when malformed. */
export function parseImageRef(text: string): ImageRef {
  const at = text.indexOf('@');
  let name = at >= 0 ? text.slice(0, at) : text;
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  let tag: string | undefined;
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const slash = name.indexOf('/');
  const first = slash >= 0 ? name.slice(0, slash) : '';
  const registry = slash >= 0 && /[.:]/.test(first) ? first : undefined;
  const repository = registry === undefined ? name : name.slice(slash + 1);
  if (repository === '' || (digest !== undefined && !/^sha256:[0-9a-f]{64}$/.test(digest))) {
    throw new RangeError(
      `image: expected [registry/]repository[:tag|@sha256:<64 hex>], got ${JSON.stringify(text)}`,
    );
  }
  return { registry, repository, tag, digest };
}

/** What a tag points at, as ACR's tag properties report it (times in sandbox ms). */
export interface TagRecord {
  repository: string;
  tag: string;
  digest: string;
  /** When the tag was first pushed. */
  createdAt: number;
  /** When a push last moved it (equals `createdAt` until a re-push). */
  updatedAt: number;
}

/** The sandbox container registry: images by digest, tags pointing at the latest push. */
export class Registry {
  private pushes = 0;
  private readonly byDigest = new Map<string, ImageRecord>();
  private readonly tags = new Map<string, string>();
  private readonly tagRecords = new Map<string, TagRecord>();

  constructor(readonly loginServer: string) {}

  /** Registers a push and returns the new image (a new digest every push). */
  push(repository: string, tag: string | undefined, profileText: string, at: number): ImageRecord {
    const profile = parseProfile(profileText);
    this.pushes += 1;
    const digest = imageDigest(repository, tag ?? '', profileText, this.pushes);
    const record: ImageRecord = {
      repository,
      tag,
      digest,
      profile,
      profileText,
      pushedAt: at,
      ref: `${this.loginServer}/${repository}@${digest}`,
    };
    this.byDigest.set(digest, record);
    if (tag !== undefined) {
      const key = `${repository}:${tag}`;
      this.tags.set(key, digest);
      const createdAt = this.tagRecords.get(key)?.createdAt ?? at;
      this.tagRecords.set(key, { repository, tag, digest, createdAt, updatedAt: at });
    }
    return record;
  }

  /** The tag `repository:tag` as it stands now (a re-push moves it); undefined when unknown. */
  tagOf(repository: string, tag: string): TagRecord | undefined {
    return this.tagRecords.get(`${repository}:${tag}`);
  }

  /** Whether any image was pushed to `repository`. */
  hasRepository(repository: string): boolean {
    return this.list().some((image) => image.repository === repository);
  }

  /** Finds the image a reference names (by digest, else by tag); undefined when unknown. */
  resolve(ref: ImageRef): ImageRecord | undefined {
    if (
      ref.registry !== undefined &&
      ref.registry.toLowerCase() !== this.loginServer.toLowerCase()
    ) {
      return undefined;
    }
    if (ref.digest !== undefined) {
      const found = this.byDigest.get(ref.digest);
      return found?.repository === ref.repository ? found : undefined;
    }
    const digest = this.tags.get(`${ref.repository}:${ref.tag ?? 'latest'}`);
    return digest === undefined ? undefined : this.byDigest.get(digest);
  }

  /** Every image, oldest first. */
  list(): ImageRecord[] {
    return [...this.byDigest.values()];
  }
}
