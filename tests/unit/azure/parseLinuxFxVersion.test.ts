import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  linuxFxVersionFor,
  parseLinuxFxVersion,
} from '../../../src/azure/appService/parseLinuxFxVersion.js';

const HEX = 'ab'.repeat(32);

test('a digest-pinned image yields image and lower-cased digest', () => {
  assert.deepEqual(
    parseLinuxFxVersion(`DOCKER|pwbiregistry.azurecr.io/pwbi-api@sha256:${HEX.toUpperCase()}`),
    {
      image: `pwbiregistry.azurecr.io/pwbi-api@sha256:${HEX}`,
      digest: `sha256:${HEX}`,
    },
  );
});

test('a tagged image yields the image without digest', () => {
  assert.deepEqual(parseLinuxFxVersion('docker|myacr.azurecr.io/web:1.4.2'), {
    image: 'myacr.azurecr.io/web:1.4.2',
  });
});

test('anything but a single container image is undefined', () => {
  for (const fx of [
    '',
    'DOCKER|',
    'NODE|20-lts',
    'SITECONTAINERS',
    null,
    undefined,
    'DOCKER|a b',
  ]) {
    assert.equal(parseLinuxFxVersion(fx), undefined, String(fx));
  }
});

test('a short or non-hex digest is not taken for a digest', () => {
  assert.deepEqual(parseLinuxFxVersion('DOCKER|r.io/x@sha256:abc'), { image: 'r.io/x@sha256:abc' });
});

test('linuxFxVersionFor round-trips', () => {
  const image = `r.azurecr.io/app@sha256:${HEX}`;
  assert.equal(parseLinuxFxVersion(linuxFxVersionFor(image))?.image, image);
});
