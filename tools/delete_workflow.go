package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const deleteWorkflowDoc = `Delete a workflow for good; this cannot be undone, so check the name with ` +
	`get_workflow first. The API refuses while phone numbers use it: detach each such number first ` +
	`with update_number and workflow_id null (list_numbers shows which numbers have this ` +
	`workflow_id). To stop using it but keep it, set is_active false with update_workflow. ` +
	`workflow_id comes from list_workflows.`

var deleteWorkflow = operation{
	name: "delete_workflow", title: "Delete a workflow", toolset: WorkflowsSet,
	doc: deleteWorkflowDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/workflows/{id}",
	params:   []param{workflowID},
	shape:    deleted("workflow_id"),
	output:   deletedOutput,
	listedBy: "list_workflows",
	advice: map[error]string{client.ErrConflict: "Phone numbers still use this workflow: detach each one with update_number and workflow_id null " +
		"(list_numbers shows which numbers have this workflow_id), then call delete_workflow again."},
}
