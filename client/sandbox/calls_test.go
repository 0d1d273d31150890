package sandbox

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOutboundLifecycle(t *testing.T) {
	a := newAPI(t)
	balance := num(a.do("GET", "/organizations", "").body, "minutes_balance")

	placed := a.do("POST", "/calls/outbound", `{"destination":"+31612345678","agent_id":"`+FrontDeskAssistantID+`"}`)
	require.Equal(t, 200, placed.status, placed.raw)
	assertSubset(t, `{"success":true,"status":"dialing"}`, placed.body)
	id := str(placed.body, "call_id")
	require.True(t, strings.HasPrefix(id, "call-outbound-"), id)
	assert.NotEmpty(t, str(placed.body, "room_name"))

	var statuses []string
	for _, step := range []time.Duration{0, 2 * time.Second, 2 * time.Second, 20 * time.Second, 20 * time.Second} {
		a.clock.advance(step)
		statuses = append(statuses, str(a.do("GET", "/calls/"+url.PathEscape(id), "").body, "status"))
	}
	ended := a.do("GET", "/calls/"+url.PathEscape(id), "").body

	assert.Equal(t, []string{"dialing", "ringing", "in-progress", "in-progress", "ended"}, statuses)
	assert.Equal(t, "user_hangup", ended["end_reason"])
	assert.InDelta(t, 40, num(ended, "duration_seconds"), 0)
	assert.NotEmpty(t, ended["ended_at"])
	assert.NotEmpty(t, ended["summary"])
	assert.Contains(t, ended["analysis_result"], "sentiment", "Front desk has an analysis plan")
	msgs := ended["messages"].([]any)
	assert.Len(t, msgs, 11, "one line every 4s from 0s to 40s")
	assert.Equal(t, "outbound", ended["direction"])
	assert.Equal(t, "+31612345678", ended["caller_phone"])
	assert.Equal(t, "+31850001234", ended["assistant_phone"], "the number with a trunk is the caller id")
	org := a.do("GET", "/organizations", "").body
	assert.InDelta(t, balance-40.0/60, num(org, "minutes_balance"), 0.01)
	usage := a.do("GET", "/usage?limit=1", "")
	assert.InDelta(t, 40, num(usage.list("logs")[0].(map[string]any), "duration_sec"), 0)
}

func TestTranscriptGrowsWhileInProgress(t *testing.T) {
	a := newAPI(t)
	path := "/calls/" + url.PathEscape(LiveCallID)

	first := a.do("GET", path, "").body
	a.clock.advance(9 * time.Second)
	later := a.do("GET", path, "").body

	assert.Equal(t, "in-progress", first["status"])
	assert.Len(t, first["messages"], 1)
	assert.Len(t, later["messages"], 3)
	assert.Equal(t, "in-progress", later["status"])
}

func TestMaxDurationEndsCall(t *testing.T) {
	a := newAPI(t)
	id := str(a.do("POST", "/calls/outbound", `{"destination":"+4915112345678","assistant_id":"`+FrontDeskAssistantID+`",
		"assistant_override":{"max_duration_seconds":15}}`).body, "call_id")
	a.clock.advance(time.Minute)

	call := a.do("GET", "/calls/"+id, "").body

	assert.Equal(t, "ended", call["status"])
	assert.Equal(t, "max_duration", call["end_reason"])
	assert.InDelta(t, 15, num(call, "duration_seconds"), 0)
}

func TestOutboundRequests(t *testing.T) {
	const unknown = "00000000-0000-4000-8000-000000000000"
	tests := []struct {
		name   string
		key    string
		body   string
		status int
		want   string
	}{
		{name: "transient realtime", body: `{"destination":"+31612345678","assistant":{"llm_config":{"provider":"xai_realtime"}}}`,
			status: 200, want: `{"success":true}`},
		{name: "transient alias agent", body: `{"destination":"+31612345678","agent":{"llm_config":{"provider":"openai"},
			"stt_config":{"provider":"deepgram"},"tts_config":{"provider":"xai","voice_id":"ara"}}}`, status: 200},
		{name: "hybrid alias agent_config", body: `{"destination":"+31612345678","agent_id":"` + FrontDeskAssistantID + `",
			"agent_config":{"first_message":"Hallo!"}}`, status: 200},
		{name: "with number", body: `{"destination":"+31612345678","assistant_id":"` + FrontDeskAssistantID + `","number_id":"` +
			SpareNumberID + `"}`, status: 200},
		{name: "no destination", body: `{"assistant_id":"` + FrontDeskAssistantID + `"}`, status: 400,
			want: `{"code":"missing_field","param":"destination"}`},
		{name: "destination not E.164", body: `{"destination":"06-12345678","assistant_id":"` + FrontDeskAssistantID + `"}`,
			status: 400, want: `{"param":"destination"}`},
		{name: "no assistant", body: `{"destination":"+31612345678"}`, status: 400, want: `{"code":"missing_field","param":"assistant_id"}`},
		{name: "both modes", body: `{"destination":"+31612345678","assistant_id":"` + FrontDeskAssistantID + `","assistant":{}}`,
			status: 400, want: `{"param":"assistant"}`},
		{name: "override without id", body: `{"destination":"+31612345678","assistant":{"llm_config":{"provider":"openai"}},
			"assistant_override":{}}`, status: 400, want: `{"param":"assistant_override"}`},
		{name: "transient needs llm", body: `{"destination":"+31612345678","assistant":{"first_message":"Hi"}}`, status: 400,
			want: `{"code":"missing_field","param":"assistant.llm_config"}`},
		{name: "transient pipeline needs stt", body: `{"destination":"+31612345678","assistant":{"llm_config":{"provider":"openai"}}}`,
			status: 400, want: `{"param":"assistant.stt_config"}`},
		{name: "transient bad model", body: `{"destination":"+31612345678","assistant":{"llm_config":{"provider":"xai_realtime",
			"model":"grok-realtime-v1"}}}`, status: 400, want: `{"param":"assistant.llm_config.model"}`},
		{name: "unknown assistant", body: `{"destination":"+31612345678","assistant_id":"` + unknown + `"}`, status: 404,
			want: `{"message":"Assistant not found"}`},
		{name: "unknown number", body: `{"destination":"+31612345678","assistant_id":"` + FrontDeskAssistantID +
			`","number_id":"` + unknown + `"}`, status: 404, want: `{"message":"Phone number not found"}`},
		{name: "no credits", key: BrokeKey, body: `{"destination":"+4915112345678","assistant_id":"3e4f5a6b-7c8d-4e9f-8a0b-1c2d3e4f5a6b"}`,
			status: 402, want: `{"error":"Insufficient credits","balance":0}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			key := tc.key
			if key == "" {
				key = DemoKey
			}

			r := a.as(key, "POST", "/calls/outbound", tc.body)

			assert.Equal(t, tc.status, r.status, r.raw)
			if tc.want != "" {
				assertSubset(t, tc.want, r.body)
			}
		})
	}
}

func TestInsufficientCreditsNested(t *testing.T) {
	a := newAPI(t)
	a.sb.opts.ErrorStyle = NestedErrors

	r := a.as(BrokeKey, "POST", "/calls/outbound", `{"destination":"+4915112345678","assistant":{"llm_config":{"provider":"xai_realtime"}}}`)

	assert.Equal(t, 402, r.status)
	assertSubset(t, `{"error":{"code":"insufficient_credits"}}`, r.body)
}

func TestCallIDsWithPlus(t *testing.T) {
	a := newAPI(t)
	for _, path := range []string{"/calls/" + ExampleCallID, "/calls/" + url.PathEscape(ExampleCallID),
		"/calls/" + strings.ReplaceAll(ExampleCallID, "+", "%2B")} {
		r := a.do("GET", path, "")
		assert.Equal(t, 200, r.status, path)
		assert.Equal(t, ExampleCallID, r.body["id"], path)
	}
	assert.Equal(t, 404, a.as(OtherKey, "GET", "/calls/"+url.PathEscape(ExampleCallID), "").status, "another org's call")
	assert.Equal(t, "Call not found", a.do("GET", "/calls/call-_+31600000000_nope", "").body["message"])
}

func TestCallsList(t *testing.T) {
	tests := []struct {
		query       string
		status      int
		total, size int
	}{
		{query: "", status: 200, total: 37, size: 37},
		{query: "?limit=10&offset=30", status: 200, total: 37, size: 7},
		{query: "?limit=1000", status: 200, total: 37, size: 37},
		{query: "?limit=1001", status: 400},
		{query: "?limit=0", status: 400},
		{query: "?offset=-1", status: 400},
		{query: "?status=in-progress", status: 200, total: 1, size: 1},
		{query: "?status=failed", status: 200, total: 1, size: 1},
		{query: "?status=bogus", status: 400},
		{query: "?start_date=2026-11-25T00:00:00Z&end_date=2026-12-01T00:00:00Z", status: 200, total: 8, size: 8},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			a := newAPI(t)

			r := a.do("GET", "/calls"+tc.query, "")

			require.Equal(t, tc.status, r.status, r.raw)
			if tc.status != 200 {
				assert.Equal(t, "invalid_request", r.body["code"])
				assert.NotEmpty(t, r.body["param"])
				return
			}
			assert.InDelta(t, tc.total, num(r.obj("pagination"), "total"), 0)
			assert.Len(t, r.list("calls"), tc.size)
		})
	}
}

func TestCallsNewestFirstAndSeed(t *testing.T) {
	a := newAPI(t)
	calls := a.do("GET", "/calls", "").list("calls")
	var last string
	var long map[string]any
	for i, c := range calls {
		call := c.(map[string]any)
		if i > 0 {
			assert.LessOrEqual(t, str(call, "created_at"), last, "newest first")
		}
		last = str(call, "created_at")
		if call["id"] == LongCallID {
			long = call
		}
	}
	require.NotNil(t, long)
	assert.GreaterOrEqual(t, len(long["messages"].([]any)), 400)
	text := 0
	for _, m := range long["messages"].([]any) {
		text += len(str(m.(map[string]any), "content"))
	}
	assert.Greater(t, text, 100_000)
	assert.Len(t, a.as(OtherKey, "GET", "/calls", "").list("calls"), 2)
}

func TestControl(t *testing.T) {
	tests := []struct {
		name       string
		body       string
		status     int
		wantStatus string // call status after
		wantReason string
		wantLast   string // last transcript line, role: content
	}{
		{name: "inject", body: `{"type":"inject-context","content":"VIP-Patientin","trigger_response":false}`, status: 200,
			wantStatus: "in-progress", wantLast: "system: VIP-Patientin"},
		{name: "say", body: `{"type":"say","content":"Einen Moment bitte.","end_after":false}`, status: 200,
			wantStatus: "in-progress", wantLast: "assistant: Einen Moment bitte."},
		{name: "say and end", body: `{"type":"say","content":"Tschüss!","end_after":true}`, status: 200,
			wantStatus: "ended", wantReason: "api_end_call", wantLast: "assistant: Tschüss!"},
		{name: "end", body: `{"type":"end-call","message":"Goodbye"}`, status: 200, wantStatus: "ended", wantReason: "api_end_call"},
		{name: "transfer", body: `{"type":"transfer","destination":"sip:desk@pbx.example.org"}`, status: 200,
			wantStatus: "transferred"},
		{name: "transfer E.164", body: `{"type":"transfer","destination":"+31201234567","message":"Ik verbind u door."}`,
			status: 200, wantStatus: "transferred"},
		{name: "transfer bad destination", body: `{"type":"transfer","destination":"desk"}`, status: 400, wantStatus: "in-progress"},
		{name: "unknown type", body: `{"type":"hold"}`, status: 400, wantStatus: "in-progress"},
		{name: "say without content", body: `{"type":"say"}`, status: 400, wantStatus: "in-progress"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newAPI(t)
			path := "/calls/" + url.PathEscape(LiveCallID)

			r := a.do("POST", path+"/control", tc.body)
			call := a.do("GET", path, "").body

			assert.Equal(t, tc.status, r.status, r.raw)
			if tc.status == 200 {
				assertSubset(t, `{"success":true,"message":"Command sent successfully"}`, r.body)
			}
			assert.Equal(t, tc.wantStatus, call["status"])
			if tc.wantReason != "" {
				assert.Equal(t, tc.wantReason, call["end_reason"])
			}
			if tc.wantLast != "" {
				msgs := call["messages"].([]any)
				last := msgs[len(msgs)-1].(map[string]any)
				assert.Equal(t, tc.wantLast, fmt.Sprintf("%s: %s", last["role"], last["content"]))
			}
		})
	}
}

func TestControlOnlyWhileInProgress(t *testing.T) {
	a := newAPI(t)
	id := str(a.do("POST", "/calls/outbound", `{"destination":"+31612345678","agent_id":"`+CallbackAssistantID+`"}`).body, "call_id")
	say := `{"type":"say","content":"Hallo"}`

	dialing := a.do("POST", "/calls/"+id+"/control", say)
	a.clock.advance(5 * time.Second)
	live := a.do("POST", "/calls/"+id+"/control", `{"type":"end-call"}`)
	ended := a.do("POST", "/calls/"+id+"/control", say)

	assert.Equal(t, 400, dialing.status)
	assert.Contains(t, dialing.body["message"], "dialing")
	assert.Equal(t, 200, live.status)
	assert.Equal(t, 400, ended.status)
	assert.Equal(t, 404, a.do("POST", "/calls/call-outbound-nope/control", say).status)
	assert.Equal(t, 400, a.do("POST", "/calls/"+url.PathEscape(ExampleCallID)+"/control", say).status, "a historic call")
}

func TestControlRateLimitPerCall(t *testing.T) {
	a := newAPI(t)
	path := "/calls/" + url.PathEscape(LiveCallID) + "/control"
	inject := `{"type":"inject-context","content":"x","trigger_response":false}`
	for i := range 10 {
		require.Equal(t, 200, a.do("POST", path, inject).status, "command %d", i+1)
	}

	limited := a.do("POST", path, inject)
	other := a.do("POST", "/calls/outbound", `{"destination":"+31612345678","agent_id":"`+CallbackAssistantID+`"}`)
	a.clock.advance(time.Minute)
	again := a.do("POST", path, inject)

	assert.Equal(t, 429, limited.status)
	assert.Equal(t, "60", limited.header.Get("Retry-After"))
	assert.Equal(t, "10", limited.header.Get("X-RateLimit-Limit"))
	assert.Equal(t, "0", limited.header.Get("X-RateLimit-Remaining"))
	assert.Equal(t, fmt.Sprint(startAt.Add(time.Minute).Unix()), limited.header.Get("X-RateLimit-Reset"))
	assert.Equal(t, "Rate limit exceeded", limited.body["error"])
	assert.Equal(t, 200, other.status, "other requests are not limited")
	assert.Equal(t, 200, again.status, "a new minute, a new window")
}

func TestWebCall(t *testing.T) {
	a := newAPI(t)

	r := a.do("POST", WebCallsPath, `{"assistant_id":"`+FrontDeskAssistantID+`","assistant_override":{"first_message":"Hi!"}}`)
	bad := a.do("POST", WebCallsPath, `{"assistant_override":{}}`)
	unauthorized := a.as("", "POST", WebCallsPath, `{"assistant_id":"`+FrontDeskAssistantID+`"}`)
	a.clock.advance(5 * time.Second)
	web := a.do("GET", "/calls?status=in-progress", "").list("calls")

	require.Equal(t, 200, r.status, r.raw)
	assert.Len(t, strings.Split(str(r.body, "token"), "."), 3, "shaped like a JWT")
	assert.True(t, strings.HasPrefix(str(r.body, "server_url"), "wss://"))
	assert.Equal(t, 400, bad.status)
	assert.Equal(t, 401, unauthorized.status)
	require.Len(t, web, 2, "the live call and the web call")
	call := web[0].(map[string]any)
	assert.Equal(t, "web", call["direction"])
	assert.Nil(t, call["caller_phone"])
	assert.Equal(t, "Hi!", call["messages"].([]any)[0].(map[string]any)["content"])
}

func TestOrganizationKeyWorks(t *testing.T) {
	a := newAPI(t)
	r := a.do("POST", "/organizations", `{"name":"Kind GmbH","parent_org_id":"7c0e6f1e-3b9a-4c47-9a51-2f1d8e4b6a10"}`)
	key := str(r.body, "api_key")
	require.True(t, strings.HasPrefix(key, KeyPrefix), key)

	own := a.as(key, "GET", "/organizations", "").body
	parent := a.do("GET", "/organizations?include_children=true", "")

	assert.Equal(t, "Kind GmbH", own["name"])
	assert.Equal(t, str(r.body, "id"), own["id"])
	assert.Len(t, parent.list("children"), 2)
	assert.Empty(t, a.as(key, "GET", "/assistants", "").list("assistants"), "a new org owns nothing")
}

func TestActiveCountersFollowState(t *testing.T) {
	a := newAPI(t)
	a.do("DELETE", "/numbers/"+SpareNumberID, "")
	a.do("PATCH", "/assistants/"+FrontDeskAssistantID, `{"is_active":false}`)
	a.do("POST", "/calls/outbound", `{"destination":"+31612345678","agent_id":"`+CallbackAssistantID+`"}`)

	org := a.do("GET", "/account", "").body

	assertSubset(t, `{"active_numbers":2,"active_agents":2,"active_calls":2}`, org)
}
