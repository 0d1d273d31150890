// Package catalog holds the enumerations the HMS Sovereign API validates
// against: the config catalog (version 1) of providers, models, languages
// and voices for assistants, and the documented status and type values of
// calls, campaigns, leads, BYOK keys and templates. Reference section 8.
//
// The tools use it for input-schema enums and the sandbox for validation,
// so both always agree. Values are listed default first where the
// reference gives a default.
package catalog

import "slices"

// Languages is the stt_config.language enum shared by every STT provider.
// "multi" maps to nl-NL and en-US.
var Languages = []string{
	"multi", "nl", "en", "de", "fr", "es", "it", "pt", "pl", "ru", "ja", "ko", "zh",
	"ar", "hi", "da", "sv", "no", "fi", "cs", "hu", "ro", "bg", "hr", "sk", "tr", "id", "vi",
}

// STTModels maps each stt_config.provider to its models, default first.
var STTModels = map[string][]string{
	"deepgram":   {"nova-3", "nova-3-general"},
	"elevenlabs": {"scribe_v2_realtime"},
	"gladia":     {"solaria-1"},
	"mistral":    {"voxtral-mini-latest"},
	"google":     {"chirp_3"},
}

// LLMModels maps each llm_config.provider to its models, default first.
var LLMModels = map[string][]string{
	"openai": {
		"gpt-5.4", "gpt-5.4-mini", "gpt-5.4-nano", "gpt-5.2", "gpt-5.1", "gpt-5", "gpt-5-mini",
		"gpt-5-nano", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-5.6-luna", "gpt-5.6-terra",
		"gpt-5.6-sol", "gpt-4o-mini",
	},
	"xai": {"grok-4.3"},
	"mistral": {
		"mistral-medium-latest", "mistral-small-latest", "mistral-large-latest",
		"ministral-8b-latest", "ministral-14b-latest", "ministral-3b-latest",
	},
	"google": {"gemini-3.5-flash-lite", "gemini-3.5-flash", "gemini-2.5-flash-lite", "gemini-2.5-flash"},
	"google_realtime": {
		"gemini-live-2.5-flash-native-audio", "gemini-2.5-flash-native-audio-preview-12-2025",
		"gemini-3.1-flash-live-preview", "gemini-3.8-live",
	},
	"xai_realtime": {"grok-voice-think-fast-2.0"},
	"openai_live":  {"gpt-live-1"},
}

// RealtimeLLMProviders speak by themselves: their assistants take no
// tts_config, and an outbound transient config omits STT and TTS.
var RealtimeLLMProviders = []string{"google_realtime", "xai_realtime", "openai_live"}

// IsRealtime reports whether an llm_config provider is a realtime one.
func IsRealtime(provider string) bool { return slices.Contains(RealtimeLLMProviders, provider) }

// TTSModels maps each tts_config.provider to its models, default first.
// xai has no model choice. "11labs" is accepted as an alias of elevenlabs.
var TTSModels = map[string][]string{
	"elevenlabs": {
		"eleven_flash_v2_5", "eleven_v4_turbo", "eleven_v4", "eleven_v3",
		"eleven_multilingual_v2", "eleven_turbo_v2_5",
	},
	"inworld": {"inworld-tts-2", "inworld-tts-2-flash", "inworld-tts-1.5-max", "inworld-tts-1.5-mini"},
	"google": {
		"gemini-3.1-flash-tts-preview", "gemini-2.5-flash-preview-tts",
		"gemini-2.5-pro-preview-tts", "chirp-3-hd",
	},
	"xai":       {},
	"voicedock": {"voicedock-1"},
}

// TTSProviderAliases maps accepted spellings to the canonical provider.
var TTSProviderAliases = map[string]string{"11labs": "elevenlabs"}

// GeminiVoices are the Gemini voices (google_realtime voice, google TTS
// voice_id); Puck is the realtime default, Kore the TTS default.
var GeminiVoices = []string{
	"Puck", "Achernar", "Achird", "Algenib", "Algieba", "Alnilam", "Aoede", "Autonoe",
	"Callirrhoe", "Charon", "Despina", "Enceladus", "Erinome", "Fenrir", "Gacrux", "Iapetus",
	"Kore", "Laomedeia", "Leda", "Orus", "Pulcherrima", "Rasalgethi", "Sadachbia", "Sadaltager",
	"Schedar", "Sulafat", "Umbriel", "Vindemiatrix", "Zephyr", "Zubenelgenubi",
}

// XAIVoices are the Grok voices (xai_realtime voice, xai TTS voice_id);
// ara is the default.
var XAIVoices = []string{
	"ara", "eve", "leo", "rex", "sal", "altair", "atlas", "carina", "castor", "celeste", "cosmo",
	"helios", "helix", "iris", "kepler", "lumen", "luna", "lux", "naksh", "orion", "perseus",
	"rigel", "sirius", "ursa", "zagan", "zenith",
}

// OpenAILiveVoices are the openai_live voices; marin is the default.
var OpenAILiveVoices = []string{"marin", "beacon", "cinder", "stone", "vesper"}

// WebhookEvents are the values of an assistant's webhook_events.
var WebhookEvents = []string{"assistant-request", "tool-calls", "status-update", "end-of-call-report"}

// CallStatuses are the call status values the newest SDK knows; the API
// may send others.
var CallStatuses = []string{
	"connecting", "dialing", "ringing", "in-progress", "ended", "failed", "ended-with-error",
	"transferred", "rejected", "insufficient-credits",
}

// CallFilterStatuses are the values GET /calls accepts as its status filter.
var CallFilterStatuses = []string{"connecting", "in-progress", "ended", "failed"}

// CallDirections are the values of a call's direction.
var CallDirections = []string{"inbound", "outbound", "web"}

// ControlCommands are the live-call command types of POST /calls/{id}/control.
var ControlCommands = []string{"inject-context", "say", "end-call", "transfer"}

// CampaignStatuses are every campaign status; "completed" is set by the
// platform only.
var CampaignStatuses = []string{"draft", "scheduled", "paused", "completed", "cancelled"}

// SettableCampaignStatuses are the statuses a client may set.
var SettableCampaignStatuses = []string{"draft", "scheduled", "paused", "cancelled"}

// LeadStatuses are the statuses of a campaign lead.
var LeadStatuses = []string{"pending", "calling", "completed", "failed", "skipped"}

// BYOKProviders are the providers a key can be stored for.
var BYOKProviders = []string{
	"deepgram", "openai", "elevenlabs", "inworld", "resend", "xai", "gladia", "mistral",
	"google", "google_vertex",
}

// ToolTemplateTypes are the tool_type values of a tool template, stored
// form. The API also accepts the camelCase spellings in ToolTypeAliases.
var ToolTemplateTypes = []string{"function", "end_call", "transfer_call"}

// ToolTypeAliases maps accepted camelCase spellings to the stored form.
var ToolTypeAliases = map[string]string{"endCall": "end_call", "transferCall": "transfer_call"}

// SIPTransports are the transports of a SIP trunk; udp is the default.
var SIPTransports = []string{"udp", "tcp", "tls"}

// MCPTransports are the transports of a registered MCP server;
// streamable_http is the default.
var MCPTransports = []string{"streamable_http", "sse"}

// ContentRetentionDays and MetadataRetentionDays are the allowed data
// retention periods; content must not outlive metadata.
var (
	ContentRetentionDays  = []int{30, 90, 180, 365}
	MetadataRetentionDays = []int{30, 90, 180, 365, 730}
)

// ChatChannels are example chat channels; the API takes any string.
var ChatChannels = []string{"whatsapp", "web", "sms", "email"}

// Providers returns the keys of a provider-to-models map, sorted, for use
// as an enum.
func Providers(models map[string][]string) []string {
	out := make([]string, 0, len(models))
	for p := range models {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}

// AllModels returns every model of a provider-to-models map, sorted and
// without repeats, for use as an enum.
func AllModels(models map[string][]string) []string {
	var out []string
	for _, ms := range models {
		out = append(out, ms...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Default returns the default (first) model of provider, or "".
func Default(models map[string][]string, provider string) string {
	if ms := models[provider]; len(ms) > 0 {
		return ms[0]
	}
	return ""
}

// OrchestrationEuroPerMinute is the platform fee charged for every call
// minute on top of model usage (one credit).
const OrchestrationEuroPerMinute = 0.07
