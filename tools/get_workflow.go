package tools

import "net/http"

const getWorkflowDoc = `Get one workflow with its whole definition: entry node, global prompt, every ` +
	`node and every edge. Read it before update_workflow, which replaces the definition whole. ` +
	`workflow_id comes from list_workflows.`

var getWorkflow = operation{
	name: "get_workflow", title: "Get a workflow", toolset: WorkflowsSet,
	doc: getWorkflowDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/workflows/{id}",
	params:   []param{workflowID},
	shape:    one("workflow"),
	output:   objectOutput("workflow", workflowOut...),
	listedBy: "list_workflows",
}
