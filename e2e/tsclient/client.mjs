// End-to-end probe: drives voicedock-mcp with the official TypeScript MCP SDK
// client, the way real MCP hosts do.
//
//   node client.mjs stdio BIN [args...]   spawn BIN and talk MCP over its stdio
//   node client.mjs http URL              talk streamable HTTP to URL (…/mcp)
//
// It connects, lists the tools, calls get_account_information with {} and
// prints one JSON line to stdout:
//
//   {"protocolVersion": "...", "tools": ["..."], "result": <CallToolResult>}
//
// A tool that fails with isError is still a protocol success (exit 0). Any
// protocol-level failure prints {"error": "..."} and exits 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const USAGE = 'usage: node client.mjs stdio BIN [args...] | node client.mjs http URL';

// emit prints one JSON line and exits once it is written.
function emit(value, code) {
  process.stdout.write(JSON.stringify(value) + '\n', () => process.exit(code));
}

function fail(message) {
  emit({ error: message }, 1);
}

function makeTransport(mode, rest) {
  if (mode === 'stdio' && rest.length >= 1) {
    // Pass our whole environment through: the caller decides what the server
    // sees (the SDK would otherwise keep only a few "safe" variables).
    const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
    // The server's stderr (its logs) goes to ours.
    return new StdioClientTransport({ command: rest[0], args: rest.slice(1), env, stderr: 'inherit' });
  }
  if (mode === 'http' && rest.length === 1) {
    return new StreamableHTTPClientTransport(new URL(rest[0]));
  }
  throw new Error(USAGE);
}

async function main() {
  const [mode, ...rest] = process.argv.slice(2);
  const transport = makeTransport(mode, rest);

  // The SDK hands the negotiated version to transports that define
  // setProtocolVersion (the HTTP one does, to send MCP-Protocol-Version).
  // Wrap it, or add it for stdio, to see what initialize agreed on.
  let protocolVersion = null;
  const setVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => {
    protocolVersion = version;
    setVersion?.(version);
  };

  const client = new Client({ name: 'voicedock-mcp-e2e', version: '0.0.0' });
  try {
    await client.connect(transport);
    const { tools } = await client.listTools();
    const result = await client.callTool({ name: 'get_account_information', arguments: {} });
    return { protocolVersion, tools: tools.map((t) => t.name), result };
  } finally {
    // For HTTP, end the session politely (DELETE) before closing; for stdio,
    // close() ends the child process.
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
      await transport.terminateSession().catch(() => {});
    }
    await client.close().catch(() => {});
  }
}

main().then(
  (output) => emit(output, 0),
  (err) => fail(err instanceof Error ? err.message : String(err)),
);
