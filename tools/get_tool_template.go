package tools

import "net/http"

const getToolTemplateDoc = `Get one tool template with its whole tool_config: for a function its name, ` +
	`description, parameters schema, webhook url and async flag; for a transfer its destinations. ` +
	`tool_template_id comes from list_tool_templates.`

var getToolTemplate = operation{
	name: "get_tool_template", title: "Get a tool template", toolset: TemplatesSet,
	doc: getToolTemplateDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/tool-templates/{id}",
	params:   []param{toolTemplateID},
	shape:    one("tool_template", "toolTemplate"),
	output:   objectOutput("tool_template", toolTemplateOut...),
	listedBy: "list_tool_templates",
}
