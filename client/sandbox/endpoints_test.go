package sandbox

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestEndpoints checks one request per case against a fresh sandbox: the
// status, and JSON the body must contain.
func TestEndpoints(t *testing.T) {
	const (
		otherAssistant = "0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a"
		unknown        = "00000000-0000-4000-8000-000000000000"
	)
	tests := []struct {
		name         string
		key          string // DemoKey when ""
		method, path string
		body         string
		status       int
		want         string
	}{
		// Organizations and usage.
		{name: "org counters", method: "GET", path: "/organizations", status: 200,
			want: `{"active_numbers":3,"active_agents":3,"active_calls":1,"parent_org_id":null}`},
		{name: "org create", method: "POST", path: "/organizations", body: `{"name":"Kieferpraxis Öztürk"}`, status: 201,
			want: `{"name":"Kieferpraxis Öztürk","parent_org_id":null}`},
		{name: "org create child", method: "POST", path: "/organizations",
			body: `{"name":"Client A","parent_org_id":"7c0e6f1e-3b9a-4c47-9a51-2f1d8e4b6a10"}`, status: 201,
			want: `{"parent_org_id":"7c0e6f1e-3b9a-4c47-9a51-2f1d8e4b6a10"}`},
		{name: "org create foreign parent", method: "POST", path: "/organizations",
			body: `{"name":"X","parent_org_id":"e8d7c6b5-a4f3-4e2d-9c1b-0a9f8e7d6c5b"}`, status: 403, want: `{"param":"parent_org_id"}`},
		{name: "org create no name", method: "POST", path: "/organizations", body: `{}`, status: 400,
			want: `{"code":"missing_field","param":"name"}`},
		{name: "retention", method: "PATCH", path: "/organizations",
			body: `{"content_retention_days":90,"metadata_retention_days":365}`, status: 200,
			want: `{"content_retention_days":90,"metadata_retention_days":365}`},
		{name: "retention content above metadata", method: "PATCH", path: "/organizations",
			body: `{"content_retention_days":365,"metadata_retention_days":180}`, status: 400, want: `{"param":"content_retention_days"}`},
		{name: "retention value", method: "PATCH", path: "/organizations",
			body: `{"content_retention_days":31,"metadata_retention_days":365}`, status: 400, want: `{"param":"content_retention_days"}`},
		{name: "retention missing", method: "PATCH", path: "/organizations", body: `{"content_retention_days":30}`,
			status: 400, want: `{"code":"missing_field","param":"metadata_retention_days"}`},
		{name: "usage", method: "GET", path: "/usage?limit=5&offset=2", status: 200,
			want: `{"pagination":{"total":34,"limit":5,"offset":2},"summary":{"total_calls":34}}`},
		{name: "usage dates", method: "GET", path: "/usage?start_date=2026-11-30&end_date=2026-12-02", status: 200,
			want: `{"pagination":{"total":1}}`},
		{name: "usage bad date", method: "GET", path: "/usage?start_date=yesterday", status: 400, want: `{"param":"start_date"}`},
		{name: "usage limit above max", method: "GET", path: "/usage?limit=1001", status: 400, want: `{"param":"limit"}`},
		{name: "malformed JSON", method: "POST", path: "/assistants", body: `{"name":`, status: 400,
			want: `{"code":"invalid_request"}`},

		// Assistants and the /agents alias.
		{name: "assistant get", method: "GET", path: "/assistants/" + FrontDeskAssistantID, status: 200,
			want: `{"assistant":{"name":"Front desk","llm_config":{"provider":"openai"}}}`},
		{name: "agent get", method: "GET", path: "/agents/" + CallbackAssistantID, status: 200,
			want: `{"assistant":{"name":"Rückruf-Assistent Zoë"}}`},
		{name: "assistant unknown", method: "GET", path: "/assistants/" + unknown, status: 404,
			want: `{"error":"Not found","message":"Assistant not found"}`},
		{name: "assistant other org", method: "GET", path: "/assistants/" + otherAssistant, status: 404},
		{name: "assistant other org own key", key: OtherKey, method: "GET", path: "/assistants/" + otherAssistant, status: 200},
		{name: "assistant create defaults", method: "POST", path: "/agents", body: `{"name":"Nieuw","unknown_field":1}`,
			status: 201, want: `{"assistant":{"name":"Nieuw","is_active":true,"llm_config":{"provider":"openai","model":"gpt-5.4","temperature":0.7},
			"stt_config":{"provider":"deepgram"},"tts_config":{"provider":"elevenlabs"}}}`},
		{name: "assistant create realtime", method: "POST", path: "/assistants",
			body: `{"name":"RT","llm_config":{"provider":"google_realtime","voice":"Kore"}}`, status: 201,
			want: `{"assistant":{"tts_config":null,"llm_config":{"model":"gemini-live-2.5-flash-native-audio"}}}`},
		{name: "assistant 11labs alias", method: "POST", path: "/assistants",
			body: `{"name":"T","tts_config":{"provider":"11labs","voice_id":"abc"}}`, status: 201,
			want: `{"assistant":{"tts_config":{"provider":"elevenlabs","model":"eleven_flash_v2_5"}}}`},
		{name: "pipeline with null tts", method: "POST", path: "/assistants", body: `{"name":"T","tts_config":null}`,
			status: 201, want: `{"assistant":{"tts_config":null}}`},
		{name: "assistant no name", method: "POST", path: "/assistants", body: `{"first_message":"Hi"}`, status: 400,
			want: `{"code":"missing_field","param":"name"}`},
		{name: "assistant bad model", method: "POST", path: "/assistants",
			body: `{"name":"T","llm_config":{"provider":"openai","model":"grok-4.3"}}`, status: 400, want: `{"param":"llm_config.model"}`},
		{name: "assistant bad provider", method: "POST", path: "/assistants",
			body: `{"name":"T","stt_config":{"provider":"whisper"}}`, status: 400, want: `{"param":"stt_config.provider"}`},
		{name: "assistant bad language", method: "POST", path: "/assistants",
			body: `{"name":"T","stt_config":{"provider":"deepgram","language":"xx"}}`, status: 400, want: `{"param":"stt_config.language"}`},
		{name: "assistant bad temperature", method: "POST", path: "/assistants",
			body: `{"name":"T","llm_config":{"provider":"openai","temperature":2.5}}`, status: 400, want: `{"param":"llm_config.temperature"}`},
		{name: "assistant bad gemini voice", method: "POST", path: "/assistants",
			body: `{"name":"T","tts_config":{"provider":"google","voice_id":"Bob"}}`, status: 400, want: `{"param":"tts_config.voice_id"}`},
		{name: "assistant bad xai voice", method: "POST", path: "/assistants",
			body: `{"name":"T","llm_config":{"provider":"xai_realtime","voice":"bob"}}`, status: 400, want: `{"param":"llm_config.voice"}`},
		{name: "assistant realtime with tts", method: "POST", path: "/assistants",
			body:   `{"name":"T","llm_config":{"provider":"xai_realtime"},"tts_config":{"provider":"elevenlabs","voice_id":"x"}}`,
			status: 400, want: `{"param":"tts_config"}`},
		{name: "assistant webhook event", method: "POST", path: "/assistants",
			body: `{"name":"T","webhook_events":["status-update","call-started"]}`, status: 400, want: `{"param":"webhook_events[1]"}`},
		{name: "assistant six emails", method: "POST", path: "/assistants",
			body:   `{"name":"T","notification_emails":["a@x.org","b@x.org","c@x.org","d@x.org","e@x.org","f@x.org"]}`,
			status: 400, want: `{"param":"notification_emails"}`},
		{name: "assistant unknown mcp server", method: "POST", path: "/assistants",
			body:   `{"name":"T","llm_config":{"provider":"openai","tools":[{"type":"mcp","mcp_server_id":"` + unknown + `"}]}}`,
			status: 400, want: `{"param":"llm_config.tools[0].mcp_server_id"}`},
		{name: "assistant patch", method: "PATCH", path: "/assistants/" + FrontDeskAssistantID, body: `{"first_message":"Hoi!"}`,
			status: 200, want: `{"assistant":{"first_message":"Hoi!","name":"Front desk","stt_config":{"language":"nl"}}}`},
		{name: "assistant patch block replaces", method: "PATCH", path: "/assistants/" + FrontDeskAssistantID,
			body: `{"stt_config":{"provider":"mistral"}}`, status: 200,
			want: `{"assistant":{"stt_config":{"provider":"mistral","model":"voxtral-mini-latest","language":"multi"}}}`},
		{name: "assistant patch realtime keeps tts", method: "PATCH", path: "/assistants/" + FrontDeskAssistantID,
			body: `{"llm_config":{"provider":"openai_live"}}`, status: 400, want: `{"param":"tts_config"}`},
		{name: "assistant patch realtime drops tts", method: "PATCH", path: "/assistants/" + FrontDeskAssistantID,
			body: `{"llm_config":{"provider":"openai_live"},"tts_config":null}`, status: 200,
			want: `{"assistant":{"llm_config":{"model":"gpt-live-1"},"tts_config":null}}`},
		{name: "assistant patch unknown", method: "PATCH", path: "/agents/" + unknown, body: `{}`, status: 404},
		{name: "assistant delete", method: "DELETE", path: "/assistants/" + InactiveAssistantID, status: 200, want: `{"success":true}`},
		{name: "assistant delete other org", method: "DELETE", path: "/agents/" + otherAssistant, status: 404},

		// Numbers.
		{name: "number create aliases", method: "POST", path: "/numbers",
			body:   `{"number":"+31201234567","assistant_id":"` + RealtimeAssistantID + `","transfer_trunk_id":"` + TrunkID + `"}`,
			status: 201, want: `{"number":{"phone_number":"+31201234567","agent_id":"` + RealtimeAssistantID + `",
			"assistant_id":"` + RealtimeAssistantID + `","agent_name":"Nachtdienst Grok","transfer_trunk_name":"Office PBX"}}`},
		{name: "number duplicate", method: "POST", path: "/numbers", body: `{"phone_number":"+31850001234"}`, status: 409},
		{name: "number duplicate across orgs", method: "POST", path: "/numbers", body: `{"phone_number":"+46812345678"}`, status: 409},
		{name: "number not E.164", method: "POST", path: "/numbers", body: `{"phone_number":"0201234567"}`, status: 400,
			want: `{"param":"phone_number"}`},
		{name: "number missing", method: "POST", path: "/numbers", body: `{"name":"x"}`, status: 400,
			want: `{"code":"missing_field","param":"phone_number"}`},
		{name: "number unknown assistant", method: "POST", path: "/numbers",
			body: `{"phone_number":"+31201234567","agent_id":"` + otherAssistant + `"}`, status: 404, want: `{"message":"Assistant not found"}`},
		{name: "number unknown workflow", method: "PATCH", path: "/numbers/" + SpareNumberID,
			body: `{"workflow_id":"` + unknown + `"}`, status: 404, want: `{"message":"Workflow not found"}`},
		{name: "number detach", method: "PATCH", path: "/numbers/" + GermanNumberID, body: `{"agent_id":null,"workflow_id":null}`,
			status: 200, want: `{"number":{"agent_id":null,"assistant_id":null,"workflow_id":null,"agent_name":null}}`},
		{name: "number delete", method: "DELETE", path: "/numbers/" + SpareNumberID, status: 200, want: `{"success":true}`},
		{name: "number unknown", method: "GET", path: "/numbers/" + unknown, status: 404, want: `{"message":"Phone number not found"}`},

		// SIP trunks.
		{name: "trunk create", method: "POST", path: "/sip-trunks",
			body:   `{"name":"Carrier","provider":"voys","address":"sip.voys.example","auth_username":"u","auth_password":"secret"}`,
			status: 201, want: `{"trunk":{"name":"Carrier","address":"sip.voys.example","transport":"udp","auth_username":"u","is_active":true}}`},
		{name: "trunk guide aliases", method: "POST", path: "/sip-trunks",
			body:   `{"name":"PBX","provider":"generic","host":"pbx.example","port":5061,"username":"me","password":"pw"}`,
			status: 201, want: `{"trunk":{"address":"pbx.example","auth_username":"me"}}`},
		{name: "trunk transport", method: "POST", path: "/sip-trunks",
			body: `{"name":"PBX","provider":"generic","address":"pbx.example","transport":"sctp"}`, status: 400, want: `{"param":"transport"}`},
		{name: "trunk missing address", method: "POST", path: "/sip-trunks", body: `{"name":"PBX","provider":"generic"}`,
			status: 400, want: `{"code":"missing_field","param":"address"}`},
		{name: "trunk no patch", method: "PATCH", path: "/sip-trunks/" + TrunkID, body: `{}`, status: 404},
		{name: "trunk delete", method: "DELETE", path: "/sip-trunks/" + TrunkID, status: 200},

		// Voices and BYOK.
		{name: "voices", method: "GET", path: "/voices", status: 200},
		{name: "byok add", method: "POST", path: "/byok", body: `{"provider":"openai","api_key":"sk-sandbox"}`, status: 200,
			want: `{"success":true}`},
		{name: "byok bad provider", method: "POST", path: "/byok", body: `{"provider":"aws","api_key":"x"}`, status: 400,
			want: `{"param":"provider"}`},
		{name: "byok delete", method: "DELETE", path: "/byok", body: `{"provider":"deepgram"}`, status: 200,
			want: `{"byok_keys":{"deepgram_secret_id":null}}`},
		{name: "byok delete absent", method: "DELETE", path: "/byok", body: `{"provider":"xai"}`, status: 404},
		{name: "byok config", method: "POST", path: "/byok/config", body: `{"provider":"deepgram","config":{"tier":"enhanced"}}`,
			status: 200, want: `{"byok_config":{"deepgram":{"tier":"enhanced"}}}`},
		{name: "byok config without key", method: "POST", path: "/byok/config", body: `{"provider":"openai","config":{}}`,
			status: 400, want: `{"param":"provider"}`},

		// Templates.
		{name: "tool template camelCase", method: "POST", path: "/tool-templates",
			body: `{"name":"Bye","tool_type":"endCall","tool_config":{}}`, status: 201,
			want: `{"tool_template":{"tool_type":"end_call","description":null}}`},
		{name: "tool template transfer needs destinations", method: "POST", path: "/tool-templates",
			body:   `{"name":"T","tool_type":"transferCall","tool_config":{"destinations":[{"type":"number","number":"123","description":"x"}]}}`,
			status: 400, want: `{"param":"tool_config.destinations[0].number"}`},
		{name: "tool template bad function name", method: "POST", path: "/tool-templates",
			body: `{"name":"T","tool_type":"function","tool_config":{"name":"9 lives"}}`, status: 400, want: `{"param":"tool_config.name"}`},
		{name: "tool template type", method: "POST", path: "/tool-templates",
			body: `{"name":"T","tool_type":"webhook","tool_config":{}}`, status: 400, want: `{"param":"tool_type"}`},
		{name: "tool template patch", method: "PATCH", path: "/tool-templates/3f2a9e10-5b6c-4d7e-8f90-112233445566",
			body: `{"name":"Lookup"}`, status: 200, want: `{"tool_template":{"name":"Lookup","tool_type":"function"}}`},
		{name: "tool template unknown", method: "DELETE", path: "/tool-templates/" + unknown, status: 404,
			want: `{"message":"Tool template not found"}`},
		{name: "analysis template create", method: "POST", path: "/analysis-templates",
			body: `{"name":"NPS","system_prompt":"s","user_prompt":"{transcript}","schema":{"type":"object"}}`, status: 201,
			want: `{"analysis_template":{"name":"NPS","description":null}}`},
		{name: "analysis template missing schema", method: "POST", path: "/analysis-templates",
			body: `{"name":"NPS","system_prompt":"s","user_prompt":"u"}`, status: 400, want: `{"code":"missing_field","param":"schema"}`},
		{name: "analysis template limit", method: "GET", path: "/analysis-templates?limit=0", status: 400, want: `{"param":"limit"}`},
		{name: "analysis template get", method: "GET", path: "/analysis-templates/550e8400-e29b-41d4-a716-446655440000",
			status: 200, want: `{"analysis_template":{"name":"Satisfaction"}}`},

		// Domains.
		{name: "domain create", method: "POST", path: "/domains", body: `{"domain_name":"mail.acme-dental.example"}`, status: 201,
			want: `{"domain":{"domain_name":"mail.acme-dental.example","status":"pending","verified_at":null}}`},
		{name: "domain bad name", method: "POST", path: "/domains", body: `{"domain_name":"not a domain"}`, status: 400,
			want: `{"param":"domain_name"}`},
		{name: "domain delete none", method: "DELETE", path: "/domains", status: 404},
		{name: "domain verify none", method: "POST", path: "/domains/verify", status: 404},
		{name: "domain sync needs resend", method: "GET", path: "/domains/sync", status: 400},

		// MCP servers.
		{name: "mcp create", method: "POST", path: "/mcp-servers",
			body: `{"name":"Calendar","url":"https://Cal.Example/mcp/","headers":{"X-Api-Key":"k","Authorization":"b"}}`, status: 201,
			want: `{"mcp_server":{"url":"https://cal.example/mcp","transport":"streamable_http","timeout_seconds":20}}`},
		{name: "mcp http", method: "POST", path: "/mcp-servers", body: `{"name":"C","url":"http://cal.example"}`, status: 400,
			want: `{"param":"url"}`},
		{name: "mcp timeout", method: "POST", path: "/mcp-servers", body: `{"name":"C","url":"https://cal.example","timeout_seconds":61}`,
			status: 400, want: `{"param":"timeout_seconds"}`},
		{name: "mcp duplicate name", method: "POST", path: "/mcp-servers", body: `{"name":"CRM tools","url":"https://x.example"}`,
			status: 409},
		{name: "mcp delete in use", method: "DELETE", path: "/mcp-servers/" + MCPServerID, status: 409},
		{name: "mcp patch host needs headers", method: "PATCH", path: "/mcp-servers/" + MCPServerID,
			body: `{"url":"https://other.example/mcp"}`, status: 400, want: `{"param":"headers"}`},
		{name: "mcp patch", method: "PATCH", path: "/mcp-servers/" + MCPServerID, body: `{"timeout_seconds":30,"headers":{}}`,
			status: 200, want: `{"mcp_server":{"timeout_seconds":30}}`},
		{name: "mcp test", method: "POST", path: "/mcp-servers/" + MCPServerID + "/test", body: `{"headers":{"X-Trace":"1"}}`,
			status: 200, want: `{"ok":true,"duration_ms":412}`},
		{name: "mcp test unknown", method: "POST", path: "/mcp-servers/" + unknown + "/test", status: 404},

		// Workflows.
		{name: "workflow delete in use", method: "DELETE", path: "/workflows/" + WorkflowID, status: 409},
		{name: "workflow create", method: "POST", path: "/workflows", body: `{"name":"Mini","definition":{"version":1,
			"entry_node":"hi","nodes":[{"id":"hi","type":"conversation","instructions":"Greet"},{"id":"bye","type":"end"}],
			"edges":[{"from":"hi","to":"bye","description":"done"}]}}`, status: 201, want: `{"workflow":{"name":"Mini","is_active":true}}`},
		{name: "workflow missing definition", method: "POST", path: "/workflows", body: `{"name":"Mini"}`, status: 400,
			want: `{"code":"missing_field","param":"definition"}`},
		{name: "workflow realtime node", method: "POST", path: "/workflows", body: `{"name":"RT","definition":{"version":1,
			"entry_node":"hi","nodes":[{"id":"hi","type":"conversation","instructions":"Greet","llm_config":{"provider":"xai_realtime"}}],
			"edges":[]}}`, status: 400, want: `{"code":"realtime_provider_not_allowed_per_node"}`},
		{name: "workflow unknown", method: "PATCH", path: "/workflows/" + unknown, body: `{}`, status: 404},

		// Chats.
		{name: "chats need contact", method: "GET", path: "/chats", status: 400, want: `{"code":"missing_field","param":"contact_id"}`},
		{name: "chats limit", method: "GET", path: "/chats?contact_id=x&limit=501", status: 400, want: `{"param":"limit"}`},
		{name: "chats page", method: "GET", path: "/chats?contact_id=%2B31612345678&limit=2", status: 200,
			want: `{"pagination":{"total":3,"limit":2,"offset":0}}`},
		{name: "chat create", method: "POST", path: "/chats",
			body: `{"contact_id":"s-1","channel":"web","role":"user","content":"Hallo 👋"}`, status: 201, want: `{"content":"Hallo 👋"}`},
		{name: "chat bad role", method: "POST", path: "/chats",
			body: `{"contact_id":"s-1","channel":"web","role":"bot","content":"x"}`, status: 400, want: `{"param":"role"}`},
		{name: "chat delete", method: "DELETE", path: "/chats/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", status: 200},
		{name: "chat delete unknown", method: "DELETE", path: "/chats/" + unknown, status: 404},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			key := tc.key
			if key == "" {
				key = DemoKey
			}

			r := a.as(key, tc.method, tc.path, tc.body)

			assert.Equal(t, tc.status, r.status, r.raw)
			if tc.want != "" {
				assertSubset(t, tc.want, r.body)
			}
			for _, secret := range []string{`"secret"`, `"pw"`, "sk-sandbox"} {
				assert.NotContains(t, r.raw, secret, "write-only values never come back")
			}
		})
	}
}
