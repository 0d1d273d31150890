package tools

import "net/http"

const createToolTemplateDoc = `Create a reusable tool template that assistants can be given. tool_type ` +
	`function: the language model calls your webhook (tool_config.url) with arguments described by ` +
	`tool_config.parameters (a JSON Schema). end_call: the built-in hang-up (tool_config {}). ` +
	`transfer_call: the built-in transfer, with tool_config.destinations (E.164 numbers and when to use ` +
	`each). Returns the new template with its ID. Creating one costs nothing and calls no one; an ` +
	`assistant uses a tool once it is in its llm_config.tools (update_assistant).`

var createToolTemplate = operation{
	name: "create_tool_template", title: "Create a tool template", toolset: TemplatesSet,
	doc: createToolTemplateDoc, effect: Write,
	method: http.MethodPost, path: "/tool-templates",
	params: []param{toolTemplateFields[0].req(), toolTemplateFields[1], toolTemplateFields[2].req(),
		toolTemplateFields[3].req()},
	check:  checkToolTemplate,
	shape:  one("tool_template", "toolTemplate"),
	policy: configPolicy,
	output: objectOutput("tool_template", toolTemplateOut...),
}
