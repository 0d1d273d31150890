package tools

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// The helpers below serve the numbers, sip_trunks, voices, byok, domains
// and legacy tests: a sandbox whose request bodies are kept (the sandbox
// records requests without bodies), and a table of tool calls against it.

// sentRequest is one request as it reached the sandbox, body decoded.
type sentRequest struct {
	method, path, query string
	body                map[string]any
	hasBody             bool
}

// sentLog keeps the requests a test sent.
type sentLog struct {
	mu   sync.Mutex
	reqs []sentRequest
}

// last returns the last request with method to path (below BasePath).
func (l *sentLog) last(t *testing.T, method, path string) sentRequest {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	for i := len(l.reqs) - 1; i >= 0; i-- {
		if r := l.reqs[i]; r.method == method && r.path == sandbox.BasePath+path {
			return r
		}
	}
	require.FailNow(t, "no request "+method+" "+path)
	return sentRequest{}
}

// bodyClient serves sb through a handler that keeps each request's body
// and returns a demo-key client for it, set up as newSandboxClient does.
func bodyClient(t *testing.T, sb *sandbox.Server) (*client.Client, *sentLog) {
	t.Helper()
	log := &sentLog{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		req := sentRequest{method: r.Method, path: r.URL.Path, query: r.URL.RawQuery, hasBody: len(raw) > 0}
		_ = json.Unmarshal(raw, &req.body)
		log.mu.Lock()
		log.reqs = append(log.reqs, req)
		log.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(raw))
		sb.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	c, err := client.New(client.Options{BaseURL: srv.URL + sandbox.BasePath, AssistantURL: srv.URL,
		APIKey: sandbox.DemoKey, RequestTimeout: time.Second, CallBudget: 3 * time.Second})
	require.NoError(t, err)
	return c, log
}

// mustCall calls a tool that must succeed and returns its result.
func mustCall(t *testing.T, c *client.Client, name string, args map[string]any) map[string]any {
	t.Helper()
	res := callTool(t, findTool(t, c, name), jsonArgs(t, args))
	require.False(t, res.IsError, "%s: %s", name, resultText(t, res))
	var out map[string]any
	require.NoError(t, json.Unmarshal([]byte(resultText(t, res)), &out))
	return out
}

// sandboxCall is one call of a tool against a fresh demo sandbox.
type sandboxCall struct {
	name    string
	tool    string
	args    map[string]any
	prepare func(t *testing.T, c *client.Client) // e.g. create what the call needs
	// argsFrom, when set, makes the arguments after prepare, e.g. from IDs
	// another tool lists.
	argsFrom  func(t *testing.T, c *client.Client) map[string]any
	wantError bool
	wantText  []string // in the result text
	notText   []string // not in the result text
	// after checks the result and the sandbox's state, read back through
	// other tools.
	after func(t *testing.T, c *client.Client, log *sentLog, out map[string]any)
}

func runSandboxCalls(t *testing.T, cases []sandboxCall) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, log := bodyClient(t, sandbox.New(sandbox.Options{}))
			if tc.prepare != nil {
				tc.prepare(t, c)
			}
			tool := findTool(t, c, tc.tool)
			args := tc.args
			if tc.argsFrom != nil {
				args = tc.argsFrom(t, c)
			}

			res := callTool(t, tool, jsonArgs(t, args))

			text := resultText(t, res)
			require.Equal(t, tc.wantError, res.IsError, text)
			for _, want := range tc.wantText {
				assert.Contains(t, text, want)
			}
			for _, not := range tc.notText {
				assert.NotContains(t, text, not)
			}
			var out map[string]any
			if !tc.wantError {
				assertMatchesOutputSchema(t, tool.Tool, res)
				require.NoError(t, json.Unmarshal([]byte(text), &out))
			}
			if tc.after != nil {
				tc.after(t, c, log, out)
			}
		})
	}
}

// jsonArgs returns args as a client sends them: decoded JSON, numbers as
// float64.
func jsonArgs(t *testing.T, args map[string]any) map[string]any {
	t.Helper()
	if args == nil {
		return nil
	}
	raw, err := json.Marshal(args)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(raw, &out))
	return out
}

const absentUUID = "00000000-0000-4000-8000-000000000000"

func TestNumberTools(t *testing.T) {
	runSandboxCalls(t, []sandboxCall{
		{name: "list", tool: "list_numbers",
			wantText: []string{`"phone_number":"+31850001234"`, `"agent_name":"Front desk"`, `"total":3`},
			after: func(t *testing.T, _ *client.Client, _ *sentLog, out map[string]any) {
				assert.Equal(t, false, out["has_more"])
				for _, n := range out["numbers"].([]any) {
					n := n.(map[string]any)
					assert.Equal(t, n["agent_id"], n["assistant_id"], "both names carry the assistant")
				}
			}},
		{name: "list pages", tool: "list_numbers", args: map[string]any{"limit": 2},
			wantText: []string{`"count":2`, `"has_more":true`, `"next_offset":2`}},
		{name: "list second page", tool: "list_numbers", args: map[string]any{"limit": 2, "offset": 2},
			wantText: []string{`"count":1`, `"has_more":false`}, notText: []string{"next_offset"}},
		{name: "list bad limit", tool: "list_numbers", args: map[string]any{"limit": 0}, wantError: true,
			wantText: []string{"limit: must be at least 1"}},
		{name: "get", tool: "get_number", args: map[string]any{"number_id": sandbox.DutchNumberID},
			wantText: []string{`"phone_number":"+31850001234"`, `"assistant_id":"` + sandbox.FrontDeskAssistantID,
				`"agent_id":"` + sandbox.FrontDeskAssistantID, `"transfer_trunk_id":"` + sandbox.TrunkID}},
		{name: "get unknown", tool: "get_number", args: map[string]any{"number_id": absentUUID}, wantError: true,
			wantText: []string{"not found", "list_numbers lists the valid ones"}},
		{name: "get without id", tool: "get_number", wantError: true,
			wantText: []string{"number_id: is required"}},
		{name: "register", tool: "register_number",
			args: map[string]any{"phone_number": "+31201234567", "name": "Test line",
				"assistant_id": sandbox.FrontDeskAssistantID, "transfer_trunk_id": sandbox.TrunkID},
			wantText: []string{`"phone_number":"+31201234567"`, `"name":"Test line"`,
				`"assistant_id":"` + sandbox.FrontDeskAssistantID, `"agent_name":"Front desk"`},
			after: func(t *testing.T, c *client.Client, log *sentLog, out map[string]any) {
				sent := log.last(t, http.MethodPost, "/numbers").body
				assert.Equal(t, sandbox.FrontDeskAssistantID, sent["agent_id"], "the SDK's wire name")
				assert.NotContains(t, sent, "assistant_id")
				id := out["number"].(map[string]any)["id"].(string)
				got := mustCall(t, c, "get_number", map[string]any{"number_id": id})
				assert.Equal(t, "+31201234567", got["number"].(map[string]any)["phone_number"])
				assert.EqualValues(t, 4, mustCall(t, c, "list_numbers", nil)["total"])
			}},
		{name: "register without assistant", tool: "register_number",
			args:     map[string]any{"phone_number": "+31201234568"},
			wantText: []string{`"phone_number":"+31201234568"`}, notText: []string{"agent_id"}},
		{name: "register not E.164", tool: "register_number", args: map[string]any{"phone_number": "0612345678"},
			wantError: true, wantText: []string{"phone_number", "E.164"}},
		{name: "register without phone", tool: "register_number", args: map[string]any{"name": "x"},
			wantError: true, wantText: []string{"phone_number: is required"}},
		{name: "register duplicate", tool: "register_number", args: map[string]any{"phone_number": "+31850001234"},
			wantError: true, wantText: []string{"already registered"}},
		{name: "register unknown assistant", tool: "register_number",
			args:      map[string]any{"phone_number": "+31201234569", "assistant_id": absentUUID},
			wantError: true, wantText: []string{"Assistant not found"}},
		{name: "update detaches the assistant", tool: "update_number",
			args:    map[string]any{"number_id": sandbox.DutchNumberID, "assistant_id": nil},
			notText: []string{"agent_id", "assistant_id"},
			after: func(t *testing.T, c *client.Client, log *sentLog, _ map[string]any) {
				sent := log.last(t, http.MethodPatch, "/numbers/"+sandbox.DutchNumberID).body
				assert.Contains(t, sent, "agent_id")
				assert.Nil(t, sent["agent_id"], "null detaches")
				got := mustCall(t, c, "get_number", map[string]any{"number_id": sandbox.DutchNumberID})
				assert.NotContains(t, got["number"], "agent_id")
				assert.Equal(t, sandbox.TrunkID, got["number"].(map[string]any)["transfer_trunk_id"], "unchanged")
			}},
		{name: "update reassigns and deactivates", tool: "update_number",
			args: map[string]any{"number_id": sandbox.SpareNumberID, "assistant_id": sandbox.CallbackAssistantID,
				"transfer_trunk_id": sandbox.TrunkID, "is_active": false},
			wantText: []string{`"assistant_id":"` + sandbox.CallbackAssistantID, `"is_active":false`},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				got := mustCall(t, c, "get_number", map[string]any{"number_id": sandbox.SpareNumberID})["number"]
				assert.Equal(t, sandbox.CallbackAssistantID, got.(map[string]any)["agent_id"])
				assert.Equal(t, sandbox.TrunkID, got.(map[string]any)["transfer_trunk_id"])
				assert.Equal(t, false, got.(map[string]any)["is_active"])
			}},
		{name: "update empty string detaches the workflow", tool: "update_number",
			args:    map[string]any{"number_id": sandbox.GermanNumberID, "workflow_id": ""},
			notText: []string{"workflow_id"},
			after: func(t *testing.T, _ *client.Client, log *sentLog, _ map[string]any) {
				sent := log.last(t, http.MethodPatch, "/numbers/"+sandbox.GermanNumberID).body
				assert.Equal(t, map[string]any{"workflow_id": nil}, sent)
			}},
		{name: "update nothing", tool: "update_number", args: map[string]any{"number_id": sandbox.DutchNumberID},
			wantError: true, wantText: []string{"nothing to change"}},
		{name: "update bad is_active", tool: "update_number",
			args:      map[string]any{"number_id": sandbox.DutchNumberID, "is_active": "maybe"},
			wantError: true, wantText: []string{"is_active: must be true or false"}},
		{name: "update unknown", tool: "update_number", args: map[string]any{"number_id": absentUUID, "is_active": true},
			wantError: true, wantText: []string{"Phone number not found", "list_numbers, list_assistants"}},
		{name: "update with an unknown workflow", tool: "update_number", args: map[string]any{
			"number_id": sandbox.DutchNumberID, "workflow_id": absentUUID},
			wantError: true, wantText: []string{"Workflow not found", "list_workflows show the valid ones"}},
		{name: "delete", tool: "delete_number", args: map[string]any{"number_id": sandbox.SpareNumberID},
			wantText: []string{`"success":true`, `"deleted":"` + sandbox.SpareNumberID},
			after: func(t *testing.T, c *client.Client, _ *sentLog, _ map[string]any) {
				res := callTool(t, findTool(t, c, "get_number"), map[string]any{"number_id": sandbox.SpareNumberID})
				assert.True(t, res.IsError)
				assert.Contains(t, resultText(t, res), "not found")
				assert.EqualValues(t, 2, mustCall(t, c, "list_numbers", nil)["total"])
			}},
		{name: "delete unknown", tool: "delete_number", args: map[string]any{"number_id": absentUUID},
			wantError: true, wantText: []string{"list_numbers lists the valid ones"}},
	})
}
