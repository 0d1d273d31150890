package tools

import "net/http"

const deleteToolTemplateDoc = `Delete a tool template for good; this cannot be undone, so check the ` +
	`name with get_tool_template first. tool_template_id comes from list_tool_templates.`

var deleteToolTemplate = operation{
	name: "delete_tool_template", title: "Delete a tool template", toolset: TemplatesSet,
	doc: deleteToolTemplateDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/tool-templates/{id}",
	params:   []param{toolTemplateID},
	shape:    deleted("tool_template_id"),
	output:   deletedOutput,
	listedBy: "list_tool_templates",
}
