package tools

import "net/http"

const getAnalysisTemplateDoc = `Get one analysis template whole: its system prompt, user prompt (with ` +
	`{transcript}-style placeholders) and the JSON Schema of the data it extracts from each call. ` +
	`analysis_template_id comes from list_analysis_templates.`

var getAnalysisTemplate = operation{
	name: "get_analysis_template", title: "Get an analysis template", toolset: TemplatesSet,
	doc: getAnalysisTemplateDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/analysis-templates/{id}",
	params:   []param{analysisTemplateID},
	shape:    one("analysis_template", "analysisTemplate"),
	output:   objectOutput("analysis_template", analysisTemplateOut...),
	listedBy: "list_analysis_templates",
}
