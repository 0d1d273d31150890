package tools

import (
	"net/http"
	"slices"
)

const updateAnalysisTemplateDoc = `Change an analysis template. Only the fields given change; schema, ` +
	`when given, replaces the stored schema whole. user_prompt placeholders use single braces: ` +
	`{transcript}, {summary}, {duration}, {caller_number}. Assistants that copied the template keep ` +
	`their copy. analysis_template_id comes from list_analysis_templates.`

var updateAnalysisTemplate = operation{
	name: "update_analysis_template", title: "Update an analysis template", toolset: TemplatesSet,
	doc: updateAnalysisTemplateDoc, effect: Write, idempotent: true,
	method: http.MethodPatch, path: "/analysis-templates/{id}",
	params: slices.Concat([]param{analysisTemplateID}, analysisTemplateFields),
	check: func(args map[string]any) error {
		if err := requireChange(args, "analysis_template_id"); err != nil {
			return err
		}
		return checkAnalysisPrompt(args)
	},
	shape:    one("analysis_template", "analysisTemplate"),
	output:   objectOutput("analysis_template", analysisTemplateOut...),
	listedBy: "list_analysis_templates",
}
