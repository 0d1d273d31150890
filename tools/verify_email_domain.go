package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const verifyEmailDomainDoc = `Ask the e-mail provider to check the DNS records of the organization's ` +
	`sending domain, after the user added them at their DNS provider (get_email_domain shows them). ` +
	`Returns the domain with its status; verified is true once every record checks out. DNS changes can ` +
	`take hours to spread: if it is still pending, check again later with refresh_email_domain. Fails ` +
	`when the organization has no domain.`

var verifyEmailDomain = operation{
	name: "verify_email_domain", title: "Verify the e-mail domain", toolset: DomainsSet,
	doc: verifyEmailDomainDoc, effect: Write, idempotent: true,
	method: http.MethodPost, path: "/domains/verify",
	shape:  domainResult,
	output: domainOutput,
	advice: map[error]string{client.ErrNotFound: "No domain is set up: add one with add_email_domain."},
}
