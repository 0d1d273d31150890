package sandbox

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// Validation of assistant fields and config blocks against the catalog
// (reference section 8.4). Checks normalise as they go: a missing model
// becomes the provider's default, "11labs" becomes "elevenlabs".

// assistantFields are the fields an assistant stores; others are ignored.
var assistantFields = []string{
	"name", "business_name", "first_message", "is_active", "max_duration_seconds",
	"autonomous_silence_handling", "silence_timeout_seconds", "voicemail_detection", "voicemail_message",
	"gdpr_mode", "notification_email", "notification_emails", "recording_consent", "webhook_url",
	"webhook_secret", "webhook_events", "analysis_plan", "stt_config", "llm_config", "tts_config", "speech_config",
}

// assistantDefaults are the values of fields a create leaves out.
func assistantDefaults() map[string]any {
	return map[string]any{
		"business_name": nil, "first_message": nil, "is_active": true, "max_duration_seconds": nil,
		"autonomous_silence_handling": false, "silence_timeout_seconds": 8, "voicemail_detection": false,
		"voicemail_message": nil, "gdpr_mode": false, "notification_email": nil, "notification_emails": nil,
		"recording_consent": nil, "webhook_url": nil, "webhook_secret": nil, "webhook_events": nil,
		"analysis_plan": nil, "speech_config": nil,
		"llm_config": map[string]any{"provider": "openai", "model": catalog.Default(catalog.LLMModels, "openai"),
			"temperature": 0.7, "messages": []any{}, "tools": []any{}},
	}
}

// pipelineDefaults are the STT and TTS blocks a text-LLM assistant gets
// when a create leaves them out.
func pipelineDefaults() (stt, tts map[string]any) {
	return map[string]any{"provider": "deepgram", "model": catalog.Default(catalog.STTModels, "deepgram"), "language": "multi"},
		map[string]any{"provider": "elevenlabs", "model": catalog.Default(catalog.TTSModels, "elevenlabs"),
			"voice_id": "21m00Tcm4TlvDq8ikWAM"}
}

// readAssistant validates the assistant fields of o and returns the known
// ones. On create the name is required.
func (org *Organization) readAssistant(o *obj, create bool) map[string]any {
	if create || o.has("name") {
		o.str("name", true)
	}
	for _, k := range []string{"business_name", "first_message", "voicemail_message", "notification_email", "webhook_url", "webhook_secret"} {
		o.str(k, false)
	}
	for _, k := range []string{"is_active", "autonomous_silence_handling", "voicemail_detection", "gdpr_mode"} {
		o.boolean(k)
	}
	o.integer("max_duration_seconds", false, 10, 86400)
	o.integer("silence_timeout_seconds", false, 1, 600)
	for i, e := range o.strings("webhook_events", false) {
		if !slices.Contains(catalog.WebhookEvents, e) {
			o.invalid(fmt.Sprintf("webhook_events[%d]", i), "must be one of %v, got %q", catalog.WebhookEvents, e)
		}
	}
	emails := o.strings("notification_emails", false)
	if len(emails) > 5 {
		o.invalid("notification_emails", "may list at most 5 addresses, got %d", len(emails))
	}
	for i, e := range emails {
		if !strings.Contains(e, "@") {
			o.invalid(fmt.Sprintf("notification_emails[%d]", i), "must be an e-mail address, got %q", e)
		}
	}
	if rc := o.object("recording_consent", false); rc != nil {
		rc.boolean("enabled")
		rc.str("message", false)
	}
	if plan := o.object("analysis_plan", false); plan != nil {
		if sd := plan.object("structured_data_plan", false); sd != nil {
			sd.boolean("enabled")
			sd.object("schema", false)
		}
		plan.integer("min_messages_threshold", false, 0, 1000)
	}
	o.object("speech_config", false)
	if stt := o.object("stt_config", false); stt != nil {
		checkSTT(stt)
	}
	if llm := o.object("llm_config", false); llm != nil {
		org.checkLLM(llm)
	}
	if tts := o.object("tts_config", false); tts != nil {
		checkTTS(tts)
	}
	return pick(o, assistantFields...)
}

// completeAssistant fills the defaults of a new assistant: what the body
// left out, and STT and TTS blocks for a text LLM unless given (null
// included).
func completeAssistant(fields map[string]any) map[string]any {
	out := assistantDefaults()
	for k, v := range fields {
		out[k] = v
	}
	stt, tts := pipelineDefaults()
	realtime := catalog.IsRealtime(llmProvider(out))
	for key, def := range map[string]map[string]any{"stt_config": stt, "tts_config": tts} {
		if _, given := fields[key]; !given {
			out[key] = def
			if realtime {
				out[key] = nil
			}
		}
	}
	return out
}

// checkRealtime enforces that a realtime LLM has no TTS block.
func checkRealtime(fields map[string]any, prefix string) *failure {
	p := llmProvider(fields)
	if catalog.IsRealtime(p) && fields["tts_config"] != nil {
		return badRequest(prefix+"tts_config", "%stts_config must be null for the realtime provider %s, which speaks by itself", prefix, p)
	}
	return nil
}

func llmProvider(fields map[string]any) string {
	llm, _ := fields["llm_config"].(map[string]any)
	p, _ := llm["provider"].(string)
	return p
}

// model checks the model of a config block against its provider's list,
// filling the default when absent.
func model(o *obj, models map[string][]string, provider string) {
	if !o.set("model") {
		if def := catalog.Default(models, provider); def != "" {
			o.m["model"] = def
		}
		return
	}
	o.enum("model", false, models[provider])
}

func checkSTT(o *obj) {
	p := o.enum("provider", true, catalog.Providers(catalog.STTModels))
	if p == "" {
		return
	}
	model(o, catalog.STTModels, p)
	if !o.set("language") {
		o.m["language"] = "multi"
	}
	o.enum("language", false, catalog.Languages)
	o.strings("keyterms", false)
}

func (org *Organization) checkLLM(o *obj) {
	p := o.enum("provider", true, catalog.Providers(catalog.LLMModels))
	if p == "" {
		return
	}
	model(o, catalog.LLMModels, p)
	if !o.set("temperature") {
		o.m["temperature"] = 0.7
	}
	o.number("temperature", false, 0, 2)
	o.integer("max_completion_tokens", false, 1, 32768)
	if voices := realtimeVoices[p]; voices != nil {
		o.enum("voice", false, voices)
	}
	if !o.set("messages") {
		o.m["messages"] = []any{}
	}
	for i, m := range o.list("messages", false) {
		if msg := o.item("messages", i, m); msg != nil {
			msg.enum("role", true, []string{"system", "user", "assistant"})
			msg.str("content", false)
		}
	}
	if !o.set("tools") {
		o.m["tools"] = []any{}
	}
	for i, t := range o.list("tools", false) {
		if tool := o.item("tools", i, t); tool != nil {
			org.checkTool(tool)
		}
	}
}

// realtimeVoices are the voice enums of the realtime LLM providers.
var realtimeVoices = map[string][]string{
	"google_realtime": catalog.GeminiVoices, "xai_realtime": catalog.XAIVoices, "openai_live": catalog.OpenAILiveVoices,
}

var toolName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`)

// checkTool checks one entry of llm_config.tools in any of its five
// formats; an MCP tool must name one of the organization's MCP servers.
func (org *Organization) checkTool(o *obj) {
	switch t := o.str("type", false); t {
	case "mcp":
		id := o.str("mcp_server_id", true)
		if _, found := org.mcpServers.get(id); id != "" && !found {
			o.invalid("mcp_server_id", "names no MCP server of this organization: %q", id)
		}
		if names := o.strings("allowed_tools", false); len(names) > 25 {
			o.invalid("allowed_tools", "may list at most 25 tools")
		}
		o.boolean("required")
	case "end_call", "endCall":
	case "transfer_call", "transferCall":
		checkDestinations(o)
	case "function":
		if fn := o.object("function", true); fn != nil {
			fn.pattern("name", true, toolName, "a tool name (letter or _ first, then letters, digits, _ or -, at most 64)")
		}
	case "":
		o.pattern("name", true, toolName, "a tool name (letter or _ first, then letters, digits, _ or -, at most 64)")
		o.boolean("async")
	default:
		o.invalid("type", "must be one of function, end_call, transfer_call, mcp, got %q", t)
	}
}

// checkDestinations checks the destinations of a transfer tool.
func checkDestinations(o *obj) {
	list := o.list("destinations", true)
	if o.set("destinations") && len(list) == 0 {
		o.invalid("destinations", "must list at least one destination")
	}
	for i, d := range list {
		if dest := o.item("destinations", i, d); dest != nil {
			dest.enum("type", true, []string{"number"})
			dest.pattern("number", true, e164, e164Text)
			dest.str("description", true)
			dest.str("message", false)
		}
	}
}

func checkTTS(o *obj) {
	if p, _ := o.m["provider"].(string); catalog.TTSProviderAliases[p] != "" {
		o.m["provider"] = catalog.TTSProviderAliases[p]
	}
	p := o.enum("provider", true, catalog.Providers(catalog.TTSModels))
	if p == "" {
		return
	}
	if len(catalog.TTSModels[p]) > 0 {
		model(o, catalog.TTSModels, p)
	}
	switch p {
	case "google":
		o.enum("voice_id", true, catalog.GeminiVoices)
	case "xai":
		o.enum("voice_id", true, catalog.XAIVoices)
	case "voicedock":
		o.enum("voice_id", true, []string{"voicedock"})
	default:
		o.str("voice_id", true)
	}
	o.number("speed", false, 0.5, 2)
	for _, k := range []string{"stability", "similarity_boost", "style"} {
		o.number(k, false, 0, 1)
	}
}
