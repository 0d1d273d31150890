package tools

import (
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

func TestNullClearsAField(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "move a pipeline assistant to a realtime LLM", steps: []toolStep{
			{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
				"llm_config": map[string]any{"provider": "xai_realtime", "model": "grok-voice-think-fast-2.0",
					"voice": "ara"}, "tts_config": nil, "max_duration_seconds": nil},
				want: []string{"xai_realtime"}},
			{tool: "get_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID},
				want: []string{"grok-voice-think-fast-2.0"}, wantNot: []string{"elevenlabs", "max_duration_seconds"}},
			{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID},
				wantError: true, want: []string{"nothing to change"}},
		}},
	})
}

func TestAListTheAPIDoesNotPageIsPagedByTheTool(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	var items []string
	for i := range 30 {
		items = append(items, fmt.Sprintf(`{"id":"call-%02d","status":"ended"}`, i))
	}
	sb.InjectFault(sandbox.Fault{Path: "/calls", Body: `{"calls":[` + strings.Join(items, ",") + `]}`})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "list_calls")

	res := callTool(t, tool, map[string]any{"limit": float64(20), "offset": float64(20)})
	require.False(t, res.IsError, resultText(t, res))
	page := structured(t, resultText(t, res))
	assert.EqualValues(t, 10, page["count"], "the last ten of thirty")
	assert.EqualValues(t, 30, page["total"])
	assert.Equal(t, false, page["has_more"], "paging ends")
	assert.Contains(t, resultText(t, res), "call-29")
	assert.NotContains(t, resultText(t, res), "call-19")
}

func TestAServerErrorAfterAPostIsNeverRetriedOrCalledSafe(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Method: http.MethodPost, Path: "/calls/outbound", Status: http.StatusBadGateway,
		Body: "<html>Bad Gateway</html>"})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	res := callTool(t, findTool(t, c, "place_outbound_call"), map[string]any{"destination": "+31612345678",
		"assistant_id": sandbox.FrontDeskAssistantID})
	assert.True(t, res.IsError)
	text := resultText(t, res)
	assert.Contains(t, text, "may have been placed")
	assert.Contains(t, text, "list_calls")
	assert.NotContains(t, text, "Try again in a minute")
	assert.Equal(t, 1, sb.CountRequests(http.MethodPost, "/calls/outbound"))
}

func TestDotIDsAreRefusedBeforeSending(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	for _, id := range []string{".", ".."} {
		res := callTool(t, findTool(t, c, "delete_campaign_lead"), map[string]any{
			"campaign_id": sandbox.CampaignID, "lead_id": id})
		assert.True(t, res.IsError)
		assert.Contains(t, resultText(t, res), "lead_id: \""+id+"\" cannot be an ID")
	}
	assert.Empty(t, sb.Requests(), "nothing was sent")
}

func TestHealthNeedsNoKey(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, "", func(o *client.Options) { o.KeyProblem = "HMS_SOVEREIGN_API_KEY is not set" })
	res := callTool(t, findTool(t, c, "check_api_health"), map[string]any{})
	require.False(t, res.IsError, resultText(t, res))
	assert.Contains(t, resultText(t, res), `"status":"ok"`)
	assert.Empty(t, sb.Requests()[0].Auth, "no Authorization header")
}

func TestAnAPIRateLimitOnACallCommandNamesTheCallLimit(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Method: http.MethodPost, Status: http.StatusTooManyRequests,
		Header: http.Header{"Retry-After": {"30"}, "X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Remaining": {"90"}},
		Body:   `{"error":"Too many commands"}`})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	res := callTool(t, findTool(t, c, "control_call"), map[string]any{"call_id": sandbox.LiveCallID,
		"type": "say", "content": "Hallo"})
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "this call has had 10 commands in the last minute")
}

func TestControlCallRefusesWhatItWouldDrop(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "fields per type", steps: []toolStep{
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "end-call",
				"content": "Bye"}, wantError: true, want: []string{"the end-call command does not take content"}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "say",
				"content": "  "}, wantError: true, want: []string{"the say command needs content"}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer",
				"destination": "reception"}, wantError: true,
				want: []string{`"reception" is neither an E.164 number`}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.ExampleCallID, "type": "say",
				"content": "Hallo", "end_after": false}, wantError: true,
				want: []string{"Commands work only while the call is in-progress"}},
			{tool: "control_call", args: map[string]any{"call_id": sandbox.LiveCallID, "type": "transfer",
				"destination": "sip:desk@pbx.example"}, want: []string{`"success":true`}},
		}},
	})
}

func TestDateArgumentsAreChecked(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "dates", steps: []toolStep{
			{tool: "list_calls", args: map[string]any{"start_date": "yesterday"}, wantError: true,
				want: []string{`start_date: "yesterday" is not an ISO 8601 date-time`}},
			{tool: "get_usage", args: map[string]any{"start_date": "2026-11-01", "end_date": "2026-12-01T00:00:00Z"},
				want: []string{"logs"}},
		}},
	})
}

func TestExplainANotFoundOnARetriedDelete(t *testing.T) {
	err := &client.APIError{Method: http.MethodDelete, Path: "/assistants/x", Status: http.StatusNotFound,
		Message: "Assistant not found", Attempts: 2}
	require.True(t, errors.Is(err, client.ErrNotFound))
	assert.Contains(t, Explain(err), "the first attempt failed (a server error or no answer) but probably deleted it")
}

func TestBYOKAnswersWithoutKeys(t *testing.T) {
	for _, tc := range []struct {
		name, tool, method string
		args               map[string]any
		status             int
		body               string
		want               string
	}{
		{name: "delete answered 204", tool: "delete_byok_key", method: http.MethodDelete,
			args: map[string]any{"provider": "deepgram"}, status: http.StatusNoContent,
			want: `"configured":{"deepgram":false}`},
		{name: "set answered success only", tool: "set_byok_key", method: http.MethodPost,
			args: map[string]any{"provider": "openai", "api_key": "sk-test-not-real"}, body: `{"success":true}`,
			want: `"configured":{"openai":true}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sb := sandbox.New(sandbox.Options{})
			sb.InjectFault(sandbox.Fault{Method: tc.method, Path: "/byok", Status: tc.status, Body: tc.body})
			c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
			tool := findTool(t, c, tc.tool)
			res := callTool(t, tool, tc.args)
			require.False(t, res.IsError, resultText(t, res))
			assertMatchesOutputSchema(t, tool.Tool, res)
			assert.Contains(t, resultText(t, res), tc.want)
		})
	}
}

func TestRealWorldRequestsAreNeverResent(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault sandbox.Fault
	}{
		{name: "429 with a short Retry-After", fault: sandbox.Fault{Status: http.StatusTooManyRequests,
			Header: http.Header{"Retry-After": {"1"}}, Body: `{"error":"Rate limit exceeded"}`}},
		{name: "503", fault: sandbox.Fault{Status: http.StatusServiceUnavailable}},
		{name: "dropped connection", fault: sandbox.Fault{Drop: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sb := sandbox.New(sandbox.Options{})
			tc.fault.Method, tc.fault.Path = http.MethodPost, "/calls/outbound"
			sb.InjectFault(tc.fault)
			c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
			res := callTool(t, findTool(t, c, "place_outbound_call"), map[string]any{
				"destination": "+31612345678", "assistant_id": sandbox.FrontDeskAssistantID})
			assert.True(t, res.IsError)
			// The sandbox logs a dropped request after closing its
			// connection, which the client may see first.
			require.Eventually(t, func() bool { return sb.CountRequests(http.MethodPost, "/calls/outbound") > 0 },
				2*time.Second, 10*time.Millisecond)
			assert.Equal(t, 1, sb.CountRequests(http.MethodPost, "/calls/outbound"), resultText(t, res))
		})
	}
}

func TestTypoInACallOverrideIsRefused(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "override and one-off assistant are closed", steps: []toolStep{
			{tool: "place_outbound_call", args: map[string]any{"destination": "+31612345678",
				"assistant_id": sandbox.FrontDeskAssistantID, "assistant_override": map[string]any{
					"first_mesage": "Hoi"}}, wantError: true,
				want: []string{"assistant_override: does not take first_mesage; it takes autonomous_silence_handling"}},
			{tool: "create_web_call", args: map[string]any{"assistant": map[string]any{"bogus": 1,
				"llm_config": map[string]any{"provider": "xai_realtime", "model": "grok-voice-think-fast-2.0"}}},
				wantError: true, want: []string{"assistant: does not take bogus"}},
			{tool: "get_call", args: map[string]any{"call_id": strings.Repeat("x", 300)}, wantError: true,
				want: []string{"call_id: is 300 characters long, too long to be an ID"}},
		}},
	})
}

func TestExplainNeverPanicsOnARateLimitWithoutAnswer(t *testing.T) {
	assert.NotPanics(t, func() {
		assert.Contains(t, Explain(&client.RateLimitError{Limit: 100}), "not sent")
	})
}

func TestRefusedCommandsDoNotUseTheCallsSlots(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	tool := findTool(t, c, "control_call")
	for i := range 12 {
		res := callTool(t, tool, map[string]any{"call_id": sandbox.ExampleCallID, "type": "say", "content": "x"})
		require.True(t, res.IsError)
		assert.Contains(t, resultText(t, res), "Call is not active", "command %d", i+1)
	}
	res := callTool(t, tool, map[string]any{"call_id": sandbox.LiveCallID, "type": "say", "content": "Hallo"})
	assert.False(t, res.IsError, resultText(t, res))
}

func TestABrokenSuccessAnswerToAWriteSaysItLikelyTookEffect(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	sb.InjectFault(sandbox.Fault{Method: http.MethodPost, Path: "/calls/outbound", Body: `{"call_id": `})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	res := callTool(t, findTool(t, c, "place_outbound_call"), map[string]any{"destination": "+31612345678",
		"assistant_id": sandbox.FrontDeskAssistantID})
	assert.True(t, res.IsError)
	assert.Contains(t, resultText(t, res), "most likely took effect")
	assert.Contains(t, resultText(t, res), "list_calls")
}

func TestSecretsAndHeadersThatCannotWork(t *testing.T) {
	runToolsetCases(t, []toolsetCase{
		{name: "provider keys", steps: []toolStep{
			{tool: "set_byok_key", args: map[string]any{"provider": "openai", "api_key": "sk-abc\n"},
				wantError: true, want: []string{"api_key has spaces or a line break around it"}, wantNot: []string{"sk-abc"}},
			{tool: "set_byok_key", args: map[string]any{"provider": "openai", "api_key": "sk-a\u0000b"},
				wantError: true, want: []string{"control character"}},
			{tool: "set_byok_key", args: map[string]any{"provider": "google_vertex",
				"api_key": `{"type": "service_account"}`}, want: []string{`"google_vertex":true`}},
		}},
		{name: "MCP server headers", steps: []toolStep{
			{tool: "create_mcp_server", args: map[string]any{"name": "h1", "url": "https://mcp.example.org/mcp",
				"headers": map[string]any{"X-A": "a\r\nInjected: 1"}}, wantError: true,
				want: []string{"line break or control character"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "h2", "url": "https://mcp.example.org/mcp",
				"headers": map[string]any{"X A": "1"}}, wantError: true, want: []string{`"X A" is not a header name`}},
			{tool: "create_mcp_server", args: map[string]any{"name": "h3", "url": "https://mcp.example.org/mcp",
				"headers": map[string]any{"Host": "evil.example"}}, wantError: true,
				want: []string{"Host is set by the platform itself"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "h4", "url": "https://mcp.example.org/mcp",
				"headers": map[string]any{"x-a": "1", "X-A": "2"}}, wantError: true, want: []string{"given twice"}},
			{tool: "create_mcp_server", args: map[string]any{"name": "h5", "url": "https://mcp.example.org/mcp",
				"headers": map[string]any{"Authorization": "Bearer t0k"}}, want: []string{"h5"}},
		}},
	})
}

func TestAPlaceholderIsNoKey(t *testing.T) {
	for _, key := range []string{"${OPENAI_API_KEY}", "$OPENAI_API_KEY"} {
		err := checkSecret("api_key", key)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "unexpanded placeholder")
		assert.NotContains(t, err.Error(), "OPENAI", "the value is never repeated")
	}
	assert.NoError(t, checkSecret("api_key", "sk-proj-Abc123"))
}

func TestADateRangeBackwardsIsRefused(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "backwards", steps: []toolStep{
		{tool: "get_usage", args: map[string]any{"start_date": "2026-12-01", "end_date": "2026-11-01T00:00:00Z"},
			wantError: true, want: []string{"start_date 2026-12-01T00:00:00Z is after end_date 2026-11-01T00:00:00Z"}},
		{tool: "update_campaign", args: map[string]any{"campaign_id": sandbox.CampaignID,
			"system_message_template": nil}, want: []string{sandbox.CampaignID}},
	}}})
}

func TestTheSecretMarkerIsNoSecret(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "copy field by field", steps: []toolStep{
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"webhook_secret": secretMarker}, wantError: true,
			want: []string{"marks a stored secret in results; it is not one"}},
		{tool: "create_assistant", args: map[string]any{"name": "Copy", "webhook_secret": secretMarker},
			wantError: true, want: []string{"Leave webhook_secret out"}},
	}}})
}

func TestADateAloneCoversTheWholeDay(t *testing.T) {
	got, err := decodeArgs([]param{str("start_date", "S.").moment(), str("end_date", "E.").momentUntil()},
		map[string]any{"start_date": "2026-11-01", "end_date": "2026-11-30"})
	require.NoError(t, err)
	assert.Equal(t, "2026-11-01T00:00:00Z", got["start_date"])
	assert.Equal(t, "2026-11-30T23:59:59.999Z", got["end_date"])
}

func TestAnEmptyStringClearsANullableObject(t *testing.T) {
	got, err := decodeArgs([]param{ttsConfig.orNull()}, map[string]any{"tts_config": ""})
	require.NoError(t, err)
	assert.Contains(t, got, "tts_config")
	assert.Nil(t, got["tts_config"])
}

func TestTextThatCannotBeMeant(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "blank, control characters, phone numbers for IDs", steps: []toolStep{
		{tool: "create_organization", args: map[string]any{"name": "   "}, wantError: true,
			want: []string{"name: must not be empty or blank"}},
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"name": "x\u0000y"}, wantError: true, want: []string{"name: holds a control character"}},
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"first_message": "Hallo!\nWie kann ich helfen?"}, want: []string{"Wie kann ich helfen?"}},
		{tool: "get_number", args: map[string]any{"number_id": "+31850001234"}, wantError: true,
			want: []string{"number_id: \"+31850001234\" is a phone number, not an ID"}},
		{tool: "delete_workflow", args: map[string]any{"workflow_id": sandbox.WorkflowID + "\u202e"},
			wantError: true, want: []string{"workflow_id:", "cannot be an ID"}},
	}}})
}

func TestURLsAddressesAndSchemasThatCannotWork(t *testing.T) {
	runToolsetCases(t, []toolsetCase{{name: "checked before sending", steps: []toolStep{
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"webhook_url": "javascript:alert(1)"}, wantError: true,
			want: []string{`webhook_url: "javascript:alert(1)" is not in an http(s) URL`}},
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"notification_email": "not-an-email"}, wantError: true, want: []string{"is not in an e-mail address"}},
		{tool: "create_sip_trunk", args: map[string]any{"name": "t", "provider": "generic",
			"address": "sip.example.org\r\nHost: evil"}, wantError: true, want: []string{"address:"}},
		{tool: "create_analysis_template", args: map[string]any{"name": "x", "system_prompt": "s",
			"user_prompt": "u {transcript}", "schema": map[string]any{"type": "array"}}, wantError: true,
			want: []string{"schema: must be a JSON Schema of type object"}},
		{tool: "update_assistant", args: map[string]any{"assistant_id": sandbox.FrontDeskAssistantID,
			"webhook_url": "https://hooks.example.org/voicedock"}, want: []string{"Front desk"}},
	}}})
}
