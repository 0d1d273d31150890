package tools

import "net/http"

const updateWorkflowDoc = `Change a workflow's name, pause or resume it (is_active), or replace its ` +
	`graph. definition, when given, replaces the whole graph: read it with get_workflow, change it ` +
	`and send it complete. Calls already running keep the version they started with; new calls use ` +
	`the new one. workflow_id comes from list_workflows.`

var updateWorkflow = operation{
	name: "update_workflow", title: "Update a workflow", toolset: WorkflowsSet,
	doc: updateWorkflowDoc, effect: Write, idempotent: true,
	method: http.MethodPatch, path: "/workflows/{id}",
	params: []param{
		workflowID,
		str("name", "New workflow name."),
		workflowDefinition,
		boolean("is_active", "false pauses the workflow: numbers using it behave as their assistant "+
			"alone; true resumes it."),
	},
	check: func(args map[string]any) error {
		if err := requireChange(args, "workflow_id"); err != nil {
			return err
		}
		return checkWorkflowDefinition(args)
	},
	shape:    one("workflow"),
	policy:   configPolicy,
	output:   objectOutput("workflow", workflowOut...),
	listedBy: "list_workflows",
}
