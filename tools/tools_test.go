package tools

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/voicedock/voicedock-mcp/client"
	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

var update = flag.Bool("update", false, "rewrite testdata/schemas from the current tool definitions")

// serverName is the name clients prefix tool names with.
const serverName = "voicedock-mcp"

// apiOnly is the safety of tests about what tools send and answer: nobody
// is asked to confirm. confirm_test.go tests the confirmations.
var apiOnly = Safety{Confirm: ConfirmNever}

// testTools returns every tool wired to a client that is never called.
func testTools(t *testing.T) []Tool {
	t.Helper()
	c, err := client.New(client.Options{BaseURL: "http://127.0.0.1:1/api/v1", APIKey: "fl_test_x"})
	require.NoError(t, err)
	return All(c, apiOnly)
}

// wireJSON is a tool definition exactly as tools/list sends it.
func wireJSON(t *testing.T, tool mcp.Tool) map[string]any {
	t.Helper()
	raw, err := json.Marshal(tool)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(raw, &m))
	return m
}

var toolName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,39}$`)

func TestInventory(t *testing.T) {
	seen := map[string]bool{}
	for _, st := range testTools(t) {
		tool := st.Tool
		t.Run(tool.Name, func(t *testing.T) {
			assert.Regexp(t, toolName, tool.Name)
			assert.False(t, seen[tool.Name], "duplicate tool name")
			seen[tool.Name] = true
			assert.LessOrEqual(t, len(serverName)+1+len(tool.Name), 60)
			assert.LessOrEqual(t, len("mcp__"+serverName+"__"+tool.Name), 64)
			assert.NotEmpty(t, tool.Annotations.Title, "every tool needs a title")
			assert.GreaterOrEqual(t, len(tool.Description), 80, "description should say what and when")

			a := tool.Annotations
			for hint, v := range map[string]*bool{"readOnly": a.ReadOnlyHint, "destructive": a.DestructiveHint,
				"idempotent": a.IdempotentHint, "openWorld": a.OpenWorldHint} {
				assert.NotNil(t, v, "%s hint must be stated, not left to mcp-go's default", hint)
			}
			assertPlausibleEffect(t, st)
		})
	}
}

// assertPlausibleEffect checks a tool's class against its name and
// operation, and its annotations against its class.
func assertPlausibleEffect(t *testing.T, st Tool) {
	t.Helper()
	a, name := st.Tool.Annotations, st.Tool.Name
	method, _, _ := strings.Cut(st.Operation, " ")
	switch {
	case regexp.MustCompile(`^(get|list|check)_`).MatchString(name):
		assert.Equal(t, Read, st.Effect, "get_, list_ and check_ tools read")
	case strings.HasPrefix(name, "delete_"):
		assert.Equal(t, Destructive, st.Effect, "deletes are destructive")
	case slices.Contains([]string{"place_outbound_call", "control_call", "create_web_call", "update_campaign",
		"set_byok_key"}, name):
		assert.Equal(t, RealWorld, st.Effect, "reaches people, spends money or stores a secret")
	}
	if method == http.MethodGet {
		assert.Equal(t, Read, st.Effect, "a GET only reads")
	}
	switch st.Effect {
	case Read:
		assert.True(t, *a.ReadOnlyHint, "reads are read-only")
		assert.False(t, *a.DestructiveHint, "reads are not destructive")
		assert.True(t, *a.IdempotentHint, "reads are idempotent")
	case Destructive:
		assert.False(t, *a.ReadOnlyHint)
		assert.True(t, *a.DestructiveHint)
		if strings.HasPrefix(name, "delete_") {
			assert.True(t, *a.IdempotentHint, "deleting twice deletes once")
		}
	case RealWorld:
		assert.True(t, *a.DestructiveHint, "real-world actions are destructive")
		assert.True(t, *a.OpenWorldHint, "real-world actions are open-world")
		assert.False(t, *a.IdempotentHint, "a call placed twice rings twice")
	case Write:
		assert.False(t, *a.ReadOnlyHint)
		assert.False(t, *a.DestructiveHint)
	}
}

func TestSchemasArePortable(t *testing.T) {
	for _, st := range testTools(t) {
		t.Run(st.Tool.Name, func(t *testing.T) {
			wire := wireJSON(t, st.Tool)

			input, ok := wire["inputSchema"].(map[string]any)
			require.True(t, ok, "inputSchema must be an object")
			assert.Equal(t, "object", input["type"])
			assert.IsType(t, map[string]any{}, input["properties"], "properties must be present, {} when empty")
			if req, present := input["required"]; present {
				assert.NotEmpty(t, req, "required must be absent or non-empty")
			}
			lintSchema(t, "inputSchema", input, 0)

			if output, present := wire["outputSchema"]; present {
				out, ok := output.(map[string]any)
				require.True(t, ok)
				assert.Equal(t, "object", out["type"])
				lintSchema(t, "outputSchema", out, 0)
			}
		})
	}
}

// forbiddenKeys are schema keywords some model APIs reject.
var forbiddenKeys = []string{"$ref", "$defs", "definitions", "$schema", "$id", "anyOf", "oneOf", "allOf",
	"not", "if", "then", "else", "patternProperties"}

var propertyKey = regexp.MustCompile(`^[a-zA-Z0-9_]{1,64}$`)

// lintSchema checks one schema node and everything below it.
func lintSchema(t *testing.T, path string, node map[string]any, depth int) {
	t.Helper()
	for _, k := range forbiddenKeys {
		assert.NotContains(t, node, k, "%s uses %s", path, k)
	}
	typ, hasType := node["type"]
	if hasType {
		s, ok := typ.(string)
		assert.True(t, ok && s != "" && s != "null", "%s: type must be one non-null string, got %v", path, typ)
	}
	if enum, ok := node["enum"]; ok {
		assert.Equal(t, "string", typ, "%s: enum only on strings", path)
		for _, v := range enum.([]any) {
			assert.IsType(t, "", v, "%s: enum members must be strings", path)
		}
	}
	if typ == "array" {
		items, ok := node["items"].(map[string]any)
		if assert.True(t, ok, "%s: array needs items", path) {
			assert.Contains(t, items, "type", "%s: items need a type", path)
			lintSchema(t, path+"[]", items, depth+1)
		}
	}
	if typ == "object" {
		assert.Contains(t, node, "properties", "%s: every object needs properties", path)
	}
	if props, ok := node["properties"].(map[string]any); ok {
		assert.LessOrEqual(t, depth, 3, "%s: nesting too deep", path)
		for name, p := range props {
			assert.Regexp(t, propertyKey, name, "%s: property key", path)
			if child, ok := p.(map[string]any); ok {
				lintSchema(t, path+"."+name, child, depth+1)
			}
		}
	}
}

func TestSchemaSnapshots(t *testing.T) {
	for _, st := range testTools(t) {
		t.Run(st.Tool.Name, func(t *testing.T) {
			got, err := json.MarshalIndent(wireJSON(t, st.Tool), "", "  ")
			require.NoError(t, err)
			got = append(got, '\n')
			path := filepath.Join("testdata", "schemas", st.Tool.Name+".json")
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "no snapshot; run go test ./tools -update and review the new file")
			assert.Equal(t, string(want), string(got), "tool definition changed; run go test ./tools -update "+
				"and review the diff")
		})
	}
}

// callTool runs one tool handler against a sandbox with key.
func callTool(t *testing.T, st server.ServerTool, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	req := mcp.CallToolRequest{}
	req.Params.Name, req.Params.Arguments = st.Tool.Name, args
	res, err := st.Handler(t.Context(), req)
	require.NoError(t, err, "handlers report failures as isError results, not Go errors")
	require.NotNil(t, res)
	return res
}

func resultText(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	require.Len(t, res.Content, 1)
	text, ok := res.Content[0].(mcp.TextContent)
	require.True(t, ok, "content must be text")
	return text.Text
}

// assertMatchesOutputSchema checks that a success result carries
// structured content valid against the tool's output schema, and the same
// JSON as text.
func assertMatchesOutputSchema(t *testing.T, tool mcp.Tool, res *mcp.CallToolResult) {
	t.Helper()
	require.NotNil(t, res.StructuredContent)
	compiler := jsonschema.NewCompiler()
	schemaDoc, err := jsonschema.UnmarshalJSON(bytes.NewReader(tool.RawOutputSchema))
	require.NoError(t, err)
	require.NoError(t, compiler.AddResource("output.json", schemaDoc))
	schema, err := compiler.Compile("output.json")
	require.NoError(t, err)

	structured, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(structured))
	require.NoError(t, err)
	assert.NoError(t, schema.Validate(instance))
	assert.JSONEq(t, string(structured), resultText(t, res), "text must be the same JSON")
}

// newSandboxClient serves a sandbox and returns a client for it with key.
func newSandboxClient(t *testing.T, sb *sandbox.Server, key string, edit func(*client.Options)) *client.Client {
	t.Helper()
	srv := httptest.NewServer(sb)
	t.Cleanup(srv.Close)
	opts := client.Options{BaseURL: srv.URL + sandbox.BasePath, AssistantURL: srv.URL, APIKey: key,
		RequestTimeout: time.Second, CallBudget: 3 * time.Second}
	if edit != nil {
		edit(&opts)
	}
	c, err := client.New(opts)
	require.NoError(t, err)
	return c
}

func findTool(t *testing.T, c *client.Client, name string) server.ServerTool {
	t.Helper()
	for _, st := range All(c, apiOnly) {
		if st.Tool.Name == name {
			return st.ServerTool
		}
	}
	require.FailNow(t, fmt.Sprintf("no tool %s", name))
	return server.ServerTool{}
}

func TestRejectUnknownArguments(t *testing.T) {
	sb := sandbox.New(sandbox.Options{})
	c := newSandboxClient(t, sb, sandbox.DemoKey, nil)
	all := All(c, apiOnly)
	handler := RejectUnknownArguments(serverTools(all))(findTool(t, c, "get_account_information").Handler)
	tests := []struct {
		name      string
		args      any
		wantError bool
		wantText  string
	}{
		{name: "none", args: nil, wantText: "Acme Dental Group"},
		{name: "empty object", args: map[string]any{}, wantText: "Acme Dental Group"},
		{name: "unknown", args: map[string]any{"verbose": true, "account_id": "x"}, wantError: true,
			wantText: "get_account_information does not take the argument(s) account_id, verbose; it takes only include_children"},
		{name: "not an object", args: "x", wantError: true,
			wantText: "get_account_information: arguments must be a JSON object"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			req := mcp.CallToolRequest{}
			req.Params.Name, req.Params.Arguments = "get_account_information", tc.args

			res, err := handler(t.Context(), req)

			require.NoError(t, err)
			assert.Equal(t, tc.wantError, res.IsError)
			assert.Contains(t, resultText(t, res), tc.wantText)
		})
	}
	assert.Equal(t, 2, sb.CountRequests("GET", "/organizations"), "only the two accepted calls reach the API")
}

// serverTools returns the server.ServerTool of each tool.
func serverTools(all []Tool) []server.ServerTool {
	out := make([]server.ServerTool, len(all))
	for i, t := range all {
		out[i] = t.ServerTool
	}
	return out
}
