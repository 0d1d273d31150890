package tools

import "net/http"

const createWorkflowDoc = `Create a conversation workflow: a graph of steps (conversation, tool, ` +
	`transfer, end) that drives the calls to a phone number instead of one flat prompt; the number's ` +
	`assistant still supplies voice, speech recognition and language model. The API checks the graph ` +
	`and names every problem. It takes effect only once attached to a number with update_number ` +
	`(workflow_id). Returns the new workflow with its ID. Creating one costs nothing and calls no one.`

var createWorkflow = operation{
	name: "create_workflow", title: "Create a workflow", toolset: WorkflowsSet,
	doc: createWorkflowDoc, effect: Write,
	method: http.MethodPost, path: "/workflows",
	params: []param{
		str("name", "Workflow name, e.g. \"Dental reception\".").req(),
		workflowDefinition.req(),
		boolean("is_active", "false creates it paused: numbers using it then behave as their assistant "+
			"alone.").byDefault(true),
	},
	check:  checkWorkflowDefinition,
	shape:  one("workflow"),
	policy: configPolicy,
	output: objectOutput("workflow", workflowOut...),
}
