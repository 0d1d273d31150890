package tools

import "net/http"

const listAssistantsDoc = `List the organization's voice assistants: ID, name, business, whether active, ` +
	`opening line and the STT, LLM and TTS providers, models, voices and languages. Use it to find an assistant_id for ` +
	`get_assistant, update_assistant, register_number, place_outbound_call or create_campaign. ` +
	`Returns one page (default 20); pass next_offset as offset for more.`

var listAssistants = operation{
	name: "list_assistants", title: "List assistants", toolset: AssistantsSet,
	doc: listAssistantsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/assistants",
	params: pageParams(inTool, 20, 1000),
	shape:  many("assistants", assistantSummary),
	output: listOutput("assistants", assistantOut...),
}
