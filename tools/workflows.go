package tools

import (
	"fmt"
	"slices"
	"strings"
)

// workflowOperations are the workflows toolset: conversation graphs that
// drive the calls to a phone number (reference section 8.16).
var workflowOperations = []operation{
	listWorkflows, getWorkflow, createWorkflow, updateWorkflow, deleteWorkflow,
}

// workflowID is the path argument naming one workflow.
var workflowID = str("workflow_id", "Workflow ID (a UUID), as list_workflows shows.").as("id").inPath()

// workflowOut are the fields of a workflow a result schema names; lists
// show summaries with counts instead of the definition.
var workflowOut = []field{
	{"id", "string"}, {"name", "string"}, {"is_active", "boolean"}, {"definition", ""},
	{"created_at", "string"}, {"updated_at", "string"},
}

var workflowSummaryOut = []field{
	{"id", "string"}, {"name", "string"}, {"is_active", "boolean"}, {"entry_node", "string"},
	{"node_count", "integer"}, {"edge_count", "integer"}, {"created_at", "string"}, {"updated_at", "string"},
}

// workflowNodeTypes are the kinds of workflow node.
var workflowNodeTypes = []string{"conversation", "tool", "transfer", "end"}

// workflowDefinition is the definition argument: the whole graph.
var workflowDefinition = object("definition", "The whole conversation graph. The call starts at "+
	"entry_node and moves along edges whose description matches the conversation. Nodes: conversation "+
	"(the assistant talks, following instructions), tool (the platform calls your webhook tool_name, "+
	"then follows its one outgoing edge), transfer (transfers the call to destination; no outgoing "+
	"edges), end (says first_line and hangs up; no outgoing edges). Other node keys documented by the "+
	"API (llm_config, voice, tts_config, stt_config, tools, url, arguments, ui) pass through unchanged.",
	integer("version", "Graph format version: always 1.").between(1, 1).req(),
	str("entry_node", "id of the conversation node every call starts at.").req(),
	str("global_prompt", "Text put before the instructions of every conversation node, e.g. tone and "+
		"facts that hold throughout."),
	array("nodes", "The steps of the graph.",
		object("node", "One step. id and type always; the other fields by type.",
			str("id", "Node id: lower-case letter first, then lower-case letters, digits or _, at most "+
				"41 characters, unique in the graph.").matching(`^[a-z][a-z0-9_]{0,40}$`,
				"a lower-case letter, then lower-case letters, digits or _, at most 41 characters").req(),
			str("type", "conversation, tool, transfer or end.").oneOf(workflowNodeTypes...).req(),
			str("instructions", "conversation: what the assistant does in this step (required)."),
			str("first_line", "What is said on entering the node: opening line (conversation), hold "+
				"line (tool), line before transferring (transfer) or goodbye (end)."),
			str("tool_name", "tool: name sent to your webhook in the tool-calls event (required)."),
			phone("destination", "transfer: number to transfer the call to, in E.164 form (required)."),
			boolean("global", "conversation: true makes the node reachable from every conversation "+
				"node without edges, e.g. an FAQ or a transfer-request step."),
			str("global_description", "conversation: when to jump to this global node (required when "+
				"global is true)."),
		)).req(),
	array("edges", "Transitions between nodes. Only conversation and tool nodes have outgoing edges; a "+
		"tool node has exactly one. No self-loops or repeated from/to pairs.",
		object("edge", "One transition.",
			str("from", "id of the node the edge leaves.").req(),
			str("to", "id of the node the edge enters.").req(),
			str("description", "When to take this edge, for the language model, e.g. \"The caller wants "+
				"to book an appointment\". Required except on edges leaving a tool node."),
			str("message", "What the assistant says while moving along the edge."),
		)),
)

// checkWorkflowDefinition applies the documented graph rules that need
// more than one field, so that most mistakes are named before the API
// is asked; the API checks the rest and names them in its details.
func checkWorkflowDefinition(args map[string]any) error {
	def, ok := args["definition"].(map[string]any)
	if !ok {
		return nil
	}
	var problems argProblems
	types := map[string]string{}
	nodes, _ := def["nodes"].([]any)
	for i, n := range nodes {
		node, _ := n.(map[string]any)
		id, _ := node["id"].(string)
		typ, _ := node["type"].(string)
		path := fmt.Sprintf("definition.nodes[%d]", i)
		if _, dup := types[id]; dup && id != "" {
			problems.add(path+".id", "%q is used by another node; node ids must be unique", id)
		}
		types[id] = typ
		for field, needed := range map[string]bool{
			"instructions":       typ == "conversation",
			"tool_name":          typ == "tool",
			"destination":        typ == "transfer",
			"global_description": node["global"] == true,
		} {
			if s, _ := node[field].(string); needed && s == "" {
				problems.add(path+"."+field, "is required for this node (%s %q)", typ, id)
			}
		}
	}
	if entry, _ := def["entry_node"].(string); entry != "" && types[entry] != "conversation" {
		problems.add("definition.entry_node", "%q must name a conversation node of nodes", entry)
	}
	edges, _ := def["edges"].([]any)
	for i, e := range edges {
		edge, _ := e.(map[string]any)
		path := fmt.Sprintf("definition.edges[%d]", i)
		from, _ := edge["from"].(string)
		to, _ := edge["to"].(string)
		for end, id := range map[string]string{"from": from, "to": to} {
			if _, known := types[id]; id != "" && !known {
				problems.add(path+"."+end, "%q is not the id of a node", id)
			}
		}
		if desc, _ := edge["description"].(string); desc == "" && types[from] != "tool" && types[from] != "" {
			problems.add(path+".description", "is required on an edge leaving a %s node", types[from])
		}
	}
	if len(problems) > 0 {
		slices.Sort(problems)
		return fmt.Errorf("invalid arguments: %s", strings.Join(problems, "; "))
	}
	return nil
}
