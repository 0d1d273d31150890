package tools

import "net/http"

const createAnalysisTemplateDoc = `Create an analysis template: a saved post-call analysis that pulls ` +
	`structured data (described by schema, a JSON Schema) out of each call's transcript. user_prompt ` +
	`placeholders use single braces: {transcript}, {summary}, {duration}, {caller_number}. Returns the ` +
	`new template with its ID. Creating one costs nothing. Assistants hold a copy of an analysis setup ` +
	`in their analysis_plan (update_assistant), not a link to the template.`

var createAnalysisTemplate = operation{
	name: "create_analysis_template", title: "Create an analysis template", toolset: TemplatesSet,
	doc: createAnalysisTemplateDoc, effect: Write,
	method: http.MethodPost, path: "/analysis-templates",
	params: []param{analysisTemplateFields[0].req(), analysisTemplateFields[1],
		analysisTemplateFields[2].req(), analysisTemplateFields[3].req(), analysisTemplateFields[4].req()},
	check:  checkAnalysisPrompt,
	shape:  one("analysis_template", "analysisTemplate"),
	output: objectOutput("analysis_template", analysisTemplateOut...),
}
