// The AWS MCP Server's Regions: the generator takes exactly the eight AWS lists without a word,
// takes any other well-formed region code with a note (AWS adds Regions), and refuses what is not
// a region code; ToolHive's own awsSts validation accepts any well-formed code, as the CRD does.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validateAwsSts } from '../../config';
import { AWS_MCP_SERVER_REGIONS, awsMcpRegionNote, isAwsMcpServerRegion } from './awsMcpRegions';
import { TUTORIAL_VALUES } from './tutorialValues';
import { validateGeneratorInput } from './validateInput';

const EIGHT = [
  'us-east-1',
  'us-west-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-northeast-1',
  'eu-central-1',
  'eu-west-1',
  'eu-west-2',
];
const regionNotes = (notes: string[]) => notes.filter((note) => note.startsWith('region '));

describe('AWS MCP Server Regions', () => {
  it('are the eight of the AWS General Reference, in its order', () => {
    assert.deepEqual(
      AWS_MCP_SERVER_REGIONS.map((region) => region.code),
      EIGHT
    );
  });

  for (const region of EIGHT) {
    it(`${region}: the generator takes it without a note, and ToolHive's validation too`, () => {
      const result = validateGeneratorInput({ ...TUTORIAL_VALUES, region });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
      assert.deepEqual(regionNotes(result.notes), []);
      assert.equal(result.values.region, region);
      assert.ok(isAwsMcpServerRegion(region));
      assert.ok(validateAwsSts({ region, fallbackRoleArn: 'arn:aws:iam::123456789012:role/R' }).ok);
    });
  }

  for (const { region, partition } of [
    { region: 'eu-west-3', partition: 'aws' },
    { region: 'ca-central-1', partition: 'aws' },
    { region: 'us-gov-west-1', partition: 'aws-us-gov' },
    { region: 'cn-north-1', partition: 'aws-cn' },
  ]) {
    it(`${region}: generated, with a note that AWS does not list an AWS MCP Server there`, () => {
      const result = validateGeneratorInput({ ...TUTORIAL_VALUES, partition, region });
      assert.ok(result.ok, JSON.stringify(!result.ok && result.issues));
      const [note, ...rest] = regionNotes(result.notes);
      assert.equal(rest.length, 0);
      assert.equal(note, awsMcpRegionNote(region));
      assert.match(
        note ?? '',
        new RegExp(`https://aws-mcp\\.${region}\\.api\\.aws/mcp may not exist`)
      );
      assert.match(note ?? '', /docs\.aws\.amazon\.com\/general\/latest\/gr\/aws-mcp\.html/);
      assert.ok(
        validateAwsSts({ region, fallbackRoleArn: `arn:${partition}:iam::123456789012:role/R` }).ok
      );
    });
  }

  for (const region of ['Europe', 'US-EAST-1', 'us-east', 'useast1']) {
    it(`"${region}": refused by the generator and by ToolHive's CRD pattern`, () => {
      const result = validateGeneratorInput({ ...TUTORIAL_VALUES, region });
      assert.ok(!result.ok);
      assert.deepEqual(
        result.issues.map((found) => found.path),
        ['region']
      );
      assert.ok(
        !validateAwsSts({ region, fallbackRoleArn: 'arn:aws:iam::123456789012:role/R' }).ok
      );
    });
  }
});
