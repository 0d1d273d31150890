package tools

import (
	"encoding/json"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// toolStep is one tool call of a scenario and what its result must say.
type toolStep struct {
	tool      string
	args      map[string]any
	wantError bool
	want      []string // substrings of the result text
	wantNot   []string
	advance   time.Duration // moves the sandbox clock on before the call
	// save keeps the ID of the object the result holds under this key;
	// later steps use it as an argument value written "$" + save.
	save string
}

// toolsetCase is a scenario: steps run in order against one fresh demo
// sandbox with a clock of its own (11:00 in Amsterdam on a weekday, at
// the start), so that later steps can read back what earlier ones changed.
type toolsetCase struct {
	name  string
	steps []toolStep
}

func runToolsetCases(t *testing.T, cases []toolsetCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var now atomic.Int64 // the handler reads it on the server's goroutine
			now.Store(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC).UnixNano())
			sb := sandbox.New(sandbox.Options{Now: func() time.Time { return time.Unix(0, now.Load()).UTC() }})
			c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
			saved := map[string]any{}
			for i, s := range tc.steps {
				now.Add(int64(s.advance))
				tool := findTool(t, c, s.tool)
				args := map[string]any{}
				for k, v := range s.args {
					if ref, ok := v.(string); ok && strings.HasPrefix(ref, "$") {
						v = saved[ref[1:]]
					}
					args[k] = v
				}
				res := callTool(t, tool, asWire(t, args))
				text := resultText(t, res)
				require.Equal(t, s.wantError, res.IsError, "step %d (%s): %s", i, s.tool, text)
				for _, w := range s.want {
					assert.Contains(t, text, w, "step %d (%s)", i, s.tool)
				}
				for _, w := range s.wantNot {
					assert.NotContains(t, text, w, "step %d (%s)", i, s.tool)
				}
				if !res.IsError {
					assertMatchesOutputSchema(t, tool.Tool, res)
				}
				if s.save != "" {
					obj, _ := res.StructuredContent.(map[string]any)[s.save].(map[string]any)
					require.NotEmpty(t, obj["id"], "step %d (%s) has no %s.id", i, s.tool, s.save)
					saved[s.save] = obj["id"]
				}
			}
		})
	}
}

// asWire returns args as a client sends them: decoded JSON, numbers as
// float64.
func asWire(t *testing.T, args map[string]any) map[string]any {
	t.Helper()
	raw, err := json.Marshal(args)
	require.NoError(t, err)
	var out map[string]any
	require.NoError(t, json.Unmarshal(raw, &out))
	return out
}

const (
	lookupTemplateID       = "3f2a9e10-5b6c-4d7e-8f90-112233445566"
	transferTemplateID     = "5b4c1a32-7d8e-4f90-8b12-334455667788"
	satisfactionTemplateID = "550e8400-e29b-41d4-a716-446655440000"
	unknownUUID            = "00000000-0000-4000-8000-000000000000"
)

func TestToolTemplateTools(t *testing.T) {
	function := map[string]any{"name": "lookup_order", "description": "Find an order by number",
		"parameters": map[string]any{"type": "object", "properties": map[string]any{
			"order": map[string]any{"type": "string"}}},
		"url": "https://hooks.example.org/orders"}
	runToolsetCases(t, []toolsetCase{
		{name: "list", steps: []toolStep{
			{tool: "list_tool_templates", args: map[string]any{}, want: []string{
				`"Customer lookup"`, `"tool_type":"transfer_call"`, `"has_more":false`, `"total":3`}},
			{tool: "list_tool_templates", args: map[string]any{"limit": 2},
				want: []string{`"has_more":true`, `"next_offset":2`, `"count":2`}},
			{tool: "list_tool_templates", args: map[string]any{"limit": 0}, wantError: true,
				want: []string{"limit"}},
		}},
		{name: "get", steps: []toolStep{
			{tool: "get_tool_template", args: map[string]any{"tool_template_id": lookupTemplateID},
				want: []string{`"lookup_customer"`, `"https://hooks.acme-dental.example/lookup"`}},
			{tool: "get_tool_template", args: map[string]any{"tool_template_id": unknownUUID}, wantError: true,
				want: []string{"list_tool_templates"}},
			{tool: "get_tool_template", args: map[string]any{}, wantError: true,
				want: []string{"tool_template_id"}},
		}},
		{name: "create function then list", steps: []toolStep{
			{tool: "create_tool_template", args: map[string]any{"name": "Order lookup", "tool_type": "function",
				"tool_config": function}, want: []string{`"name":"Order lookup"`, `"lookup_order"`, `"id":`}},
			{tool: "list_tool_templates", args: map[string]any{}, want: []string{`"Order lookup"`, `"total":4`}},
		}},
		{name: "create transfer", steps: []toolStep{
			{tool: "create_tool_template", args: map[string]any{"name": "To billing", "tool_type": "transfer_call",
				"tool_config": map[string]any{"destinations": []any{map[string]any{"type": "number",
					"number": "+31201234567", "description": "The caller asks about an invoice"}}}},
				want: []string{`"+31201234567"`, `"tool_type":"transfer_call"`}},
		}},
		{name: "create refuses bad arguments", steps: []toolStep{
			{tool: "create_tool_template", args: map[string]any{"name": "X", "tool_type": "webhook",
				"tool_config": map[string]any{}}, wantError: true, want: []string{"tool_type", "function"}},
			{tool: "create_tool_template", args: map[string]any{"name": "X", "tool_type": "transfer_call",
				"tool_config": map[string]any{}}, wantError: true, want: []string{"destinations"}},
			{tool: "create_tool_template", args: map[string]any{"name": "X", "tool_type": "transfer_call",
				"tool_config": map[string]any{"destinations": []any{map[string]any{"type": "number",
					"number": "020 123 4567", "description": "x"}}}}, wantError: true,
				want: []string{"tool_config.destinations[0].number", "E.164"}},
			{tool: "create_tool_template", args: map[string]any{"name": "X", "tool_type": "function",
				"tool_config": map[string]any{"name": "look up"}}, wantError: true,
				want: []string{"tool_config.name"}},
			{tool: "list_tool_templates", args: map[string]any{}, want: []string{`"total":3`}},
		}},
		{name: "update then read back", steps: []toolStep{
			{tool: "update_tool_template", args: map[string]any{"tool_template_id": lookupTemplateID,
				"name": "Klant opzoeken", "tool_config": function}, want: []string{`"Klant opzoeken"`}},
			{tool: "get_tool_template", args: map[string]any{"tool_template_id": lookupTemplateID},
				want: []string{`"Klant opzoeken"`, `"lookup_order"`}, wantNot: []string{"lookup_customer"}},
		}},
		{name: "update refuses", steps: []toolStep{
			{tool: "update_tool_template", args: map[string]any{"tool_template_id": unknownUUID, "name": "X"},
				wantError: true, want: []string{"list_tool_templates"}},
			{tool: "update_tool_template", args: map[string]any{"tool_template_id": lookupTemplateID},
				wantError: true, want: []string{"nothing to change"}},
		}},
		{name: "delete then gone", steps: []toolStep{
			{tool: "delete_tool_template", args: map[string]any{"tool_template_id": transferTemplateID},
				want: []string{`"success":true`, transferTemplateID}},
			{tool: "get_tool_template", args: map[string]any{"tool_template_id": transferTemplateID},
				wantError: true, want: []string{"list_tool_templates"}},
			{tool: "delete_tool_template", args: map[string]any{"tool_template_id": unknownUUID},
				wantError: true, want: []string{"list_tool_templates"}},
		}},
	})
}

func TestAnalysisTemplateTools(t *testing.T) {
	schema := map[string]any{"type": "object", "properties": map[string]any{
		"wants_callback": map[string]any{"type": "boolean"}}}
	runToolsetCases(t, []toolsetCase{
		{name: "list pages through the API", steps: []toolStep{
			{tool: "list_analysis_templates", args: map[string]any{}, want: []string{`"Satisfaction"`,
				`"Appointment outcome"`, `"has_more":false`}, wantNot: []string{"system_prompt"}},
			{tool: "list_analysis_templates", args: map[string]any{"limit": 1},
				want: []string{`"Satisfaction"`, `"has_more":true`, `"next_offset":1`}},
			{tool: "list_analysis_templates", args: map[string]any{"limit": 1, "offset": 1},
				want: []string{`"Appointment outcome"`}, wantNot: []string{`"Satisfaction"`}},
			{tool: "list_analysis_templates", args: map[string]any{"limit": 101}, wantError: true,
				want: []string{"limit", "100"}},
		}},
		{name: "get", steps: []toolStep{
			{tool: "get_analysis_template", args: map[string]any{"analysis_template_id": satisfactionTemplateID},
				want: []string{`"Rate this call. Transcript: {transcript}"`, `"satisfied"`}},
			{tool: "get_analysis_template", args: map[string]any{"analysis_template_id": unknownUUID},
				wantError: true, want: []string{"list_analysis_templates"}},
		}},
		{name: "create then list", steps: []toolStep{
			{tool: "create_analysis_template", args: map[string]any{"name": "Callback wish",
				"system_prompt": "You read call transcripts.", "user_prompt": "Transcript: {transcript}",
				"schema": schema}, want: []string{`"name":"Callback wish"`, `"wants_callback"`, `"id":`}},
			{tool: "list_analysis_templates", args: map[string]any{}, want: []string{`"Callback wish"`}},
		}},
		{name: "create refuses", steps: []toolStep{
			{tool: "create_analysis_template", args: map[string]any{"name": "X", "system_prompt": "s",
				"user_prompt": "Transcript: {{transcript}}", "schema": schema}, wantError: true,
				want: []string{"user_prompt", "{transcript}"}},
			{tool: "create_analysis_template", args: map[string]any{"name": "X", "system_prompt": "s",
				"user_prompt": "u"}, wantError: true, want: []string{"schema", "required"}},
			{tool: "list_analysis_templates", args: map[string]any{}, wantNot: []string{`"X"`}},
		}},
		{name: "update then read back", steps: []toolStep{
			{tool: "update_analysis_template", args: map[string]any{"analysis_template_id": satisfactionTemplateID,
				"user_prompt": "Summary: {summary}"}, want: []string{`"Summary: {summary}"`}},
			{tool: "get_analysis_template", args: map[string]any{"analysis_template_id": satisfactionTemplateID},
				want: []string{`"Summary: {summary}"`, `"name":"Satisfaction"`}},
			{tool: "update_analysis_template", args: map[string]any{"analysis_template_id": unknownUUID,
				"name": "X"}, wantError: true, want: []string{"list_analysis_templates"}},
			{tool: "update_analysis_template", args: map[string]any{"analysis_template_id": satisfactionTemplateID,
				"schema": "yes"}, wantError: true, want: []string{"schema", "JSON object"}},
		}},
		{name: "delete then gone", steps: []toolStep{
			{tool: "delete_analysis_template", args: map[string]any{"analysis_template_id": satisfactionTemplateID},
				want: []string{`"success":true`}},
			{tool: "list_analysis_templates", args: map[string]any{}, wantNot: []string{`"Satisfaction"`}},
			{tool: "delete_analysis_template", args: map[string]any{"analysis_template_id": unknownUUID},
				wantError: true, want: []string{"list_analysis_templates"}},
		}},
	})
}

// TestTemplateDescriptions checks what the descriptions promise the model.
func TestTemplateDescriptions(t *testing.T) {
	for name, want := range map[string]string{
		"create_analysis_template": "{transcript}, {summary}, {duration}, {caller_number}",
		"delete_analysis_template": "keep their own copy",
		"update_tool_template":     "replaces the stored config whole",
	} {
		c := newSandboxClient(t, sandbox.New(sandbox.Options{}), sandbox.DemoKey, nil)
		assert.True(t, strings.Contains(findTool(t, c, name).Tool.Description, want), name)
	}
}
