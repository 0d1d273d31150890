// End-to-end job: a real piece of work done through voicedock-mcp with the
// official TypeScript MCP SDK client, the way an AI assistant would do it.
//
//   node job.mjs BIN [args...]   spawn BIN and talk MCP over its stdio
//
// Steps: create an assistant, register a number for it, place an outbound
// call from that number, wait until the call is in progress, send a "say"
// command, wait for the call to end, read its transcript, then delete the
// number and the assistant. Prints one JSON line to stdout:
//
//   {"steps": [{"tool": "...", "isError": false, "result": {...}}, ...],
//    "statuses": ["dialing", ...], "transcript": [...]}
//
// The client shows confirmation forms the way a person would answer them:
// it declares form elicitation, records each form under "forms", and
// accepts it, typing the last four digits of DESTINATION when asked.
//
// A step that fails stops the job and the line says which; exit status 1.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';

const DESTINATION = '+31612345678';
const SAY = 'Your appointment is confirmed for Tuesday at ten. Tot ziens!';
const POLL_MS = 250;
const WAIT_MS = 60_000;

function emit(value, code) {
  process.stdout.write(JSON.stringify(value) + '\n', () => process.exit(code));
}

// What the job did so far, printed whether it succeeds or not.
const steps = [];
const statuses = [];
const forms = [];

// answerForm is the person in front of the client: it reads the form and
// confirms it.
function answerForm(request) {
  const { message, requestedSchema } = request.params;
  forms.push({ message, fields: Object.keys(requestedSchema?.properties ?? {}) });
  if (requestedSchema?.properties?.last_four_digits) {
    return { action: 'accept', content: { last_four_digits: DESTINATION.slice(-4) } };
  }
  return { action: 'accept', content: { confirm: true } };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const [bin, ...args] = process.argv.slice(2);
  if (!bin) throw new Error('usage: node job.mjs BIN [args...]');
  const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined));
  const transport = new StdioClientTransport({ command: bin, args, env, stderr: 'inherit' });
  const client = new Client({ name: 'voicedock-mcp-e2e-job', version: '0.0.0' },
    { capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler(ElicitRequestSchema, answerForm);

  // call runs one tool and records it; a tool error ends the job.
  const call = async (name, args) => {
    const res = await client.callTool({ name, arguments: args });
    steps.push({ tool: name, isError: !!res.isError, result: res.structuredContent ?? res.content });
    if (res.isError) throw new Error(`${name} failed: ${res.content?.[0]?.text}`);
    return res.structuredContent;
  };

  // waitFor polls get_call until the call's status satisfies done.
  const waitFor = async (callId, done) => {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const res = await client.callTool({ name: 'get_call', arguments: { call_id: callId } });
      if (res.isError) throw new Error(`get_call failed: ${res.content?.[0]?.text}`);
      const status = res.structuredContent.call.status;
      if (statuses.at(-1) !== status) statuses.push(status);
      if (done(status)) return res.structuredContent;
      if (Date.now() > deadline) throw new Error(`call ${callId} stayed ${status}`);
      await sleep(POLL_MS);
    }
  };

  try {
    await client.connect(transport);
    const { assistant } = await call('create_assistant', {
      name: 'E2E Terminbestätigung Zoë',
      first_message: 'Hallo, hier ist die Praxis. I am calling about your appointment.',
      llm_config: {
        provider: 'openai', model: 'gpt-5.4-mini',
        messages: [{ role: 'system', content: 'You confirm dental appointments politely.' }],
      },
      stt_config: { provider: 'deepgram', model: 'nova-3', language: 'multi' },
      tts_config: { provider: 'elevenlabs', voice_id: 'EXAVITQu4vr4xnSDxMaL' },
      max_duration_seconds: 300,
    });
    const { number } = await call('register_number', {
      phone_number: '+31851234567', name: 'E2E line', assistant_id: assistant.id,
    });
    const placed = await call('place_outbound_call', {
      destination: DESTINATION, assistant_id: assistant.id, number_id: number.id,
    });
    await waitFor(placed.call_id, (s) => s === 'in-progress');
    await call('control_call', { call_id: placed.call_id, type: 'say', content: SAY, end_after: true });
    await waitFor(placed.call_id, (s) => !['dialing', 'ringing', 'connecting', 'in-progress'].includes(s));
    const ended = await call('get_call', { call_id: placed.call_id, include_transcript: true });
    await call('delete_number', { number_id: number.id });
    await call('delete_assistant', { assistant_id: assistant.id });
    return { steps, statuses, forms, transcript: ended.transcript };
  } finally {
    await client.close().catch(() => {});
  }
}

main().then(
  (output) => emit(output, 0),
  (err) => emit({ error: err instanceof Error ? err.message : String(err), steps, statuses, forms }, 1),
);
