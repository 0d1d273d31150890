// End-to-end confirmation probe: one tool call through voicedock-mcp with the
// official TypeScript MCP SDK client, answering the confirmation form the
// server shows the way the plan says.
//
//   node confirm.mjs PLAN      PLAN is a JSON object
//   node confirm.mjs - < PLAN  or read it from stdin
//
// The plan:
//
//   {"transport": "stdio", "command": "BIN", "args": ["stdio"],   spawn BIN
//    "transport": "http", "url": "http://127.0.0.1:PORT/mcp",      or talk to URL
//    "tool": "delete_assistant", "arguments": {...},
//    "answer": "accept" | "decline" | "cancel" | "throw" | "none",
//    "digits": "5678"}                          typed when a form asks for digits
//
// With "none" the client declares no elicitation capability and has no form
// handler; with "throw" the handler throws, so the SDK answers the
// elicitation/create request with a JSON-RPC error. "accept" ticks the
// confirm box, or types "digits" into the last_four_digits field.
//
// Prints one JSON line to stdout:
//
//   {"protocolVersion": "...", "forms": [{"mode", "message", "fields"}],
//    "result": <CallToolResult>} or, when tools/call itself failed,
//    "callError": {"code": -32603, "message": "..."}
//
// A tool call that fails, with isError or a JSON-RPC error, is what this
// probe is for and exits 0. A plan it cannot run prints {"error": "..."}
// and exits 1.
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const USAGE = 'usage: node confirm.mjs PLAN_JSON | node confirm.mjs - < PLAN_JSON';
const ANSWERS = ['accept', 'decline', 'cancel', 'throw', 'none'];

// emit prints one JSON line and exits once it is written.
function emit(value, code) {
  process.stdout.write(JSON.stringify(value) + '\n', () => process.exit(code));
}

function readPlan() {
  const arg = process.argv[2];
  if (!arg) throw new Error(USAGE);
  const plan = JSON.parse(arg === '-' ? readFileSync(0, 'utf8') : arg);
  if (typeof plan.tool !== 'string' || !ANSWERS.includes(plan.answer)) {
    throw new Error(`a plan needs "tool" and "answer" (one of ${ANSWERS.join(', ')})`);
  }
  return plan;
}

function makeTransport(plan) {
  if (plan.transport === 'stdio' && plan.command) {
    // The whole environment goes through: the caller decides what the
    // server sees. The server's stderr (its logs) goes to ours.
    const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
    return new StdioClientTransport({ command: plan.command, args: plan.args ?? [], env, stderr: 'inherit' });
  }
  if (plan.transport === 'http' && plan.url) {
    return new StreamableHTTPClientTransport(new URL(plan.url));
  }
  throw new Error('a plan needs "transport": "stdio" with "command", or "http" with "url"');
}

// person answers a form as the plan says, and records what it showed.
function person(plan, forms) {
  return (request) => {
    const { mode, message, requestedSchema } = request.params;
    const fields = Object.keys(requestedSchema?.properties ?? {});
    forms.push({ mode: mode ?? 'form', message, fields });
    switch (plan.answer) {
      case 'throw':
        throw new Error('the confirmation form could not be shown');
      case 'decline':
      case 'cancel':
        return { action: plan.answer };
    }
    if (fields.includes('last_four_digits')) {
      return { action: 'accept', content: { last_four_digits: plan.digits ?? '' } };
    }
    return { action: 'accept', content: { confirm: true } };
  };
}

async function main() {
  const plan = readPlan();
  const transport = makeTransport(plan);

  // The SDK hands the negotiated version to transports that define
  // setProtocolVersion; record it, as client.mjs does.
  let protocolVersion = null;
  const setVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version) => {
    protocolVersion = version;
    setVersion?.(version);
  };

  const capabilities = plan.answer === 'none' ? {} : { elicitation: { form: {} } };
  const client = new Client({ name: 'voicedock-mcp-e2e-confirm', version: '0.0.0' }, { capabilities });
  const forms = [];
  if (plan.answer !== 'none') client.setRequestHandler(ElicitRequestSchema, person(plan, forms));

  try {
    await client.connect(transport);
    try {
      const result = await client.callTool({ name: plan.tool, arguments: plan.arguments ?? {} });
      return { protocolVersion, forms, result };
    } catch (err) {
      return { protocolVersion, forms, callError: { code: err?.code ?? null, message: String(err?.message ?? err) } };
    }
  } finally {
    if (transport instanceof StreamableHTTPClientTransport && transport.sessionId) {
      await transport.terminateSession().catch(() => {});
    }
    await client.close().catch(() => {});
  }
}

main().then(
  (output) => emit(output, 0),
  (err) => emit({ error: err instanceof Error ? err.message : String(err) }, 1),
);
