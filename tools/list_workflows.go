package tools

import "net/http"

const listWorkflowsDoc = `List the organization's conversation workflows as summaries: ID, name, ` +
	`whether active, entry node and node and edge counts. Use it to find a workflow_id for ` +
	`get_workflow, update_workflow, delete_workflow, or to attach one to a phone number with ` +
	`update_number. Returns one page (default 20); pass next_offset as offset for more.`

var listWorkflows = operation{
	name: "list_workflows", title: "List workflows", toolset: WorkflowsSet,
	doc: listWorkflowsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/workflows",
	params: pageParams(inTool, 20, 1000),
	shape:  many("workflows", nil),
	output: listOutput("workflows", workflowSummaryOut...),
}
