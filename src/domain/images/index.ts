export type { ImageRef } from './ImageRef.js';
export { formatImageRef, parseImageRef, pinnedImage } from './ImageRef.js';
export { matchesTagFilter } from './matchesTagFilter.js';
export type { PushedImage } from './parseImagePushedEvent.js';
export { parseImagePushedEvent } from './parseImagePushedEvent.js';
