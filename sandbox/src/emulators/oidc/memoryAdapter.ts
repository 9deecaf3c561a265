// A per-provider in-memory storage adapter for oidc-provider (sessions, interactions, codes,
// grants), with expiry from an injectable clock. It does not persist anything across restarts.
import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  /** Epoch milliseconds, or Infinity. */
  expiresAt: number;
}

/**
 * A factory oidc-provider calls once per model name (`Session`, `AccessToken`, …); every model
 * of one provider shares one store, so revoking a grant reaches all of its tokens.
 * @example new Provider(issuer, { adapter: createMemoryAdapterFactory() })
 */
export function createMemoryAdapterFactory(
  now: () => number = Date.now
): (model: string) => Adapter {
  const store = new Map<string, Entry>();
  /** `grant:<id>` → keys of the tokens issued under that grant. */
  const grants = new Map<string, Set<string>>();
  /** Secondary indexes: `uid:<uid>` / `userCode:<code>` → primary key. */
  const indexes = new Map<string, string>();

  const read = (key: string): AdapterPayload | undefined => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  return (model: string): Adapter => {
    const keyFor = (id: string): string => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const expiresAt = typeof expiresIn === 'number' ? now() + expiresIn * 1000 : Infinity;
        store.set(key, { payload, expiresAt });
        if (typeof payload.grantId === 'string') {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          grants.set(payload.grantId, members);
        }
        if (model === 'Session' && typeof payload.uid === 'string') {
          indexes.set(`uid:${payload.uid}`, key);
        }
        if (typeof payload.userCode === 'string') {
          indexes.set(`userCode:${payload.userCode}`, key);
        }
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        const key = indexes.get(`uid:${uid}`);
        return key === undefined ? undefined : read(key);
      },
      async findByUserCode(userCode) {
        const key = indexes.get(`userCode:${userCode}`);
        return key === undefined ? undefined : read(key);
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(now() / 1000);
      },
      async destroy(id) {
        store.delete(keyFor(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) store.delete(key);
        grants.delete(grantId);
      },
    };
  };
}
