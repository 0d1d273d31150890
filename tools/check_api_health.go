package tools

import "net/http"

const checkAPIHealthDoc = `Check whether the VoiceDock API and its database are up, and how fast the ` +
	`database answers. Needs no valid API key. Use it when other tools fail with network or 5xx errors, ` +
	`to tell an outage from a problem with the request.`

var checkAPIHealth = operation{
	name: "check_api_health", title: "Check API health", toolset: AccountSet,
	doc: checkAPIHealthDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/health", public: true,
	output: actionOutput(field{"status", "string"}, field{"timestamp", "string"}, field{"version", "string"},
		field{"checks", "object"}),
}
