package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client/catalog"
)

const listCallsDoc = `List calls, newest first: status, direction, caller and number, assistant, ` +
	`start time, duration, end reason, summary and transcript length. Filter by status and by a time ` +
	`range. caller_phone is the other party (on an outbound call, the person called). Use it to find a ` +
	`call_id for get_call (details and transcript) or control_call. Returns one page (default 20); pass ` +
	`next_offset as offset for more.`

var listCalls = operation{
	name: "list_calls", title: "List calls", toolset: CallsSet,
	doc: listCallsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/calls",
	params: append(pageParams(inQuery, 20, 1000),
		str("status", "Only calls in this status.").oneOf(catalog.CallStatuses...).inQuery(),
		str("start_date", "Calls from this moment, ISO 8601 date-time, e.g. 2026-11-01T00:00:00Z.").moment().inQuery(),
		str("end_date", "Calls up to this moment, ISO 8601 date-time; a date alone covers that whole day.").
			momentUntil().inQuery(),
	),
	check:     checkDateRange,
	shape:     paged("calls", callSummary),
	output:    withUntrustedContent(listOutput("calls", callOut...)),
	untrusted: []string{"calls[].summary", "calls[].analysis_result"},
}
