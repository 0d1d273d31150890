package tools

import "github.com/voicedock/voicedock-mcp/client/catalog"

// callOperations are the calls toolset: history, details and transcripts,
// outbound calls, live control and web calls (reference sections 8.5, 8.6).
var callOperations = []operation{
	listCalls, getCall, placeOutboundCall, controlCall, createWebCall,
}

// callID is the path argument naming one call. Call IDs are opaque
// strings, not UUIDs, and contain "+"; the client escapes them.
var callID = str("call_id", "Call ID, as list_calls shows or place_outbound_call returned, e.g. "+
	"call-_+31612345678_XqaQxRRgAzYc.").as("id").inPath()

// callOut are the fields of a call a result schema names.
var callOut = []field{
	{"id", "string"}, {"status", "string"}, {"direction", "string"}, {"caller_phone", "string"},
	{"agent_name", "string"}, {"started_at", "string"}, {"duration_seconds", ""}, {"summary", "string"},
	{"message_count", "integer"},
}

// callSummary is a call as a list shows it: who, when, how it went and
// how long its transcript is, without the transcript itself and with a
// long summary shortened.
func callSummary(call map[string]any) any {
	summary := withoutRecordingURL(callDetails(call))
	if text, ok := summary["summary"].(string); ok && len(text) > 400 {
		summary["summary"] = truncateRunes(text, 300) + " … (get_call has the whole summary)"
	}
	return summary
}

// callDetails is a call without its transcript, which get_call returns in
// pieces, but with how many messages it holds.
func callDetails(call map[string]any) map[string]any {
	details := without(call, "messages").(map[string]any)
	if messages, ok := call["messages"].([]any); ok {
		details["message_count"] = len(messages)
	}
	return details
}

// transientAssistant is a one-off assistant configuration for a single
// outbound or web call. Its blocks name providers only: the models,
// languages and voices are create_assistant's, checked against the same
// catalog when a call arrives (checkAssistantConfig), so that the default
// tools/list stays small.
var transientAssistant = object("assistant", "One-off assistant for this call only, instead of "+
	"assistant_id. llm_config is required; a text LLM also needs stt_config and tts_config. The "+
	"blocks take the same fields and values as in create_assistant.",
	str("first_message", "Opening line."),
	object("stt_config", "Speech-to-text: provider, model, language.",
		str("provider", "STT provider.").oneOf(catalog.Providers(catalog.STTModels)...).req(),
		str("model", "A model of that provider, as in create_assistant.").req(),
		str("language", "Spoken language, as in create_assistant.").oneOf(catalog.Languages...).req()),
	object("llm_config", "Language model: provider, model, messages (system prompt first), temperature.",
		str("provider", "LLM provider.").oneOf(catalog.Providers(catalog.LLMModels)...).req(),
		str("model", "A model of that provider, as in create_assistant.").req()).req(),
	object("tts_config", "Text-to-speech: provider, voice_id, model.",
		str("provider", "TTS provider.").oneOf(append(catalog.Providers(catalog.TTSModels), "11labs")...).req(),
		str("voice_id", "Voice, as in create_assistant.").req()),
	integer("max_duration_seconds", "Hard cap on the call's length, in seconds.").atLeast(1),
	boolean("voicemail_detection", "Detect voicemail and leave voicemail_message."),
	str("voicemail_message", "Left on voicemail."),
	webURL("webhook_url", "Your HTTPS endpoint for this call's webhook events."),
	object("metadata", "Your own key-value data, returned in this call's webhooks."),
).alsoOnly(transientFields...)

// transientFields are the fields a one-off assistant or an override may
// set (reference section 8.5).
var transientFields = []string{
	"first_message", "stt_config", "llm_config", "tts_config", "max_duration_seconds",
	"autonomous_silence_handling", "silence_timeout_seconds", "voicemail_detection", "voicemail_message",
	"webhook_url", "webhook_secret", "webhook_events", "metadata",
}

// assistantOverride replaces top-level settings of a saved assistant for
// one call.
var assistantOverride = object("assistant_override", "Settings of the saved assistant (assistant_id) to "+
	"replace for this call only, e.g. {\"first_message\": \"…\"}; each block given replaces the saved one.",
	str("first_message", "Opening line for this call."),
	object("metadata", "Your own key-value data, returned in this call's webhooks."),
).alsoOnly(transientFields...)

// withoutRecordingURL replaces a call's recording link, which is signed
// and grants access to the audio, by has_recording: a model should see the
// link only when the user asked for it.
func withoutRecordingURL(call map[string]any) map[string]any {
	if url, ok := call["recording_url"].(string); ok && url != "" {
		call["has_recording"] = true
	}
	delete(call, "recording_url")
	return call
}
