package tools

import "net/http"

const listAnalysisTemplatesDoc = `List the organization's analysis templates: saved post-call analysis ` +
	`setups (prompts plus a JSON Schema of data to extract from each call) with ID, name and ` +
	`description. Use it to find an analysis_template_id for get_analysis_template, ` +
	`update_analysis_template or delete_analysis_template. Returns one page (default 20); pass ` +
	`next_offset as offset for more.`

var listAnalysisTemplates = operation{
	name: "list_analysis_templates", title: "List analysis templates", toolset: TemplatesSet,
	doc: listAnalysisTemplatesDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/analysis-templates",
	params: pageParams(inQuery, 20, 100),
	shape:  paged("analysis_templates", analysisTemplateSummary, "data", "analysisTemplates"),
	output: listOutput("analysis_templates", analysisTemplateOut...),
}
