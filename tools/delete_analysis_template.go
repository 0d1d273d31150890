package tools

import "net/http"

const deleteAnalysisTemplateDoc = `Delete an analysis template for good; this cannot be undone, so check ` +
	`the name with get_analysis_template first. Assistants that used it keep their own copy of the ` +
	`analysis setup and go on analysing calls. analysis_template_id comes from list_analysis_templates.`

var deleteAnalysisTemplate = operation{
	name: "delete_analysis_template", title: "Delete an analysis template", toolset: TemplatesSet,
	doc: deleteAnalysisTemplateDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/analysis-templates/{id}",
	params:   []param{analysisTemplateID},
	shape:    deleted("analysis_template_id"),
	output:   deletedOutput,
	listedBy: "list_analysis_templates",
}
