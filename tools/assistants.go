package tools

// assistantOperations are the assistants toolset: saved voice-agent
// configurations (reference section 8.4). The deprecated /agents alias
// routes get no tools of their own.
var assistantOperations = []operation{
	listAssistants, getAssistant, createAssistant, updateAssistant, deleteAssistant,
}

// assistantID is the path argument naming one assistant.
var assistantID = str("assistant_id", "Assistant ID (a UUID), as list_assistants shows.").as("id").inPath()

// assistantOut are the fields of an assistant a result schema names.
var assistantOut = []field{
	{"id", "string"}, {"name", "string"}, {"is_active", "boolean"}, {"first_message", "string"},
	{"llm_config", "object"},
}

// assistantSummary is an assistant as a list shows it: enough to choose
// one, without prompts and tool definitions.
func assistantSummary(a map[string]any) any {
	summary := map[string]any{}
	for _, k := range []string{"id", "name", "business_name", "is_active", "first_message", "created_at"} {
		summary[k] = a[k]
	}
	for _, block := range []string{"stt_config", "llm_config", "tts_config"} {
		if m, ok := a[block].(map[string]any); ok {
			summary[block] = map[string]any{"provider": m["provider"], "model": m["model"],
				"voice_id": m["voice_id"], "voice": m["voice"], "language": m["language"]}
		}
	}
	return summary
}

// secretMarker stands in a result for a webhook secret; it is refused as
// input, so that copying an assistant field by field cannot overwrite the
// secret with it.
const secretMarker = "[set; not shown]"

// oneAssistant shapes an answer carrying one assistant. The webhook secret
// is replaced by a note that one is set: the model needs to know that, not
// the secret, which signs what the platform sends to the user's server.
func oneAssistant(body any, args map[string]any) (any, error) {
	out, err := one("assistant", "agent")(body, args)
	if err != nil {
		return nil, err
	}
	if a, ok := out.(map[string]any)["assistant"].(map[string]any); ok && a["webhook_secret"] != nil {
		a["webhook_secret"] = secretMarker
	}
	return out, nil
}
