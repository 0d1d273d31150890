package tools

import (
	"net/http"
	"slices"
)

const createAssistantDoc = `Create a voice assistant. Only name is required; the platform fills every ` +
	`other setting with defaults. Put the system prompt in llm_config.messages (role system). A text LLM ` +
	`(openai, mistral, google, xai) also needs stt_config and tts_config; a realtime LLM (google_realtime, ` +
	`xai_realtime, openai_live) needs neither. Returns the new assistant with its ID. Creating one costs ` +
	`nothing; calls it takes are billed per minute.`

var createAssistant = operation{
	name: "create_assistant", title: "Create an assistant", toolset: AssistantsSet,
	doc: createAssistantDoc, effect: Write,
	method: http.MethodPost, path: "/assistants",
	params: slices.Concat([]param{assistantFields[0].req()}, assistantFields[1:]),
	check:  func(args map[string]any) error { return checkAssistantConfig("", args) },
	shape:  oneAssistant,
	policy: configPolicy,
	output: objectOutput("assistant", assistantOut...),
}
