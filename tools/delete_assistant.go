package tools

import "net/http"

const deleteAssistantDoc = `Delete an assistant for good. Numbers that used it are left without an ` +
	`assistant. This cannot be undone: check the name with get_assistant first. assistant_id comes from ` +
	`list_assistants.`

var deleteAssistant = operation{
	name: "delete_assistant", title: "Delete an assistant", toolset: AssistantsSet,
	doc: deleteAssistantDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/assistants/{id}",
	params:   []param{assistantID},
	shape:    deleted("assistant_id"),
	output:   deletedOutput,
	listedBy: "list_assistants",
}
