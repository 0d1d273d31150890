package tools

import "net/http"

const getAssistantDoc = `Get one assistant with its whole configuration: prompts (llm_config.messages), ` +
	`tools, speech-to-text, language model, voice, speech settings, webhooks and analysis plan. ` +
	`assistant_id comes from list_assistants.`

var getAssistant = operation{
	name: "get_assistant", title: "Get an assistant", toolset: AssistantsSet,
	doc: getAssistantDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/assistants/{id}",
	params:   []param{assistantID},
	shape:    oneAssistant,
	output:   objectOutput("assistant", assistantOut...),
	listedBy: "list_assistants",
}
