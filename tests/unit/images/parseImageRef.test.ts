import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ValidationError } from '../../../src/domain/errors.js';
import {
  formatImageRef,
  matchesTagFilter,
  parseImageRef,
  pinnedImage,
} from '../../../src/domain/images/index.js';

const digest = `sha256:${'ab12'.repeat(16)}`;

describe('image references', () => {
  it('parses registry/repo:tag', () => {
    assert.deepEqual(parseImageRef('pwbiregistry.azurecr.io/pwbi-api:1.4.2'), {
      registry: 'pwbiregistry.azurecr.io',
      repository: 'pwbi-api',
      tag: '1.4.2',
    });
  });

  it('parses registry/repo@digest and nested repositories', () => {
    assert.deepEqual(parseImageRef(`pwbiregistry.azurecr.io/team/pwbi-api@${digest}`), {
      registry: 'pwbiregistry.azurecr.io',
      repository: 'team/pwbi-api',
      digest,
    });
  });

  it('parses a reference with both tag and digest, and a registry with a port', () => {
    const ref = parseImageRef(`localhost:5000/pwbi-api:v2@${digest}`);
    assert.deepEqual(ref, {
      registry: 'localhost:5000',
      repository: 'pwbi-api',
      tag: 'v2',
      digest,
    });
    assert.equal(formatImageRef(ref), `localhost:5000/pwbi-api:v2@${digest}`);
    assert.equal(pinnedImage({ ...ref, digest }), `localhost:5000/pwbi-api@${digest}`);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['no registry', 'pwbi-api:1.0', /registry host is missing/],
    ['a Docker Hub style name', 'library/nginx:1.0', /must be a registry host/],
    ['no tag and no digest', 'pwbiregistry.azurecr.io/pwbi-api', /a tag or a digest is required/],
    ['a short digest', 'pwbiregistry.azurecr.io/pwbi-api@sha256:abc', /64 lowercase hex/],
    ['a non-sha256 digest', `pwbiregistry.azurecr.io/pwbi-api@md5:${'a'.repeat(64)}`, /sha256/],
    ['uppercase repository', 'pwbiregistry.azurecr.io/PWBI:1', /lowercase path components/],
    ['a bad tag', 'pwbiregistry.azurecr.io/pwbi-api:-x', /the tag must be/],
    ['not a string', 42, /not a string/],
  ];
  for (const [what, input, reason] of bad) {
    it(`rejects ${what} with a reason naming the field`, () => {
      assert.throws(
        () => parseImageRef(input, 'body.image'),
        (error: unknown) =>
          error instanceof ValidationError &&
          error.field === 'body.image' &&
          reason.test(error.message) &&
          error.message.startsWith('body.image: expected an image reference'),
      );
    });
  }
});

describe('tag filters', () => {
  it('matches * and ? patterns exactly', () => {
    assert.equal(matchesTagFilter('1.4.2', ['*']), true);
    assert.equal(matchesTagFilter('v1.4.2', ['v1.*']), true);
    assert.equal(matchesTagFilter('v2.0.0', ['v1.*']), false);
    assert.equal(matchesTagFilter('rc1', ['rc?']), true);
    assert.equal(matchesTagFilter('rc10', ['rc?']), false);
    assert.equal(matchesTagFilter('1x4', ['1.4']), false, 'a dot is literal');
  });
});
