package tools

import "net/http"

const getEmailDomainDoc = `Get the organization's custom e-mail sending domain (the domain end-of-call ` +
	`notification e-mails are sent from), with its status and the DNS records the user must add at their ` +
	`DNS provider. An organization has at most one; configured is false when it has none.`

var getEmailDomain = operation{
	name: "get_email_domain", title: "Get the e-mail domain", toolset: DomainsSet,
	doc: getEmailDomainDoc, effect: Read, idempotent: true,
	method: http.MethodGet, path: "/domains",
	shape:  domainResult,
	output: domainOutput,
}
