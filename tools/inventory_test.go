package tools

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/server"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endpoint is one entry of the API reference's endpoints.json.
type endpoint struct {
	Kind       string `json:"kind"`
	Method     string `json:"method"`
	Path       string `json:"path"`
	Deprecated bool   `json:"deprecated"`
}

// notTools are the reference's operations that deliberately get no tool
// of their own: deprecated aliases of operations that have one.
var notTools = []string{
	"GET /agents", "POST /agents", "GET /agents/{id}", "PATCH /agents/{id}", "DELETE /agents/{id}",
	"GET /byok/config", // legacy provider catalog; the config catalog is in the tool schemas
	"GET /account",     // deprecated alias of GET /organizations (get_account_information)
}

func TestEveryOperationHasExactlyOneTool(t *testing.T) {
	// A copy of the team's API reference (shared/api/endpoints.json).
	raw, err := os.ReadFile(filepath.Join("testdata", "endpoints.json"))
	require.NoError(t, err)
	var endpoints []endpoint
	require.NoError(t, json.Unmarshal(raw, &endpoints))

	byOperation := map[string][]string{}
	for _, tool := range testTools(t) {
		byOperation[tool.Operation] = append(byOperation[tool.Operation], tool.Tool.Name)
	}
	covered := 0
	for _, e := range endpoints {
		op := e.Method + " " + e.Path
		if e.Kind != "rest" || slices.Contains(notTools, op) {
			continue
		}
		covered++
		assert.Len(t, byOperation[op], 1, "%s needs exactly one tool, has %v", op, byOperation[op])
	}
	assert.Equal(t, covered, len(testTools(t)), "one tool per operation, no more")
}

func TestToolsets(t *testing.T) {
	all := testTools(t)
	for i, tool := range all {
		assert.Contains(t, Toolsets, tool.Toolset, tool.Tool.Name)
		if i > 0 {
			assert.GreaterOrEqual(t, slices.Index(Toolsets, tool.Toolset), slices.Index(Toolsets, all[i-1].Toolset),
				"%s: All groups tools by toolset, in the order of Toolsets", tool.Tool.Name)
		}
	}
	names := func(list []server.ServerTool) []string {
		var out []string
		for _, st := range list {
			out = append(out, st.Tool.Name)
		}
		return out
	}
	count := func(sets ...string) (n int) {
		for _, tool := range all {
			if slices.Contains(sets, tool.Toolset) {
				n++
			}
		}
		return n
	}

	tests := []struct {
		name     string
		sel      Selection
		wantLen  int
		want     []string
		wantNot  []string
		wantErr  string
		readOnly bool
	}{
		{name: "default", sel: Selection{}, wantLen: count(DefaultToolsets...),
			want:    []string{"get_account_information", "list_assistants", "place_outbound_call", "list_numbers"},
			wantNot: []string{"list_campaigns", "list_chat_messages"}},
		{name: "all leaves legacy out", sel: Selection{Toolsets: []string{"all"}},
			wantLen: len(all) - count(LegacySet), wantNot: []string{"list_chat_messages"}},
		{name: "legacy when named", sel: Selection{Toolsets: []string{"all", "legacy"}}, wantLen: len(all)},
		{name: "single tools on top", sel: Selection{Toolsets: []string{"voices"}, Tools: []string{"get_call"}},
			want: []string{"list_voices", "get_call"}, wantLen: count(VoicesSet) + 1},
		{name: "exclusion wins over tools", sel: Selection{Tools: []string{"list_voices"},
			Exclude: []string{"list_voices", "place_outbound_call"}},
			wantLen: count(DefaultToolsets...) - 1, wantNot: []string{"list_voices", "place_outbound_call"}},
		{name: "read-only wins over tools", sel: Selection{Toolsets: []string{"all"},
			Tools: []string{"delete_assistant"}, ReadOnly: true}, readOnly: true, wantLen: countReads(all, LegacySet),
			wantNot: []string{"delete_assistant", "create_assistant", "place_outbound_call"}},
		{name: "unknown toolset", sel: Selection{Toolsets: []string{"asistants"}},
			wantErr: `unknown toolset "asistants"; the toolsets are account, assistants`},
		{name: "unknown tool", sel: Selection{Exclude: []string{"drop_database"}},
			wantErr: `unknown tool "drop_database"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Select(all, tc.sel)
			if tc.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.wantErr)
				return
			}
			require.NoError(t, err)
			if tc.wantLen > 0 {
				assert.Len(t, got, tc.wantLen)
			}
			assert.Subset(t, names(got), tc.want)
			for _, n := range tc.wantNot {
				assert.NotContains(t, names(got), n)
			}
			if tc.readOnly {
				for _, st := range got {
					assert.True(t, *st.Tool.Annotations.ReadOnlyHint, "%s changes something", st.Tool.Name)
				}
			}
			again, _ := Select(all, tc.sel)
			assert.Equal(t, names(got), names(again), "order is deterministic")
			built, err := Build(nil, tc.sel, Safety{})
			require.NoError(t, err)
			assert.Equal(t, names(got), names(built), "Build builds what Select picks")
			assert.NoError(t, tc.sel.Check())
		})
	}
}

// countReads counts the read tools of all outside the toolsets left out.
func countReads(all []Tool, leftOut ...string) (n int) {
	for _, tool := range all {
		if tool.Effect == Read && !slices.Contains(leftOut, tool.Toolset) {
			n++
		}
	}
	return n
}

// defaultTokenBudget is the most the default toolsets' tools/list may
// take, in tokens estimated at four bytes each.
const defaultTokenBudget = 12_000

func TestDefaultToolsetsFitTheTokenBudget(t *testing.T) {
	list, err := Select(testTools(t), Selection{})
	require.NoError(t, err)
	var size int
	for _, st := range list {
		raw, err := json.Marshal(st.Tool)
		require.NoError(t, err)
		size += len(raw)
	}
	assert.Less(t, size/4, defaultTokenBudget, "the default tools/list grew past the budget")
}

var updateReadme = update // -update also rewrites the README's tool table

func TestReadmeToolTable(t *testing.T) {
	const begin, end = "<!-- tools:begin -->\n", "<!-- tools:end -->"
	path := filepath.Join("..", "README.md")
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	readme := string(raw)
	start, stop := strings.Index(readme, begin), strings.Index(readme, end)
	require.True(t, start >= 0 && stop > start, "README.md needs the %q and %q markers", begin, end)

	want := readme[:start+len(begin)] + MarkdownTable(testTools(t)) + readme[stop:]
	if *updateReadme {
		require.NoError(t, os.WriteFile(path, []byte(want), 0o644))
	}
	assert.Equal(t, want, readme, "the README's tool table is stale; run go test ./tools -update")
}

func TestEveryAdviceClassIsTried(t *testing.T) {
	for _, op := range operations {
		for class := range op.advice {
			assert.Contains(t, adviceOrder, class, "%s gives advice adviceOrder never tries", op.name)
		}
	}
}

// TestEveryToolIsClassified walks the inventory: what reaches people or
// spends money is real-world, what deletes or detaches is destructive, and
// every tool that changes something is confirmed, audited or both, by its
// class alone.
func TestEveryToolIsClassified(t *testing.T) {
	realWorld := []string{"place_outbound_call", "control_call", "create_web_call", "update_campaign", "create_organization",
		"add_campaign_lead", "set_byok_key"}
	for _, op := range operations {
		t.Run(op.name, func(t *testing.T) {
			switch {
			case slices.Contains(realWorld, op.name):
				assert.Equal(t, RealWorld, op.effect)
			case strings.HasPrefix(op.name, "delete_"), op.name == "update_number", op.name == "update_data_retention":
				assert.Equal(t, Destructive, op.effect)
			case strings.HasPrefix(op.name, "get_"), strings.HasPrefix(op.name, "list_"), op.name == "check_api_health",
				op.name == "test_mcp_server":
				assert.Equal(t, Read, op.effect)
			default:
				assert.Equal(t, Write, op.effect, "a tool that changes configuration")
			}
			if op.effect == RealWorld && op.name != "set_byok_key" {
				assert.NotNil(t, op.ask, "tools that reach people say in their own words what a person allows")
			}
			assert.Equal(t, op.name == "place_outbound_call", op.dials, "only placing a call counts as dialing")
		})
	}
}

// TestNarrowedEffectsNeverExceedTheTool: a call's own class (effectOf) is
// never more than the tool's, which sets its annotations and read-only.
func TestNarrowedEffectsNeverExceedTheTool(t *testing.T) {
	cases := map[string][]map[string]any{
		"update_campaign": {{"status": "scheduled"}, {"status": "paused"}, {"name": "x"},
			{"schedule_end_time": "23:59:00"}, {"status": "paused", "timezone": "UTC"}},
		"update_number": {{"assistant_id": nil}, {"workflow_id": nil}, {"assistant_id": "a"}, {"is_active": false}},
	}
	want := map[string][]Effect{
		"update_campaign": {RealWorld, Write, Write, RealWorld, RealWorld},
		"update_number":   {Destructive, Destructive, Write, Write},
	}
	for _, op := range operations {
		for i, args := range cases[op.name] {
			assert.Equal(t, want[op.name][i], op.effectFor(args), "%s %v", op.name, args)
			assert.LessOrEqual(t, op.effectFor(args), op.effect)
		}
	}
}
