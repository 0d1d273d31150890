package tools

import "net/http"

const selectResendDomainDoc = `Make a domain of the organization's connected Resend account its e-mail ` +
	`sending domain, copying its status and DNS records from Resend. An organization has one sending ` +
	`domain, so this takes the place of the current one. resend_domain_id comes from ` +
	`list_resend_domains; a Resend key must be stored (set_byok_key, provider resend).`

var selectResendDomain = operation{
	name: "select_resend_domain", title: "Select a Resend domain", toolset: DomainsSet,
	doc: selectResendDomainDoc, effect: Write, idempotent: true,
	method: http.MethodPost, path: "/domains/sync",
	params: []param{
		str("resend_domain_id", "ID of the domain in the Resend account (not its name), as "+
			"list_resend_domains shows.").as("resendDomainId").req(),
	},
	shape:    domainResult,
	output:   domainOutput,
	listedBy: "list_resend_domains",
}
