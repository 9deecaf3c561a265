import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeHtml, interactionJson, type InteractionView } from './interactionPages';
import { DEFAULT_USERS } from './users';

describe('interaction pages', () => {
  const view: InteractionView = {
    uid: 'u1',
    prompt: 'login',
    clientId: 'sandbox-cli',
    scope: 'openid',
    audience: 'toolhive-aws',
    users: DEFAULT_USERS,
    basePath: '/interaction/u1',
  };

  it('describe the login for scripts', () => {
    const json = interactionJson(view);
    assert.deepEqual(json.actions, {
      login: '/interaction/u1/login',
      abort: '/interaction/u1/abort',
    });
    assert.deepEqual(
      json.users?.map((u) => u.username),
      ['alice', 'bob', 'carol']
    );
  });

  it('describe the consent for scripts', () => {
    assert.deepEqual(interactionJson({ ...view, prompt: 'consent' }).actions, {
      confirm: '/interaction/u1/confirm',
      abort: '/interaction/u1/abort',
    });
  });

  it('escape HTML', () => {
    assert.equal(
      escapeHtml(`<a href="x">'&'</a>`),
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'
    );
  });
});
