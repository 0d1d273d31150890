package tools

import (
	"fmt"
	"slices"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// The assistant configuration blocks, shared by the assistant tools and by
// the transient assistants of outbound and web calls. Enums come from the
// config catalog (reference section 8.4); provider-specific extra fields
// pass through unchecked, as the API documents them per provider.

var sttConfig = object("stt_config", "Speech-to-text block. A text (pipeline) LLM needs it; realtime LLMs do "+
	"not. Provider-specific extras (keyterms, endpointing, smart_format, …) may be added.",
	str("provider", "STT provider.").oneOf(catalog.Providers(catalog.STTModels)...).req(),
	str("model", "Model of that provider: deepgram nova-3|nova-3-general, elevenlabs scribe_v2_realtime, "+
		"gladia solaria-1, mistral voxtral-mini-latest, google chirp_3.").
		oneOf(catalog.AllModels(catalog.STTModels)...).req(),
	str("language", "Spoken language; multi = Dutch and English.").oneOf(catalog.Languages...).req(),
)

var llmConfig = object("llm_config", "Language-model block. The system prompt is the first of messages, "+
	"role system. Realtime providers (google_realtime, xai_realtime, openai_live) speak by themselves "+
	"and take a voice here instead of a tts_config.",
	str("provider", "LLM provider.").oneOf(catalog.Providers(catalog.LLMModels)...).req(),
	str("model", "Model of that provider; each provider accepts only its own models.").
		oneOf(catalog.AllModels(catalog.LLMModels)...).req(),
	number("temperature", "Sampling temperature.").between(0, 2).byDefault(0.7),
	array("messages", "Prompt messages; put the system prompt first.", object("message", "One message.",
		str("role", "Who speaks.").oneOf("system", "user", "assistant").req(),
		str("content", "The text.").req(),
	)),
	array("tools", "Tools the assistant may call during a call: {name, description, parameters, url} "+
		"webhook tools, {type:\"end_call\"}, {type:\"transfer_call\", destinations:[…]} or "+
		"{type:\"mcp\", mcp_server_id (from list_mcp_servers), allowed_tools}.",
		object("tool", "One tool definition.",
			str("type", "Tool kind; leave out for a webhook function tool."),
			str("name", "Function name, for webhook tools."),
		)),
	str("voice", "Realtime providers' voice: a Gemini voice (Puck, Kore, …), an xAI one (ara, eve, …) "+
		"or marin, beacon, cinder, stone, vesper for openai_live."),
)

var ttsConfig = object("tts_config", "Text-to-speech block for text (pipeline) LLMs; null (or left out) "+
	"for realtime LLMs. Extras such as stability or speed may be added.",
	str("provider", "TTS provider (11labs is accepted for elevenlabs).").
		oneOf(append(catalog.Providers(catalog.TTSModels), "11labs")...).req(),
	str("voice_id", "Voice: an ElevenLabs or Inworld voice ID (free text), a Gemini voice for google "+
		"(default Kore), an xAI voice for xai (default ara), voicedock for voicedock. list_voices shows "+
		"the platform's local voices.").req(),
	str("model", "Model of that provider.").oneOf(catalog.AllModels(catalog.TTSModels)...),
)

var speechConfig = object("speech_config", "Every part optional: turn_taking (pipeline: "+
	"endpointing_min_delay, endpointing_max_delay, interruption_min_duration, interruption_min_words, "+
	"false_interruption_timeout), pronunciation [{from, to}], background_audio {enabled, clip office|city|"+
	"forest|crowded_room, volume}, silence {messages, final_message, first_check_seconds, interval_seconds, "+
	"max_attempts}, first_message_outbound, end_call_message, end_call_phrases.",
	object("background_audio", "Background sound.",
		str("clip", "Sound.").oneOf("office", "city", "forest", "crowded_room"),
	),
)

// assistantFields are the settable fields of an assistant, for create and
// update. name is made required by create.
var assistantFields = []param{
	str("name", "Assistant name, shown in the dashboard, calls and usage."),
	str("business_name", "Business the assistant speaks for; null clears it.").orNull(),
	str("first_message", "Opening line the assistant says when a call connects; null clears it.").orNull(),
	boolean("is_active", "Whether the assistant takes calls."),
	integer("max_duration_seconds", "Hard cap on a call's length, in seconds; null removes the cap.").
		atLeast(1).orNull(),
	boolean("autonomous_silence_handling", "Prompt a silent caller again and hang up after several tries."),
	integer("silence_timeout_seconds", "Seconds of silence before prompting again (older knob).").atLeast(1),
	boolean("voicemail_detection", "Outbound only: detect voicemail on the callee's first words.").orNull(),
	str("voicemail_message", "Left on voicemail; empty means hang up without a message.").orNull(),
	object("recording_consent", "Inbound phone calls: message is played and the caller presses 1 to agree "+
		"to recording; null turns it off.",
		boolean("enabled", "Ask for consent.").req(),
		str("message", "What the caller hears.").req(),
	).orNull(),
	array("notification_emails", "Up to 5 recipients of the end-of-call report e-mail; null clears them.",
		email("email", "E-mail address.")).upTo(5).orNull(),
	email("notification_email", "Older single e-mail recipient.").orNull(),
	webURL("webhook_url", "Your HTTPS endpoint for this assistant's webhook events; null clears it.").orNull(),
	str("webhook_secret", "HMAC secret the platform signs webhooks with; null clears it.").orNull(),
	array("webhook_events", "Events sent to webhook_url.", str("event", "Event name.").
		oneOf(catalog.WebhookEvents...)).orNull(),
	sttConfig, llmConfig, ttsConfig.orNull(), speechConfig.orNull(),
	object("analysis_plan", "Post-call structured extraction; analysis templates (list_analysis_templates) "+
		"hold ready-made plans. null removes it.",
		object("structured_data_plan", "enabled, schema (JSON Schema) and messages with {{schema}} and "+
			"{{transcript}} placeholders."),
		integer("min_messages_threshold", "Skip analysis for shorter conversations.").atLeast(0),
	).orNull(),
	boolean("gdpr_mode", "GDPR mode."),
}

// checkAssistantConfig applies the catalog rules a schema cannot state:
// each model belongs to its provider, and a realtime LLM takes no
// tts_config. prefix names where the blocks sit, e.g. "assistant.".
func checkAssistantConfig(prefix string, fields map[string]any) error {
	var problems []string
	if fields["webhook_secret"] == secretMarker {
		problems = append(problems, prefix+"webhook_secret: \""+secretMarker+"\" marks a stored secret in "+
			"results; it is not one. Leave webhook_secret out to keep the stored secret; a copy needs the "+
			"secret from the user")
	}
	for _, b := range []struct {
		name   string
		models map[string][]string
	}{
		{"stt_config", catalog.STTModels}, {"llm_config", catalog.LLMModels}, {"tts_config", catalog.TTSModels},
	} {
		block, _ := fields[b.name].(map[string]any)
		provider, _ := block["provider"].(string)
		model, hasModel := block["model"].(string)
		if alias, ok := catalog.TTSProviderAliases[provider]; ok && b.name == "tts_config" {
			provider = alias
		}
		if hasModel && provider != "" && !slices.Contains(b.models[provider], model) {
			problems = append(problems, fmt.Sprintf("%s%s.model: %q is not a %s model; %s takes %s",
				prefix, b.name, model, provider, provider, modelList(b.models[provider])))
		}
	}
	llm, _ := fields["llm_config"].(map[string]any)
	provider, _ := llm["provider"].(string)
	if catalog.IsRealtime(provider) && fields["tts_config"] != nil {
		problems = append(problems, fmt.Sprintf("%stts_config: %s is a realtime provider that speaks by "+
			"itself; send tts_config null (to clear a stored one) or leave it out, and set llm_config.voice "+
			"instead", prefix, provider))
	}
	if len(problems) > 0 {
		return fmt.Errorf("invalid arguments: %s", strings.Join(problems, "; "))
	}
	return nil
}

func modelList(models []string) string {
	if len(models) == 0 {
		return "no model field"
	}
	return strings.Join(models, ", ")
}
