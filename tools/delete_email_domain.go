package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const deleteEmailDomainDoc = `Delete the organization's custom e-mail sending domain: notification ` +
	`e-mails no longer go out from it. This cannot be undone; using it again means adding it again and ` +
	`verifying its DNS records anew. Check which domain it is with get_email_domain first. Fails when ` +
	`the organization has no domain.`

var deleteEmailDomain = operation{
	name: "delete_email_domain", title: "Delete the e-mail domain", toolset: DomainsSet,
	doc: deleteEmailDomainDoc, effect: Destructive, idempotent: true,
	method: http.MethodDelete, path: "/domains",
	shape:  deleted(""),
	output: deletedOutput,
	advice: map[error]string{client.ErrNotFound: "No domain is set up, so there is nothing to delete."},
}
