package tools

import (
	"net/http"
)

const listResendDomainsDoc = `List the domains of the organization's connected Resend account (its ` +
	`resend key, stored with set_byok_key) with their status, and which one is selected ` +
	`(selected_domain_id). Use it to find a resend_domain_id for select_resend_domain. Fails when no ` +
	`Resend key is stored. Returns one page (default 20); pass next_offset as offset for more.`

var listResendDomains = operation{
	name: "list_resend_domains", title: "List Resend domains", toolset: DomainsSet,
	doc: listResendDomainsDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/domains/sync",
	params: pageParams(inTool, 20, 1000),
	shape:  withSelectedDomain,
	output: func() map[string]any {
		s := listOutput("domains", field{"id", "string"}, field{"name", "string"}, field{"status", "string"},
			field{"region", "string"})
		s["properties"].(map[string]any)["selected_domain_id"] = map[string]any{"type": "string",
			"description": "The Resend domain the organization sends from, if any."}
		return s
	}(),
}

// withSelectedDomain is the many shape plus the answer's selected_domain_id.
func withSelectedDomain(body any, args map[string]any) (any, error) {
	out, err := many("domains", nil, "resend_domains")(body, args)
	if err != nil {
		return nil, err
	}
	if m, ok := body.(map[string]any); ok {
		if id, ok := m["selected_domain_id"].(string); ok && id != "" {
			out.(map[string]any)["selected_domain_id"] = id
		}
	}
	return out, nil
}
