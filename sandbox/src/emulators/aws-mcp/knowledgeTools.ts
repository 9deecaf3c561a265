// Registers the emulated knowledge tools (aws___list_regions, aws___search_documentation,
// aws___read_documentation). They evaluate no IAM policy, and search this site's docs, not AWS's.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { readDocumentation } from './docRead';
import { searchDocuments } from './docSearch';
import type { DocPage } from './docText';
import { listRegions } from './regions';
import { toolError, toolText } from './toolResults';

export interface KnowledgeToolDeps {
  pages: readonly DocPage[];
  onToolCall?: (name: string) => void;
}

/**
 * Adds the knowledge tools to an MCP server.
 * @example registerKnowledgeTools(server, { pages: await loadDocPages() })
 */
export function registerKnowledgeTools(server: McpServer, deps: KnowledgeToolDeps): void {
  server.registerTool(
    'aws___list_regions',
    {
      title: 'List AWS Regions',
      description:
        'Lists AWS Regions with their names, marking where the AWS MCP Server is offered. Emulated: the list is illustrative and fixed, not live; do not hard-code it.',
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => {
      deps.onToolCall?.('aws___list_regions');
      return toolText(JSON.stringify(listRegions(), null, 2));
    }
  );

  server.registerTool(
    'aws___search_documentation',
    {
      title: 'Search documentation',
      description:
        "Searches documentation and returns the best pages with a title, URL and snippet. Emulated: searches this site's own docs (ToolHive AWS STS), ranked by term frequency in titles, headings and text; URLs are site paths such as /toolhive/tutorials/aws-sts-integration.",
      inputSchema: {
        search_phrase: z.string().min(1).describe('Words to search for'),
        limit: z.number().int().min(1).max(50).optional().describe('Maximum results (default 5)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ search_phrase, limit }) => {
      deps.onToolCall?.('aws___search_documentation');
      return toolText(
        JSON.stringify(searchDocuments(deps.pages, search_phrase, limit ?? 5), null, 2)
      );
    }
  );

  server.registerTool(
    'aws___read_documentation',
    {
      title: 'Read documentation',
      description:
        'Returns a documentation page as markdown, in chunks. Emulated: reads pages of this site by the URL that aws___search_documentation returned.',
      inputSchema: {
        url: z.string().min(1).describe('Page URL or site path'),
        max_length: z
          .number()
          .int()
          .min(1)
          .max(100_000)
          .optional()
          .describe('Characters to return (default 10000)'),
        start_index: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe('Where to start, for the next chunk'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ url, max_length, start_index }) => {
      deps.onToolCall?.('aws___read_documentation');
      const read = readDocumentation(deps.pages, url, {
        ...(max_length === undefined ? {} : { maxLength: max_length }),
        ...(start_index === undefined ? {} : { startIndex: start_index }),
      });
      if (!read.ok) return toolError(read.message);
      const more =
        read.nextStartIndex === undefined
          ? ''
          : `\n\n<truncated: call again with start_index=${read.nextStartIndex} for more>`;
      return toolText(`# ${read.title}\n\nURL: ${read.url}\n\n${read.content}${more}`);
    }
  );
}
