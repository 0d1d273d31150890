package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const refreshEmailDomainDoc = `Re-read the status of the organization's e-mail sending domain and its ` +
	`DNS records from the e-mail provider (Resend), without starting a new check: use it to see whether ` +
	`a verification started with verify_email_domain has finished. verified is true once it has. Fails ` +
	`when the organization has no domain.`

var refreshEmailDomain = operation{
	name: "refresh_email_domain", title: "Refresh the e-mail domain", toolset: DomainsSet,
	doc: refreshEmailDomainDoc, effect: Write, idempotent: true,
	method: http.MethodPost, path: "/domains/refresh",
	shape:  domainResult,
	output: domainOutput,
	advice: map[error]string{client.ErrNotFound: "No domain is set up: add one with add_email_domain."},
}
