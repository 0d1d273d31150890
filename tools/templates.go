package tools

import (
	"fmt"
	"strings"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

// templateOperations are the templates toolset: reusable tool definitions
// (reference section 8.11) and post-call analysis setups (section 8.12)
// that assistants copy.
var templateOperations = []operation{
	listToolTemplates, getToolTemplate, createToolTemplate, updateToolTemplate, deleteToolTemplate,
	listAnalysisTemplates, getAnalysisTemplate, createAnalysisTemplate, updateAnalysisTemplate,
	deleteAnalysisTemplate,
}

// toolTemplateID is the path argument naming one tool template.
var toolTemplateID = str("tool_template_id", "Tool template ID (a UUID), as list_tool_templates shows.").
	as("id").inPath()

// analysisTemplateID is the path argument naming one analysis template.
var analysisTemplateID = str("analysis_template_id",
	"Analysis template ID (a UUID), as list_analysis_templates shows.").as("id").inPath()

// toolTemplateOut are the fields of a tool template a result schema names.
var toolTemplateOut = []field{
	{"id", "string"}, {"name", "string"}, {"description", "string"}, {"tool_type", "string"},
	{"tool_config", ""}, {"created_at", "string"}, {"updated_at", "string"},
}

// analysisTemplateOut are the fields of an analysis template a result
// schema names.
var analysisTemplateOut = []field{
	{"id", "string"}, {"name", "string"}, {"description", "string"}, {"system_prompt", "string"},
	{"user_prompt", "string"}, {"schema", ""}, {"created_at", "string"}, {"updated_at", "string"},
}

// toolTemplateFields are the body arguments of a tool template, none
// required (create marks name, tool_type and tool_config).
var toolTemplateFields = []param{
	str("name", "Template name, shown when choosing a tool for an assistant. A function tool's name "+
		"defaults to it."),
	str("description", "What the template is for, for people choosing it. Empty clears it.").orNull(),
	str("tool_type", "Kind of tool: function (calls your webhook), end_call (built-in hang-up) or "+
		"transfer_call (built-in transfer to a phone number).").oneOf(catalog.ToolTemplateTypes...),
	object("tool_config", "The tool's settings; depends on tool_type. function: name, description, "+
		"parameters, url, async. end_call: {} (nothing). transfer_call: destinations. Other keys pass "+
		"through unchanged.",
		str("name", "function: the name the language model calls the tool by (letter or _ first, then "+
			"letters, digits, _ or -, at most 64). Defaults to the template name.").
			matching(`^[A-Za-z_][A-Za-z0-9_-]{0,63}$`, "a letter or _ first, then letters, digits, _ or -, at most 64 characters"),
		str("description", "function: tells the language model when to call the tool and what it does."),
		object("parameters", "function: JSON Schema (type object) of the arguments the language model "+
			"passes, e.g. {\"type\":\"object\",\"properties\":{\"phone\":{\"type\":\"string\"}},\"required\":[\"phone\"]}.").
			schemaOfObject(),
		str("url", "function: your webhook URL that receives the tool call; overrides the assistant's "+
			"webhook_url.").matching(`^https?://\S+$`, "an http:// or https:// URL"),
		boolean("async", "function: true to let the call go on without waiting for the webhook's answer "+
			"(the webhook should answer 200 at once); false waits up to 10 s for the result."),
		array("destinations", "transfer_call: where the call may be transferred, at least one.",
			object("destination", "One transfer target.",
				str("type", "Destination kind; only number exists.").oneOf("number").req(),
				phone("number", "Phone number to transfer to, in E.164 form.").req(),
				str("description", "When to transfer here, for the language model, e.g. \"the caller "+
					"asks for billing\".").req(),
				str("message", "What the assistant says before transferring."),
			)),
	),
}

// checkToolTemplate holds tool_config to what tool_type needs: a transfer
// needs destinations, and only a transfer takes them.
func checkToolTemplate(args map[string]any) error {
	typ, _ := args["tool_type"].(string)
	config, hasConfig := args["tool_config"].(map[string]any)
	if typ == "" || !hasConfig {
		return nil
	}
	dests, _ := config["destinations"].([]any)
	switch {
	case typ == "transfer_call" && len(dests) == 0:
		return fmt.Errorf("invalid arguments: tool_config.destinations: a transfer_call template needs " +
			"at least one destination {type: number, number, description}")
	case typ != "transfer_call" && config["destinations"] != nil:
		return fmt.Errorf("invalid arguments: tool_config.destinations: only a transfer_call template "+
			"takes destinations, not %s", typ)
	}
	return nil
}

// toolTemplateSummary is a tool template as a list shows it: enough to
// choose one, without the parameters schema.
func toolTemplateSummary(t map[string]any) any {
	summary := map[string]any{}
	for _, k := range []string{"id", "name", "description", "tool_type", "created_at"} {
		summary[k] = t[k]
	}
	if summary["tool_type"] == nil {
		summary["tool_type"] = t["type"] // the configuration guide's flat form
	}
	if c, ok := t["tool_config"].(map[string]any); ok {
		summary["tool_config"] = map[string]any{"name": c["name"], "url": c["url"]}
	}
	return summary
}

// analysisTemplateFields are the body arguments of an analysis template,
// none required (create marks all but description).
var analysisTemplateFields = []param{
	str("name", "Template name, shown when choosing an analysis for an assistant."),
	str("description", "What the analysis is for. Empty clears it.").orNull(),
	str("system_prompt", "Instructions for the model that analyses each call, e.g. \"You review phone "+
		"call transcripts.\""),
	str("user_prompt", "The request per call. Placeholders use SINGLE braces and are filled per call: "+
		"{transcript}, {summary}, {duration}, {caller_number}. E.g. \"Rate this call. Transcript: "+
		"{transcript}\"."),
	object("schema", "JSON Schema (type object) of the structured data to extract from each call, e.g. "+
		"{\"type\":\"object\",\"properties\":{\"satisfied\":{\"type\":\"boolean\"}}}.").schemaOfObject(),
}

// analysisPlaceholders are the user_prompt placeholders.
var analysisPlaceholders = []string{"transcript", "summary", "duration", "caller_number"}

// checkAnalysisPrompt refuses double-brace placeholders, which older docs
// showed and the API does not fill.
func checkAnalysisPrompt(args map[string]any) error {
	prompt, _ := args["user_prompt"].(string)
	for _, p := range analysisPlaceholders {
		if strings.Contains(prompt, "{{"+p+"}}") {
			return fmt.Errorf("invalid arguments: user_prompt: write {%s} with single braces, not {{%s}}; "+
				"double braces are not filled in", p, p)
		}
	}
	return nil
}

// analysisTemplateSummary is an analysis template as a list shows it,
// without its prompts and schema.
func analysisTemplateSummary(t map[string]any) any {
	summary := map[string]any{}
	for _, k := range []string{"id", "name", "description", "created_at", "updated_at"} {
		summary[k] = t[k]
	}
	return summary
}
