package sandbox

import (
	"strings"
	"time"
)

// domain is the organization's one custom e-mail sending domain. Its DNS
// records verify as soon as verification is asked for.
type domain struct {
	id, name, resendID, status string
	created, updated, verified time.Time
}

func (org *Organization) viewDomain(d *domain) map[string]any {
	recordStatus := "pending"
	if d.status == "verified" {
		recordStatus = "verified"
	}
	record := func(kind, name, typ, value string, priority any) map[string]any {
		return map[string]any{"record": kind, "name": name, "type": typ, "ttl": "Auto", "status": recordStatus,
			"value": value, "priority": priority}
	}
	return map[string]any{
		"id": d.id, "org_id": org.ID, "domain_name": d.name, "resend_domain_id": orNil(d.resendID),
		"status": d.status, "region": "eu-west-1",
		"records": []any{
			record("SPF", "send", "MX", "feedback-smtp.eu-west-1.amazonses.com", 10),
			record("SPF", "send", "TXT", "v=spf1 include:amazonses.com ~all", nil),
			record("DKIM", "resend._domainkey", "TXT", "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDsandbox"+d.id[:8], nil),
		},
		"created_at": stamp(d.created), "updated_at": stamp(d.updated), "verified_at": stampOrNil(d.verified),
	}
}

func (s *Server) getDomain(c *req) (answer, *failure) {
	if c.org.domain == nil {
		return ok(wrap("domain", nil)), nil
	}
	return ok(wrap("domain", c.org.viewDomain(c.org.domain))), nil
}

// createDomain adds the sending domain (domain_name, or SDK 1.0's domain);
// an organization has at most one.
func (s *Server) createDomain(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	name := b.pattern(b.alias("domain_name", "domain"), true, fqdn, "a fully qualified domain name like mail.example.org")
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if c.org.domain != nil {
		return answer{}, conflict("The organization already has the domain %s; delete it first", c.org.domain.name)
	}
	c.org.domain = &domain{id: s.ids.uuid(), name: strings.ToLower(name), resendID: "rd_" + s.ids.token(12),
		status: "pending", created: c.now, updated: c.now}
	return created(wrap("domain", c.org.viewDomain(c.org.domain))), nil
}

func (s *Server) deleteDomain(c *req) (answer, *failure) {
	if c.org.domain == nil {
		return answer{}, notFound("Domain")
	}
	c.org.domain = nil
	return deleted(), nil
}

// verifyDomain answers POST /domains/verify and /domains/refresh: the
// records check out at once.
func (s *Server) verifyDomain(c *req) (answer, *failure) {
	d := c.org.domain
	if d == nil {
		return answer{}, notFound("Domain")
	}
	if d.status != "verified" {
		d.status, d.verified, d.updated = "verified", c.now, c.now
	}
	return ok(wrap("domain", c.org.viewDomain(d))), nil
}

// resendDomains are the domains of the organization's (pretend) Resend
// account, derived from its e-mail address.
func (org *Organization) resendDomains() []map[string]any {
	base := "example.org"
	if _, host, found := strings.Cut(org.Email, "@"); found {
		base = host
	}
	return []map[string]any{
		{"id": "rd_" + org.ID[:8] + "mail", "name": "mail." + base, "status": "verified", "region": "eu-west-1"},
		{"id": "rd_" + org.ID[:8] + "news", "name": "news." + base, "status": "not_started", "region": "eu-west-1"},
	}
}

// needResend fails unless the organization stored a Resend key.
func (org *Organization) needResend() *failure {
	if org.byok["resend"] == "" {
		return badRequest("provider", "No Resend API key stored; add one with POST /byok (provider resend) first")
	}
	return nil
}

func (s *Server) listResendDomains(c *req) (answer, *failure) {
	if err := c.org.needResend(); err != nil {
		return answer{}, err
	}
	var selected any
	if c.org.domain != nil {
		selected = orNil(c.org.domain.resendID)
	}
	return ok(map[string]any{"domains": c.org.resendDomains(), "selected_domain_id": selected}), nil
}

// syncDomain makes a domain of the Resend account the organization's.
func (s *Server) syncDomain(c *req) (answer, *failure) {
	b, fail := c.body()
	if fail != nil {
		return answer{}, fail
	}
	id := b.str(b.alias("resendDomainId", "domain_id"), true)
	if err := b.err(); err != nil {
		return answer{}, err
	}
	if err := c.org.needResend(); err != nil {
		return answer{}, err
	}
	for _, rd := range c.org.resendDomains() {
		if rd["id"] != id {
			continue
		}
		d := &domain{id: s.ids.uuid(), name: rd["name"].(string), resendID: id, status: rd["status"].(string),
			created: c.now, updated: c.now}
		if d.status == "verified" {
			d.verified = c.now
		}
		c.org.domain = d
		return ok(map[string]any{"domain": c.org.viewDomain(d), "message": "Domain synced successfully from Resend"}), nil
	}
	return answer{}, notFound("Resend domain")
}
