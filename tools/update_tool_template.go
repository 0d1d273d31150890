package tools

import (
	"net/http"
	"slices"
)

const updateToolTemplateDoc = `Change a tool template. Only the fields given change, but tool_config, ` +
	`when given, replaces the stored config whole: read it first with get_tool_template and send it ` +
	`complete. tool_template_id comes from list_tool_templates.`

var updateToolTemplate = operation{
	name: "update_tool_template", title: "Update a tool template", toolset: TemplatesSet,
	doc: updateToolTemplateDoc, effect: Write, idempotent: true,
	method: http.MethodPatch, path: "/tool-templates/{id}",
	params: slices.Concat([]param{toolTemplateID}, toolTemplateFields),
	check: func(args map[string]any) error {
		if err := requireChange(args, "tool_template_id"); err != nil {
			return err
		}
		return checkToolTemplate(args)
	},
	shape:    one("tool_template", "toolTemplate"),
	policy:   configPolicy,
	output:   objectOutput("tool_template", toolTemplateOut...),
	listedBy: "list_tool_templates",
}
