package tools

import (
	"net/http"
	"slices"
)

const updateAssistantDoc = `Change an assistant's settings. Only the fields given change; a config ` +
	`block given (stt_config, llm_config, tts_config, speech_config, analysis_plan) replaces the stored ` +
	`block whole, so send it complete: read it first with get_assistant. null clears a field, e.g. ` +
	`tts_config null when moving to a realtime LLM. assistant_id comes from list_assistants. Calls ` +
	`already running keep their settings.`

var updateAssistant = operation{
	name: "update_assistant", title: "Update an assistant", toolset: AssistantsSet,
	doc: updateAssistantDoc, effect: Write, idempotent: true,
	method: http.MethodPatch, path: "/assistants/{id}",
	params: slices.Concat([]param{assistantID}, assistantFields),
	check: func(args map[string]any) error {
		if err := requireChange(args, "assistant_id"); err != nil {
			return err
		}
		return checkAssistantConfig("", args)
	},
	shape:    oneAssistant,
	policy:   configPolicy,
	output:   objectOutput("assistant", assistantOut...),
	listedBy: "list_assistants",
}
