package tools

import "net/http"

const listToolTemplatesDoc = `List the organization's tool templates: reusable tools (a function that ` +
	`calls your webhook, the built-in end-call, or a transfer to phone numbers) with ID, name, type and ` +
	`webhook URL. Use it to find a tool_template_id for get_tool_template, update_tool_template or ` +
	`delete_tool_template. Returns one page (default 20); pass next_offset as offset for more.`

var listToolTemplates = operation{
	name: "list_tool_templates", title: "List tool templates", toolset: TemplatesSet,
	doc: listToolTemplatesDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/tool-templates",
	params: pageParams(inTool, 20, 1000),
	shape:  many("tool_templates", toolTemplateSummary, "toolTemplates"),
	output: listOutput("tool_templates", toolTemplateOut...),
}
