// The emulator's fake S3 data: buckets and small text objects that the read operations return.
// It answers lookups only; authorization and response shapes live in operations.ts.
import { sha256Hex } from '../../shared';

export interface FakeObject {
  key: string;
  body: string;
  contentType: string;
  lastModified: Date;
}

export interface FakeBucket {
  name: string;
  creationDate: Date;
  objects: FakeObject[];
}

const JAN = new Date('2026-01-15T10:00:00Z');
const APR = new Date('2026-04-01T08:30:00Z');

/** `example-bucket` (the tutorial's) with a few objects, plus an empty-ish second bucket. */
export const DEFAULT_BUCKETS: readonly FakeBucket[] = [
  {
    name: 'example-bucket',
    creationDate: JAN,
    objects: [
      {
        key: 'README.txt',
        body: 'Hello from the ToolHive AWS STS sandbox. This object lives in the emulated example-bucket.\n',
        contentType: 'text/plain',
        lastModified: JAN,
      },
      {
        key: 'reports/2026-q1.csv',
        body: 'month,requests\n2026-01,1200\n2026-02,1350\n2026-03,1490\n',
        contentType: 'text/csv',
        lastModified: APR,
      },
      {
        key: 'reports/summary.json',
        body: '{"quarter":"2026-Q1","requests":4040}\n',
        contentType: 'application/json',
        lastModified: APR,
      },
    ],
  },
  {
    name: 'example-logs',
    creationDate: APR,
    objects: [
      {
        key: 'access/2026-04-01.log',
        body: '2026-04-01T08:30:00Z GET /mcp 200\n',
        contentType: 'text/plain',
        lastModified: APR,
      },
    ],
  },
];

/**
 * The bucket named `name`, or undefined.
 * @example findBucket(DEFAULT_BUCKETS, 'example-bucket')?.objects.length // 3
 */
export function findBucket(buckets: readonly FakeBucket[], name: string): FakeBucket | undefined {
  return buckets.find((bucket) => bucket.name === name);
}

/**
 * A stable quoted ETag for an object. Not S3's MD5: a truncated SHA-256, which is enough for a
 * fake that nobody uploads to.
 * @example etagFor('x') // '"2d711642b726b04401627ca9fbac32f5"'
 */
export function etagFor(body: string): string {
  return `"${sha256Hex(body).slice(0, 32)}"`;
}

/** UTF-8 size of an object's body. @example byteSize('é') // 2 */
export function byteSize(body: string): number {
  return new TextEncoder().encode(body).byteLength;
}
