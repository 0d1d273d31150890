package tools

import (
	"net/http"

	"github.com/voicedock/voicedock-mcp/client"
)

const addEmailDomainDoc = `Add a custom e-mail sending domain for end-of-call notification e-mails, ` +
	`e.g. mail.example.org. Returns the DNS records (records) the user must add at their DNS provider; ` +
	`then call verify_email_domain. An organization has one domain: this fails when it already has one ` +
	`(get_email_domain shows it; delete_email_domain removes it). To use a domain already set up in a ` +
	`connected Resend account, use list_resend_domains and select_resend_domain instead.`

var addEmailDomain = operation{
	name: "add_email_domain", title: "Add an e-mail domain", toolset: DomainsSet,
	doc: addEmailDomainDoc, effect: Write,
	method: http.MethodPost, path: "/domains",
	params: []param{
		str("domain_name", "The domain to send from, as the user gives it: a fully qualified domain "+
			"name such as mail.example.org, ideally a subdomain they control the DNS of.").
			matching(`^(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`,
				"a fully qualified domain name like mail.example.org, without https:// or a trailing dot").req(),
	},
	shape:  domainResult,
	output: domainOutput,
	advice: map[error]string{
		client.ErrConflict: "The organization has a domain already (get_email_domain shows it); an " +
			"organization has one, so delete it with delete_email_domain before adding another.",
	},
}
