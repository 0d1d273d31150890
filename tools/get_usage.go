package tools

import "net/http"

const getUsageDoc = `Read the billing log: one entry per call with its duration, type (phone or web), ` +
	`number, assistant and whether your own provider keys were used, plus a summary of calls and ` +
	`minutes. Filter by start_date and end_date. Every call minute costs €0.07 in platform fees on top ` +
	`of model usage. Entries carry no call ID: list_calls with the same dates has each call's summary. ` +
	`Returns one page (default 20); pass next_offset as offset for more.`

var getUsage = operation{
	name: "get_usage", title: "Get usage", toolset: AccountSet,
	doc: getUsageDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/usage",
	params: append(pageParams(inQuery, 20, 1000),
		str("start_date", "Earliest entry, ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z.").moment().inQuery(),
		str("end_date", "Latest entry, ISO 8601 date-time; a date alone covers that whole day.").
			momentUntil().inQuery(),
	),
	check: checkDateRange,
	shape: paged("logs", nil, "usage"),
	output: withSummary(listOutput("logs", field{"id", "string"}, field{"duration_sec", ""},
		field{"call_type", "string"}, field{"phone_number", "string"}, field{"agent_name", "string"},
		field{"created_at", "string"})),
}

// withSummary adds the summary object of a usage page to a list schema.
func withSummary(schema map[string]any) map[string]any {
	schema["properties"].(map[string]any)["summary"] = map[string]any{"type": "object",
		"description": "Totals over all pages: calls and duration.", "properties": map[string]any{}}
	return schema
}
