import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { BadRequestError } from '../../../src/functions/http/ApiError.js';
import { readBody } from '../../../src/functions/http/readBody.js';
import { requestBodies } from '../../../src/functions/http/requestBodies.js';

const rules = requestBodies.approve;
const text = (t: string) => () => Promise.resolve(t);

describe('readBody', () => {
  it('returns trimmed string fields and ignores unknown ones', async () => {
    assert.deepEqual(await readBody(text('{"stage":" staging ","other":1}'), rules), {
      stage: 'staging',
    });
  });

  it('reports every bad field with expected and received', async () => {
    await assert.rejects(readBody(text('{"comment":7}'), rules), (e: unknown) => {
      assert.ok(e instanceof BadRequestError);
      assert.deepEqual(e.extensions.errors, [
        { field: 'stage', expected: 'a non-empty string', received: 'nothing' },
        { field: 'comment', expected: 'a non-empty string', received: '7' },
      ]);
      return true;
    });
  });

  it('counts null as absent and names a text that is too long', async () => {
    assert.deepEqual(await readBody(text('{"stage":"staging","comment":null}'), rules), {
      stage: 'staging',
    });
    await assert.rejects(
      readBody(text(JSON.stringify({ stage: 'x'.repeat(101) })), rules),
      (e: unknown) => {
        assert.ok(e instanceof BadRequestError);
        assert.deepEqual(e.extensions.errors, [
          { field: 'stage', expected: 'at most 100 characters', received: '101' },
        ]);
        return true;
      },
    );
  });

  it('refuses bodies that are not a JSON object', async () => {
    for (const body of ['', 'not json', '[1]', '"x"']) {
      await assert.rejects(readBody(text(body), rules), BadRequestError);
    }
  });
});

describe('readBody: free text', () => {
  it('normalises (NFC, trimmed) and accepts up to 300 characters', async () => {
    const decomposed = 'e\u0301'.repeat(300);
    const body = await readBody(
      text(JSON.stringify({ stage: 's', comment: ` ${decomposed} ` })),
      rules,
    );
    assert.equal(body.comment, 'é'.repeat(300));
  });

  it('refuses control characters and longer text, naming the field', async () => {
    for (const comment of ['a\u0000b', '\u001b[2J', '\u0085', '\ud800x', 'x'.repeat(301)]) {
      await assert.rejects(
        readBody(text(JSON.stringify({ stage: 's', comment })), rules),
        (e: unknown) => {
          assert.ok(e instanceof BadRequestError);
          const errors = e.extensions.errors as { field: string }[];
          assert.equal(errors[0]?.field, 'comment');
          return true;
        },
        JSON.stringify(comment),
      );
    }
  });
});
