package tools

import (
	"testing"

	"github.com/voicedock/voicedock-mcp/client/sandbox"
)

// simpleWorkflow is a valid two-node graph.
func simpleWorkflow() map[string]any {
	return map[string]any{
		"version": 1, "entry_node": "intake", "global_prompt": "Be brief.",
		"nodes": []any{
			map[string]any{"id": "intake", "type": "conversation", "instructions": "Ask what the caller needs."},
			map[string]any{"id": "bye", "type": "end", "first_line": "Goodbye!"},
		},
		"edges": []any{map[string]any{"from": "intake", "to": "bye", "description": "The caller is done."}},
	}
}

func TestWorkflowTools(t *testing.T) {
	wf := map[string]any{"workflow_id": sandbox.WorkflowID}
	broken := simpleWorkflow()
	broken["entry_node"] = "bye"
	broken["edges"] = []any{map[string]any{"from": "intake", "to": "nowhere"}}
	selfLoop := simpleWorkflow()
	selfLoop["edges"] = []any{map[string]any{"from": "intake", "to": "intake", "description": "again"}}
	runToolsetCases(t, []toolsetCase{
		{name: "list", steps: []toolStep{
			{tool: "list_workflows", args: map[string]any{}, want: []string{`"Reception"`, `"node_count":3`,
				`"entry_node":"reception"`, `"has_more":false`}, wantNot: []string{"instructions"}},
			{tool: "list_workflows", args: map[string]any{"limit": 5000}, wantError: true, want: []string{"limit"}},
		}},
		{name: "get", steps: []toolStep{
			{tool: "get_workflow", args: wf, want: []string{`"book_appointment"`, `"global_prompt"`}},
			{tool: "get_workflow", args: map[string]any{"workflow_id": unknownUUID}, wantError: true,
				want: []string{"list_workflows"}},
		}},
		{name: "create then list", steps: []toolStep{
			{tool: "create_workflow", args: map[string]any{"name": "Intake", "definition": simpleWorkflow()},
				want: []string{`"name":"Intake"`, `"is_active":true`, `"entry_node":"intake"`}, save: "workflow"},
			{tool: "list_workflows", args: map[string]any{}, want: []string{`"Intake"`, `"total":2`}},
			{tool: "get_workflow", args: map[string]any{"workflow_id": "$workflow"}, want: []string{"Goodbye!"}},
		}},
		{name: "create refuses what the tool can see", steps: []toolStep{
			{tool: "create_workflow", args: map[string]any{"name": "X", "definition": broken}, wantError: true,
				want: []string{"definition.entry_node", `"nowhere" is not the id of a node`,
					"definition.edges[0].description"}},
			{tool: "create_workflow", args: map[string]any{"name": "X", "definition": map[string]any{
				"version": 2, "entry_node": "a", "nodes": []any{map[string]any{"id": "A", "type": "talk"}}}},
				wantError: true, want: []string{"definition.version", "definition.nodes[0].id",
					"definition.nodes[0].type"}},
			{tool: "list_workflows", args: map[string]any{}, want: []string{`"total":1`}},
		}},
		{name: "API details reach the model", steps: []toolStep{
			{tool: "create_workflow", args: map[string]any{"name": "X", "definition": selfLoop}, wantError: true,
				want: []string{"HTTP 400", "intake"}},
		}},
		{name: "update then read back", steps: []toolStep{
			{tool: "update_workflow", args: map[string]any{"workflow_id": sandbox.WorkflowID, "is_active": false,
				"definition": simpleWorkflow()}, want: []string{`"is_active":false`, `"entry_node":"intake"`}},
			{tool: "get_workflow", args: wf, want: []string{`"is_active":false`, "Goodbye!"},
				wantNot: []string{"book_appointment"}},
			{tool: "update_workflow", args: wf, wantError: true, want: []string{"nothing to change"}},
			{tool: "update_workflow", args: map[string]any{"workflow_id": unknownUUID, "name": "X"},
				wantError: true, want: []string{"list_workflows"}},
		}},
		{name: "delete in use says how to detach", steps: []toolStep{
			{tool: "delete_workflow", args: wf, wantError: true,
				want: []string{"409", "update_number", "workflow_id null", "list_numbers"}},
			{tool: "get_workflow", args: wf, want: []string{`"Reception"`}},
		}},
		{name: "delete then gone", steps: []toolStep{
			{tool: "create_workflow", args: map[string]any{"name": "Temp", "definition": simpleWorkflow()},
				save: "workflow"},
			{tool: "delete_workflow", args: map[string]any{"workflow_id": "$workflow"},
				want: []string{`"success":true`}},
			{tool: "get_workflow", args: map[string]any{"workflow_id": "$workflow"}, wantError: true,
				want: []string{"list_workflows"}},
			{tool: "delete_workflow", args: map[string]any{"workflow_id": unknownUUID}, wantError: true,
				want: []string{"list_workflows"}},
		}},
	})
}
